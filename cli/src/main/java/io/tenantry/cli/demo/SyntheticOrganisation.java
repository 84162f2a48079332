package io.tenantry.cli.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A deterministic generator of synthetic organisations for the demo: two tenants ({@code contoso}
 * with about 70 % of the users, {@code fabrikam} with the rest), users with departments, countries
 * and preferred data locations, guests, deleted users, licences assigned over time, a migration
 * wave, groups with owners, and activity across every workload.
 *
 * <p>The activity has a realistic shape: each user's intensity is heavy-tailed (a log-normal
 * draw), weekends are quiet, people ramp up after their migration date, and files are shared
 * within departments so collaboration shows. The same seed and options always give the same
 * organisation, byte for byte.
 */
public final class SyntheticOrganisation {

  /** One generated tenant. */
  public record Tenant(String id, String displayName, String domain, String centralGeo,
      List<String> satelliteGeos, List<User> users, List<Group> groups, List<Event> events,
      List<Ticket> tickets) {}

  /** One user row of {@code users.csv}. */
  public record User(String id, String upn, String displayName, boolean guest, String department,
      String company, String country, String state, String city, String office, String title,
      String preferredDataLocation, LocalDate created, LocalDate deleted, String assignedProducts,
      LocalDate exchange, LocalDate oneDrive, LocalDate sharePoint, LocalDate skype,
      LocalDate yammer, LocalDate teams, LocalDate apps, boolean mfa, LocalDate migrated,
      double intensity) {}

  /** One group row of {@code groups.csv}, with its owners and members. */
  public record Group(String id, String name, String kind, boolean isPublic, List<String> owners,
      List<String> members, LocalDate created, boolean yammer) {}

  /**
   * One line of {@code events.jsonl} (null fields are absent from the line).
   */
  public record Event(String user, LocalDate date, String workload, String activity, int count,
      String platform, String meetingType, Integer audioSeconds, Integer videoSeconds,
      Integer screenShareSeconds, String app, String group, String file, String site) {}

  /** One service-desk ticket. */
  public record Ticket(String id, String user, String workload, java.time.Instant opened,
      java.time.Instant resolved, int tier) {}

  private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Marketing", "Finance",
      "Human Resources", "Operations", "Legal", "Support"};
  private static final String[][] PLACES = {
      {"US", "WA", "Seattle", "NAM"}, {"US", "NY", "New York", "NAM"}, {"US", "TX", "Austin", "NAM"},
      {"CA", "ON", "Toronto", "NAM"}, {"DE", "BE", "Berlin", "EUR"}, {"FR", "IDF", "Paris", "EUR"},
      {"GB", "ENG", "London", "EUR"}, {"JP", "13", "Tokyo", "JPN"}, {"IN", "KA", "Bengaluru", "APC"},
      {"BR", "SP", "São Paulo", "NAM"}};
  private static final String[] FIRST = {"Alex", "Sam", "Maria", "Jun", "Priya", "Lena", "Omar",
      "Chloé", "Noah", "Aiko", "Lucas", "Fatima", "Ivan", "Grace", "Mateo", "Sofia", "Ravi",
      "Emma", "Kenji", "Zoë", "Diego", "Hana", "Liam", "Nadia"};
  private static final String[] LAST = {"Smith", "Müller", "Garcia", "Tanaka", "Patel", "Dubois",
      "Okafor", "Nguyen", "Rossi", "Kowalski", "Johansson", "Silva", "Kim", "Haddad", "O'Brien",
      "Novak", "Costa", "Schmidt", "Ito", "Fernández"};
  private static final String[] TITLES = {"Analyst", "Engineer", "Manager", "Director",
      "Specialist", "Coordinator", "Consultant", "Associate"};
  private static final String[] PLATFORMS_DESKTOP = {"Windows", "Windows", "Windows", "Mac"};
  private static final String[] PLATFORMS_MOBILE = {"iOS", "AndroidPhone"};
  private static final String[] APPS = {"Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams"};

  private final long seed;
  private final int userCount;
  private final int days;
  private final LocalDate asOf;

  /**
   * Creates a generator.
   *
   * @param seed the seed; the same seed gives the same organisation
   * @param userCount users across both tenants, at least 20
   * @param days days of activity ending at {@code asOf}, 1 to 400
   * @param asOf the last day of activity
   * @throws IllegalArgumentException if a count is out of range
   */
  public SyntheticOrganisation(long seed, int userCount, int days, LocalDate asOf) {
    if (userCount < 20) {
      throw new IllegalArgumentException("--users must be at least 20, got " + userCount);
    }
    if (days < 1 || days > 400) {
      throw new IllegalArgumentException("--days must be 1-400, got " + days);
    }
    this.seed = seed;
    this.userCount = userCount;
    this.days = days;
    this.asOf = Objects.requireNonNull(asOf, "asOf");
  }

  /**
   * Generates both tenants.
   *
   * @return contoso, then fabrikam
   */
  public List<Tenant> generate() {
    int contosoUsers = (int) Math.round(userCount * 0.7);
    return List.of(
        tenant("contoso", "Contoso", "contoso.com", "NAM", List.of("EUR", "JPN"), contosoUsers, 1),
        tenant("fabrikam", "Fabrikam", "fabrikam.com", "EUR", List.of("NAM"),
            userCount - contosoUsers, 2));
  }

  private Tenant tenant(String id, String name, String domain, String central,
      List<String> satellites, int n, int salt) {
    SplittableRandom rnd = new SplittableRandom(seed * 31 + salt);
    LocalDate first = asOf.minusDays(days - 1L);
    List<User> users = new ArrayList<>(n);
    LocalDate waveStart = asOf.minusDays(Math.min(days - 1L, 75));
    for (int i = 0; i < n; i++) {
      boolean guest = rnd.nextDouble() < 0.05;
      String fn = FIRST[rnd.nextInt(FIRST.length)];
      String ln = LAST[rnd.nextInt(LAST.length)];
      String uid = uuid(rnd);
      String local = ascii(fn + "." + ln).toLowerCase(java.util.Locale.ROOT) + (i + 1);
      String upn = guest ? local + "_partner.example#EXT#@" + id + ".onmicrosoft.com" : local + "@" + domain;
      String[] place = PLACES[rnd.nextInt(PLACES.length)];
      String dept = DEPARTMENTS[(int) Math.min(DEPARTMENTS.length - 1,
          Math.abs(rnd.nextGaussian()) * 2.6)];
      String pdl = guest || rnd.nextDouble() < 0.1 ? "" : place[3];
      LocalDate created = first.minusDays(30 + rnd.nextInt(900));
      if (rnd.nextDouble() < 0.06) {
        created = first.plusDays(rnd.nextInt(days));
      }
      LocalDate deleted = !guest && rnd.nextDouble() < 0.03
          ? first.plusDays(rnd.nextInt(days)) : null;
      if (deleted != null && deleted.isBefore(created)) {
        deleted = created.plusDays(1);
        if (deleted.isAfter(asOf)) {
          deleted = null;
        }
      }
      boolean licensed = !guest;
      LocalDate base = created.isAfter(first.minusDays(1)) ? created : created.plusDays(rnd.nextInt(20));
      LocalDate lateLicence = rnd.nextDouble() < 0.15 ? first.plusDays(rnd.nextInt(days)) : null;
      LocalDate lic = licensed ? (lateLicence != null && lateLicence.isAfter(base) ? lateLicence : base) : null;
      boolean noYammer = rnd.nextDouble() < 0.35;
      boolean noSkype = rnd.nextDouble() < 0.5;
      LocalDate migrated = !guest && rnd.nextDouble() < 0.6
          ? waveStart.plusDays(rnd.nextInt(42)) : null;
      if (migrated != null && migrated.isAfter(asOf)) {
        migrated = null;
      }
      double intensity = Math.exp(rnd.nextGaussian() * 0.9) * (guest ? 0.3 : 1.0);
      users.add(new User(uid, upn, fn + " " + ln, guest, guest ? "" : dept,
          guest ? "" : name, place[0], place[1], place[2], place[2] + " " + (1 + rnd.nextInt(3)),
          guest ? "" : TITLES[rnd.nextInt(TITLES.length)], pdl, created, deleted,
          licensed ? "MICROSOFT 365 E3" : "", lic, lic, lic, noSkype ? null : lic,
          noYammer ? null : lic, lic, lic, licensed && rnd.nextDouble() < 0.55, migrated, intensity));
    }
    users.sort(java.util.Comparator.comparing(User::upn));
    List<Group> groups = groups(id, users, rnd, first);
    List<Event> events = events(users, groups, rnd, first);
    List<Ticket> tickets = tickets(users, rnd, first);
    return new Tenant(id, name, domain, central, satellites, List.copyOf(users), groups,
        events, tickets);
  }

  private List<Group> groups(String tenant, List<User> users, SplittableRandom rnd, LocalDate first) {
    List<User> members = users.stream().filter(u -> !u.guest()).toList();
    List<User> guests = users.stream().filter(User::guest).toList();
    int n = Math.max(4, users.size() / 25);
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      String dept = DEPARTMENTS[g % DEPARTMENTS.length];
      String kind = g % 7 == 5 ? "Security" : g % 11 == 9 ? "Distribution" : "Microsoft365";
      List<String> owners = new ArrayList<>();
      List<String> mem = new ArrayList<>();
      List<User> pool = members.stream().filter(u -> u.department().equals(dept)).toList();
      if (pool.isEmpty()) {
        pool = members;
      }
      int size = 3 + rnd.nextInt(Math.max(1, Math.min(30, pool.size())));
      for (int i = 0; i < size; i++) {
        String upn = pool.get(rnd.nextInt(pool.size())).upn();
        if (!mem.contains(upn)) {
          mem.add(upn);
        }
      }
      if (!guests.isEmpty() && rnd.nextDouble() < 0.3) {
        mem.add(guests.get(rnd.nextInt(guests.size())).upn());
      }
      if (rnd.nextDouble() > 0.12) {
        owners.add(mem.get(0));
        if (mem.size() > 3 && rnd.nextDouble() < 0.4) {
          owners.add(mem.get(1));
        }
      }
      LocalDate created = first.minusDays(rnd.nextInt(400)).plusDays(rnd.nextInt(Math.max(1, days / 2)));
      String name = dept + " " + new String[] {"Team", "Projects", "Announcements", "Planning",
          "Community", "Leads"}[g % 6] + (g >= DEPARTMENTS.length * 6 ? " " + (g + 1) : "");
      groups.add(new Group(String.format("%s-g%04d", tenant, g + 1), name, kind,
          rnd.nextBoolean(), List.copyOf(owners), List.copyOf(mem), created,
          kind.equals("Microsoft365") && rnd.nextDouble() < 0.25));
    }
    return List.copyOf(groups);
  }

  /**
   * Habits a person keeps for the whole period, so adoption differs between people rather than
   * averaging out over a month: who writes e-mail, chats, posts in channels or Yammer, shares
   * files, works with colleagues' files, turns the camera on, and which devices they use.
   */
  private record Habits(boolean mailer, boolean chatter, boolean channels, boolean yammerPoster,
      boolean sharer, boolean collaborator, boolean camera, boolean mobile, boolean web) {
    static Habits of(User u, long seed) {
      SplittableRandom r = new SplittableRandom(seed ^ u.id().hashCode() * 0x9E3779B97F4A7C15L);
      double boost = Math.min(1.4, 0.7 + u.intensity() * 0.3);
      return new Habits(r.nextDouble() < 0.75 * boost, r.nextDouble() < 0.6 * boost,
          r.nextDouble() < 0.4 * boost, r.nextDouble() < 0.12, r.nextDouble() < 0.3 * boost,
          r.nextDouble() < 0.35 * boost, r.nextDouble() < 0.35 * boost, r.nextDouble() < 0.3,
          r.nextDouble() < 0.15);
    }
  }

  private List<Event> events(List<User> users, List<Group> groups, SplittableRandom rnd,
      LocalDate first) {
    List<Event> out = new ArrayList<>();
    int filesPerDept = 40;
    java.util.Map<String, Habits> habits = new java.util.HashMap<>();
    for (User u : users) {
      habits.put(u.id(), Habits.of(u, seed));
    }
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY
          || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      double trend = 0.75 + 0.25 * d / Math.max(1, days - 1);
      for (User u : users) {
        if (u.created().isAfter(day) || (u.deleted() != null && !u.deleted().isAfter(day))) {
          continue;
        }
        double p = Math.min(0.95, (weekend ? 0.08 : 0.62) * trend * Math.min(1.6, u.intensity()));
        if (u.migrated() != null && day.isBefore(u.migrated())) {
          p *= 0.35;
        }
        if (rnd.nextDouble() >= p) {
          continue;
        }
        int k = 1 + (int) Math.min(12, u.intensity() * 3 * rnd.nextDouble());
        Habits h = habits.get(u.id());
        String dept = u.department().isEmpty() ? "Guests" : u.department();
        String desktop = PLATFORMS_DESKTOP[Math.abs(u.id().hashCode()) % PLATFORMS_DESKTOP.length];
        String plat = h.mobile() && rnd.nextDouble() < 0.3
            ? PLATFORMS_MOBILE[Math.abs(u.id().hashCode() / 7) % PLATFORMS_MOBILE.length]
            : h.web() && rnd.nextDouble() < 0.4 ? "Web" : desktop;
        Group g = groups.get(rnd.nextInt(groups.size()));
        // Exchange
        if (!u.guest() && rnd.nextDouble() < 0.85) {
          out.add(ev(u, day, "Exchange", "EmailReceived", k * 4, null));
          out.add(ev(u, day, "Exchange", "EmailRead", k * 3, plat));
          if (h.mailer() && rnd.nextDouble() < 0.7) {
            Event sent = ev(u, day, "Exchange", "EmailSent", k, plat);
            out.add(rnd.nextDouble() < 0.2 ? withGroup(sent, g.id()) : sent);
          }
          if (rnd.nextDouble() < 0.15) {
            out.add(ev(u, day, "Exchange", "MeetingCreated", 1, plat));
          }
          if (rnd.nextDouble() < 0.3) {
            out.add(ev(u, day, "Exchange", "MeetingInteracted", 1 + rnd.nextInt(3), plat));
          }
        }
        // Teams
        if (rnd.nextDouble() < 0.75) {
          if (h.chatter() && rnd.nextDouble() < 0.8) {
            out.add(ev(u, day, "Teams", "PrivateChatMessage", k * 2, plat));
          }
          if (h.channels() && rnd.nextDouble() < 0.45) {
            out.add(ev(u, day, "Teams", "TeamChatMessage", k, plat));
          }
          if (h.channels() && rnd.nextDouble() < 0.2) {
            out.add(ev(u, day, "Teams", "PostMessage", 1, plat));
          }
          if (h.channels() && rnd.nextDouble() < 0.25) {
            out.add(ev(u, day, "Teams", "ReplyMessage", 1 + rnd.nextInt(3), plat));
          }
          if (rnd.nextDouble() < 0.03) {
            out.add(ev(u, day, "Teams", "UrgentMessage", 1, plat));
          }
          if (rnd.nextDouble() < 0.3) {
            int audio = 300 + rnd.nextInt(1500);
            out.add(new Event(u.upn(), day, "Teams", "Call", 1, plat, null, audio,
                rnd.nextDouble() < 0.3 ? audio / 2 : 0, 0, null, null, null, null));
          }
          if (rnd.nextDouble() < 0.5) {
            int audio = 900 + rnd.nextInt(2700);
            String type = new String[] {"ScheduledRecurring", "ScheduledOneTime", "AdHoc",
                "Unclassified"}[rnd.nextInt(4)];
            boolean video = h.camera() ? rnd.nextDouble() < 0.7 : rnd.nextDouble() < 0.03;
            out.add(new Event(u.upn(), day, "Teams", "MeetingAttended", 1, plat, type, audio,
                video ? audio * 2 / 3 : 0, rnd.nextDouble() < 0.2 ? audio / 4 : 0, null, null,
                null, null));
            if (rnd.nextDouble() < 0.2) {
              out.add(new Event(u.upn(), day, "Teams", "MeetingOrganized", 1, plat, type, null,
                  null, null, null, null, null, null));
            }
          }
          if (rnd.nextDouble() < 0.1) {
            out.add(ev(u, day, "Teams", "OtherAction", 1, plat));
          }
        }
        // OneDrive and SharePoint, files shared within the department
        if (rnd.nextDouble() < 0.6) {
          String file = h.collaborator()
              ? "f-" + ascii(dept).toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-"
                  + rnd.nextInt(filesPerDept)
              : "f-" + u.id().substring(0, 8) + "-" + rnd.nextInt(20);
          boolean sp = rnd.nextBoolean();
          String wl = sp ? "SharePoint" : "OneDrive";
          Event view = new Event(u.upn(), day, wl, "FileViewedOrEdited", k, null, null, null,
              null, null, null, sp && rnd.nextDouble() < 0.5 ? g.id() : null, file,
              sp ? "site-" + ascii(dept).toLowerCase(java.util.Locale.ROOT).replace(' ', '-') : null);
          out.add(view);
          if (rnd.nextDouble() < 0.25) {
            out.add(new Event(u.upn(), day, wl, "FileSynced", 1 + rnd.nextInt(5), null, null,
                null, null, null, null, null, file, view.site()));
          }
          if (h.sharer() && rnd.nextDouble() < 0.12) {
            out.add(new Event(u.upn(), day, wl, rnd.nextDouble() < 0.8 ? "FileSharedInternally"
                : "FileSharedExternally", 1, null, null, null, null, null, null, null, file,
                view.site()));
          }
          if (sp && rnd.nextDouble() < 0.5) {
            out.add(new Event(u.upn(), day, "SharePoint", "PageViewed", 1 + rnd.nextInt(6), null,
                null, null, null, null, null, null, null, view.site()));
          }
        }
        // Yammer
        if (u.yammer() != null && rnd.nextDouble() < 0.12) {
          Group yg = groups.stream().filter(Group::yammer).findFirst().orElse(null);
          out.add(new Event(u.upn(), day, "Yammer", "MessageRead", k, null, null, null, null,
              null, null, yg == null ? null : yg.id(), null, null));
          if (h.yammerPoster() && rnd.nextDouble() < 0.3) {
            out.add(new Event(u.upn(), day, "Yammer", "MessagePosted", 1, null, null, null, null,
                null, null, yg == null ? null : yg.id(), null, null));
          }
          if (rnd.nextDouble() < 0.4) {
            out.add(ev(u, day, "Yammer", "MessageLiked", 1 + rnd.nextInt(3), null));
          }
        }
        // Skype for Business, fading out
        if (u.skype() != null && rnd.nextDouble() < 0.05 * (1.2 - (double) d / days)) {
          out.add(ev(u, day, "SkypeForBusiness", "PeerToPeerSession", 1, null));
        }
        // Microsoft 365 Apps
        if (!u.guest() && rnd.nextDouble() < 0.55) {
          out.add(new Event(u.upn(), day, "M365Apps", "AppUsed", 1, plat, null, null, null,
              null, APPS[rnd.nextInt(APPS.length)], null, null, null));
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private List<Ticket> tickets(List<User> users, SplittableRandom rnd, LocalDate first) {
    List<Ticket> out = new ArrayList<>();
    String[] workloads = {"Exchange", "Teams", "OneDrive", "SharePoint"};
    int seq = 0;
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (User u : users) {
        if (u.guest() || u.created().isAfter(day)) {
          continue;
        }
        boolean fresh = u.migrated() != null && !day.isBefore(u.migrated())
            && day.isBefore(u.migrated().plusDays(21));
        double p = fresh ? 0.02 : 0.0012;
        if (rnd.nextDouble() >= p) {
          continue;
        }
        String wl = fresh && rnd.nextDouble() < 0.6 ? "Teams" : workloads[rnd.nextInt(workloads.length)];
        java.time.Instant opened = day.atTime(8 + rnd.nextInt(9), rnd.nextInt(60))
            .toInstant(java.time.ZoneOffset.UTC);
        long minutes = (long) (30 + Math.exp(rnd.nextGaussian() * 1.1 + 5));
        java.time.Instant resolved = opened.plusSeconds(minutes * 60);
        if (resolved.isAfter(asOf.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
          resolved = null;
        }
        int tier = rnd.nextDouble() < (fresh ? 0.25 : 0.12) ? (rnd.nextDouble() < 0.3 ? 3 : 2) : 1;
        out.add(new Ticket(String.format("INC%06d", ++seq), u.upn(), wl, opened, resolved, tier));
      }
    }
    return List.copyOf(out);
  }

  private static Event ev(User u, LocalDate day, String wl, String act, int count, String platform) {
    return new Event(u.upn(), day, wl, act, count, platform, null, null, null, null, null, null,
        null, null);
  }

  private static Event withGroup(Event e, String group) {
    return new Event(e.user(), e.date(), e.workload(), e.activity(), e.count(), e.platform(),
        e.meetingType(), e.audioSeconds(), e.videoSeconds(), e.screenShareSeconds(), e.app(),
        group, e.file(), e.site());
  }

  private static String uuid(SplittableRandom rnd) {
    long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new java.util.UUID(hi, lo).toString();
  }

  private static String ascii(String s) {
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    return n.replaceAll("\\p{M}", "").replace("'", "");
  }
}
