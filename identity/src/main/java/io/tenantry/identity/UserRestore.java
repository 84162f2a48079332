package io.tenantry.identity;

import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Restores a soft-deleted user within its 30-day window, with the restore conflicts of
 * {@code directory-semantics.md} §3.4: a pure function from one directory version to the next.
 *
 * <ul>
 *   <li><b>Window.</b> A user deleted on day D is restorable until the end of day D + 29; from day
 *       D + 30 it is gone ({@link NotFoundException}, as for an unknown id).</li>
 *   <li><b>UPN conflict.</b> When a live user now has the deleted user's UPN (case-insensitive),
 *       the restore fails with a {@link ConflictException} of kind {@value #UPN} naming the active
 *       account, unless {@link Options#newUserPrincipalName} gives a UPN no live user holds (the
 *       other documented way out, renaming the active account, is a change the host makes first).</li>
 *   <li><b>Proxy-address conflict.</b> A user's addresses are its {@code mail} attribute and its
 *       {@code proxyAddresses} attribute (separated by {@code ;}, each optionally prefixed
 *       {@code smtp:}). When a live user's UPN or address equals one of them (case-insensitive),
 *       the restore fails with kind {@value #PROXY_ADDRESS}, unless
 *       {@link Options#autoReconcileProxyConflict} is set, which removes the conflicting addresses
 *       from the restored user (what the Microsoft 365 admin center does) and reports them.</li>
 * </ul>
 * A live user fails with kind {@value #NOT_DELETED}. Restoring clears the deleted date and keeps
 * every other attribute, role assignment and membership as it was.
 */
public final class UserRestore {
  /** Days a soft-deleted user stays restorable. */
  public static final int RETENTION_DAYS = 30;
  /** Conflict kind: the user is not deleted. */
  public static final String NOT_DELETED = "NOT_DELETED";
  /** Conflict kind: a live user holds the UPN. */
  public static final String UPN = "UPN";
  /** Conflict kind: a live user holds one of the addresses. */
  public static final String PROXY_ADDRESS = "PROXY_ADDRESS";

  private UserRestore() {}

  /**
   * How conflicts are resolved.
   *
   * @param newUserPrincipalName the UPN to restore with instead of the old one, or null
   * @param autoReconcileProxyConflict remove conflicting addresses instead of failing
   */
  public record Options(String newUserPrincipalName, boolean autoReconcileProxyConflict) {
    /** Fail on any conflict (Graph's default). */
    public static final Options STRICT = new Options(null, false);
    /** Remove conflicting addresses (the admin center's behaviour). */
    public static final Options ADMIN_CENTER = new Options(null, true);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the new UPN is not {@code name@domain}
     */
    public Options {
      if (newUserPrincipalName != null && !newUserPrincipalName.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new IllegalArgumentException("newUserPrincipalName must be name@domain, got '"
            + newUserPrincipalName + "'");
      }
    }

    /**
     * Returns these options with a new UPN.
     *
     * @param upn the UPN
     * @return the options
     * @throws IllegalArgumentException if the UPN is not {@code name@domain}
     */
    public Options withNewUserPrincipalName(String upn) {
      return new Options(upn, autoReconcileProxyConflict);
    }
  }

  /**
   * The result of a restore.
   *
   * @param directory the next version of the directory, with the user live
   * @param user the restored user
   * @param removedAddresses the addresses removed to reconcile conflicts, in the user's order
   */
  public record Restored(Directory directory, User user, List<String> removedAddresses) {
    /**
     * Copies the list.
     *
     * @throws NullPointerException if a component is null
     */
    public Restored {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(user, "user");
      removedAddresses = List.copyOf(removedAddresses);
    }
  }

  /**
   * Restores a user.
   *
   * @param directory the current directory
   * @param userId the soft-deleted user's id
   * @param options conflict handling
   * @param today the current day in the tenant's calendar
   * @return the restored user and the next directory
   * @throws NotFoundException if no user has that id or its 30 days are over
   * @throws ConflictException of kind {@value #NOT_DELETED}, {@value #UPN} or {@value #PROXY_ADDRESS}
   * @throws io.tenantry.core.error.ValidationException if the resulting directory is invalid
   */
  public static Restored restore(Directory directory, String userId, Options options, LocalDate today) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(today, "today");
    User u = directory.user(userId).orElseThrow(() -> new NotFoundException("tenant " + directory.tenant()
        + " has no user '" + userId + "'"));
    if (!u.isDeleted()) {
      throw new ConflictException(NOT_DELETED, "user '" + userId + "' is not deleted");
    }
    if (!today.isBefore(u.deletedDate().plusDays(RETENTION_DAYS))) {
      throw new NotFoundException("user '" + userId + "' was deleted on " + u.deletedDate() + " and can no longer"
          + " be restored (" + RETENTION_DAYS + " days)");
    }
    Map<String, String> upnHolders = new HashMap<>();
    Map<String, String> addressHolders = new HashMap<>();
    for (User other : directory.users()) {
      if (!other.isDeleted() && !other.id().equals(u.id())) {
        upnHolders.putIfAbsent(key(other.userPrincipalName()), other.id().value());
        addressHolders.putIfAbsent(key(other.userPrincipalName()), other.id().value());
        for (String a : addresses(other)) {
          addressHolders.putIfAbsent(key(a), other.id().value());
        }
      }
    }
    String upn = options.newUserPrincipalName() != null ? options.newUserPrincipalName() : u.userPrincipalName();
    String holder = upnHolders.get(key(upn));
    if (holder != null) {
      throw new ConflictException(UPN, "cannot restore user '" + userId + "': the active account '" + holder
          + "' now has the user name " + upn + "; rename that account or restore with a new user name"
          + " (newUserPrincipalName)");
    }
    List<String> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (String a : addresses(u)) {
      String by = addressHolders.get(key(a));
      if (by == null) {
        kept.add(a);
      } else {
        removed.add(a);
        taken.add(a + " (used by '" + by + "')");
      }
    }
    if (!removed.isEmpty() && !options.autoReconcileProxyConflict()) {
      throw new ConflictException(PROXY_ADDRESS, "cannot restore user '" + userId + "': its proxy addresses "
          + String.join(", ", taken) + " are in use; restore with autoReconcileProxyConflict to remove them");
    }
    Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
    String mail = u.attributes().get("mail");
    if (mail != null && removed.stream().anyMatch(r -> key(r).equals(key(mail)))) {
      attributes.remove("mail");
    }
    if (u.attributes().containsKey("proxyAddresses")) {
      List<String> proxies = new ArrayList<>();
      for (String p : split(u.attributes().get("proxyAddresses"))) {
        if (removed.stream().noneMatch(r -> key(r).equals(key(p)))) {
          proxies.add(p);
        }
      }
      if (proxies.isEmpty()) {
        attributes.remove("proxyAddresses");
      } else {
        attributes.put("proxyAddresses", String.join(";", proxies));
      }
    }
    User restored = new User(u.id(), upn, u.type(), attributes, u.accountEnabled(), null);
    return new Restored(replace(directory, restored), restored, removed);
  }

  private static String key(String address) {
    String a = address.strip();
    if (a.regionMatches(true, 0, "smtp:", 0, 5)) {
      a = a.substring(5);
    }
    return a.toLowerCase(Locale.ROOT);
  }

  private static List<String> split(String proxyAddresses) {
    List<String> out = new ArrayList<>();
    for (String p : proxyAddresses.split(";")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** The user's addresses: {@code mail}, then {@code proxyAddresses}, each once. */
  private static List<String> addresses(User u) {
    List<String> out = new ArrayList<>();
    String mail = u.attributes().get("mail");
    if (mail != null && !mail.isBlank()) {
      out.add(mail.strip());
    }
    String proxies = u.attributes().get("proxyAddresses");
    if (proxies != null) {
      for (String p : split(proxies)) {
        if (out.stream().noneMatch(o -> key(o).equals(key(p)))) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static Directory replace(Directory d, User restored) {
    Directory.Builder b = Directory.builder(d.tenant()).allowInvitesFrom(d.allowInvitesFrom())
        .guestAccess(d.guestAccess()).limits(d.limits())
        .allowAuScopedUserAdminOnLimitedAdmins(d.allowAuScopedUserAdminOnLimitedAdmins());
    d.users().forEach(x -> b.user(x.id().equals(restored.id()) ? restored : x));
    d.groups().forEach(b::group);
    d.adminUnits().forEach(b::adminUnit);
    d.servicePrincipals().forEach(b::servicePrincipal);
    d.customRoles().forEach(b::customRole);
    d.assignments().forEach(b::assign);
    return b.build();
  }
}
