package io.tenantry.notices;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.Problems;
import io.tenantry.notices.internal.Render;
import io.tenantry.notices.spi.InMemoryNoticeStateStore;
import io.tenantry.notices.spi.NoticeReaderPolicy;
import io.tenantry.notices.spi.NoticeStateStore;
import io.tenantry.notices.spi.NotificationPort;
import io.tenantry.notices.spi.ReadingRights;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message center: publication of messages (major updates with rollout stages), what each
 * admin may see, read and archived state, preferences, stage notifications and the weekly digest.
 *
 * <p>Messages are published by the host (the service provider) and target all tenants or a list;
 * every read goes through a tenant and an {@link Admin}: a tenant never sees a message targeted at
 * others, and an admin sees only what the {@link NoticeReaderPolicy} grants (a security message
 * needs the security-messages right, every other message the messages right). An admin without
 * either right gets nothing: no list, no state change, no notification, no digest.
 *
 * <p>Engines are deterministic: no clock is read (the caller passes the day), output orders are
 * total (ids and UPNs, ordinal). Thread-safe: messages are held in a concurrent map, state lives in
 * the {@link NoticeStateStore}, whose atomic marks make each stage notify once.
 *
 * <pre>{@code
 * InMemoryNotificationRecorder sent = new InMemoryNotificationRecorder();
 * MessageCenter center = MessageCenter.builder().notifications(sent).build();
 * center.publish(message);
 * center.fireStageNotifications(contoso, admins, LocalDate.of(2026, 7, 1));
 * center.sendWeeklyDigests(contoso, admins, LocalDate.of(2026, 7, 6));
 * }</pre>
 */
public final class MessageCenter {
  /** The default minimum length of a major update's first-release stage, in days. */
  public static final int DEFAULT_MINIMUM_FIRST_RELEASE_DAYS = 30;

  private final NotificationPort notifications;
  private final NoticeStateStore state;
  private final NoticeReaderPolicy policy;
  private final int minimumFirstReleaseDays;
  private final Map<String, Message> messages = new ConcurrentHashMap<>();

  private MessageCenter(Builder b) {
    this.notifications = Objects.requireNonNull(b.notifications,
        "notifications: a NotificationPort is required");
    this.state = b.state;
    this.policy = b.policy;
    this.minimumFirstReleaseDays = b.minimumFirstReleaseDays;
  }

  /**
   * Starts a builder.
   *
   * @return a builder with an in-memory state store, the built-in role policy and a 30-day minimum
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the configured minimum length of a major update's first-release stage.
   *
   * @return the number of days
   */
  public int minimumFirstReleaseDays() {
    return minimumFirstReleaseDays;
  }

  /**
   * Checks that a message may be published, without publishing it: a major update's first-release
   * stage (from its start to the start of general availability) must last at least the configured
   * minimum, so admins have time to plan.
   *
   * @param message the message
   * @param problems where to record what is wrong (field {@code rollout.generalAvailability})
   */
  public void check(Message message, Problems problems) {
    Objects.requireNonNull(message, "message");
    if (message.majorUpdate() && message.rollout().firstReleaseDays() < minimumFirstReleaseDays) {
      problems.add("rollout.generalAvailability", "the first-release stage of major update "
          + message.id() + " lasts " + message.rollout().firstReleaseDays()
          + " days; at least " + minimumFirstReleaseDays + " are required so admins can plan",
          message.rollout().generalAvailabilityStart());
    }
  }

  /**
   * Publishes a message, or replaces the published message with the same id (an update of the
   * post; stages already notified stay notified).
   *
   * @param message the message
   * @throws io.tenantry.core.error.ValidationException if it is a major update whose first-release
   *     stage is shorter than the configured minimum
   */
  public void publish(Message message) {
    Problems problems = new Problems();
    check(message, problems);
    problems.throwIfAny();
    messages.put(message.id(), message);
  }

  private ReadingRights rights(TenantId tenant, Admin admin) {
    return Objects.requireNonNull(policy.rightsOf(tenant, admin.roles()), "policy returned null");
  }

  private static boolean readable(Message m, ReadingRights rights) {
    return m.security() ? rights.securityMessages() : rights.messages();
  }

  private List<Message> visible(TenantId tenant, ReadingRights rights) {
    List<Message> list = new ArrayList<>();
    for (Message m : messages.values()) {
      if (m.targeting().includes(tenant) && readable(m, rights)) {
        list.add(m);
      }
    }
    list.sort(Comparator.comparing(Message::published).reversed().thenComparing(Message::id));
    return list;
  }

  /**
   * Returns the messages an admin may see: targeted at the tenant and readable with the admin's
   * roles, newest first (then by id).
   *
   * @param tenant the tenant
   * @param reader the admin
   * @return the messages; empty for an admin without a message center role
   */
  public List<Message> messagesFor(TenantId tenant, Admin reader) {
    Objects.requireNonNull(tenant, "tenant");
    return visible(tenant, rights(tenant, Objects.requireNonNull(reader, "reader")));
  }

  /**
   * Returns one message if the admin may see it.
   *
   * @param tenant the tenant
   * @param reader the admin
   * @param messageId the message id
   * @return the message, or empty when it does not exist, is not for this tenant or not readable
   */
  public Optional<Message> message(TenantId tenant, Admin reader, String messageId) {
    Objects.requireNonNull(tenant, "tenant");
    Message m = messages.get(Objects.requireNonNull(messageId, "messageId"));
    if (m == null || !m.targeting().includes(tenant) || !readable(m, rights(tenant, reader))) {
      return Optional.empty();
    }
    return Optional.of(m);
  }

  /**
   * Returns the admin's state of a message the admin may see.
   *
   * @param tenant the tenant
   * @param reader the admin
   * @param messageId the message id
   * @return the state, or empty when the admin may not see the message
   */
  public Optional<MessageState> state(TenantId tenant, Admin reader, String messageId) {
    return message(tenant, reader, messageId)
        .map(m -> state.messageState(tenant, reader.upn(), m.id()));
  }

  /**
   * Marks a message read for the admin.
   *
   * @param tenant the tenant
   * @param reader the admin
   * @param messageId the message id
   * @return true when marked; false (and nothing changed) when the admin may not see the message
   */
  public boolean markRead(TenantId tenant, Admin reader, String messageId) {
    return change(tenant, reader, messageId, false);
  }

  /**
   * Archives a message for the admin (archived messages leave the weekly digest).
   *
   * @param tenant the tenant
   * @param reader the admin
   * @param messageId the message id
   * @return true when archived; false (and nothing changed) when the admin may not see the message
   */
  public boolean archive(TenantId tenant, Admin reader, String messageId) {
    return change(tenant, reader, messageId, true);
  }

  // synchronized so that a concurrent markRead and archive through this instance keep both flags
  private synchronized boolean change(TenantId tenant, Admin reader, String messageId,
      boolean archive) {
    Optional<MessageState> current = state(tenant, reader, messageId);
    current.ifPresent(s -> state.saveMessageState(tenant, reader.upn(), messageId,
        archive ? s.archive() : s.markRead()));
    return current.isPresent();
  }

  /**
   * Saves an admin's preferences (followed services, e-mail).
   *
   * @param tenant the tenant
   * @param upn the admin
   * @param preferences the preferences
   */
  public void savePreferences(TenantId tenant, String upn, AdminPreferences preferences) {
    state.savePreferences(Objects.requireNonNull(tenant, "tenant"), Checks.upn("upn", upn),
        Objects.requireNonNull(preferences, "preferences"));
  }

  /**
   * Returns an admin's preferences.
   *
   * @param tenant the tenant
   * @param upn the admin
   * @return the preferences, {@link AdminPreferences#NONE} when none were saved
   */
  public AdminPreferences preferences(TenantId tenant, String upn) {
    return state.preferences(Objects.requireNonNull(tenant, "tenant"), Checks.upn("upn", upn));
  }

  private record Due(Message message, RolloutStage stage, LocalDate on) {}

  /**
   * Sends the notifications of every major-update stage that has started by {@code today} in this
   * tenant and was not notified before: each stage once, in order (by the stage's day, then message
   * id, then stage order, so a late call catches up in the right order).
   *
   * <p>For each stage, every admin who may read the message gets a message-center notification;
   * those who also want e-mail and follow one of the message's services get an e-mail. Admins are
   * taken in UPN order. A stage is notified (and recorded) even when no admin may read it.
   *
   * @param tenant the tenant
   * @param admins the tenant's admins with their roles
   * @param today the current day
   * @return the notifications sent, in order
   * @throws IllegalArgumentException if an admin is listed twice
   */
  public List<Notification> fireStageNotifications(TenantId tenant, Collection<Admin> admins,
      LocalDate today) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(today, "today");
    List<Admin> sorted = Admins.sorted(admins);
    List<Due> due = new ArrayList<>();
    for (Message m : messages.values()) {
      if (m.majorUpdate() && m.targeting().includes(tenant)) {
        for (RolloutStage stage : RolloutStage.values()) {
          LocalDate on = m.rollout().start(stage);
          if (!on.isAfter(today)) {
            due.add(new Due(m, stage, on));
          }
        }
      }
    }
    due.sort(Comparator.comparing(Due::on).thenComparing(d -> d.message().id())
        .thenComparing(Due::stage));
    List<Notification> sent = new ArrayList<>();
    for (Due d : due) {
      if (!state.markStageNotified(tenant, d.message().id(), d.stage())) {
        continue;
      }
      String subject = Render.stageSubject(d.message(), d.stage());
      String text = Render.stageText(d.message(), d.stage());
      for (Admin a : sorted) {
        if (!readable(d.message(), rights(tenant, a))) {
          continue;
        }
        sent.add(send(tenant, new Notification(tenant, NotificationKind.STAGE_REACHED,
            Channel.MESSAGE_CENTER, a.upn(), d.on().atStartOfDay(ZoneOffset.UTC).toInstant(),
            d.message().id(), subject, text, null)));
        AdminPreferences prefs = state.preferences(tenant, a.upn());
        if (prefs.email() && d.message().concernsAny(prefs.followedServices())) {
          sent.add(send(tenant, new Notification(tenant, NotificationKind.STAGE_REACHED,
              Channel.EMAIL, a.upn(), d.on().atStartOfDay(ZoneOffset.UTC).toInstant(),
              d.message().id(), subject, text, null)));
        }
      }
    }
    return List.copyOf(sent);
  }

  private Notification send(TenantId tenant, Notification n) {
    notifications.send(tenant, n);
    return n;
  }

  /**
   * Computes one admin's weekly digest without sending it. The week is the seven days before
   * {@code asOf} ({@code asOf - 7} to {@code asOf - 1}); the digest holds the messages published in
   * that week that the admin may read, that concern a followed service and that the admin has not
   * archived; major updates first, then newest first, then by id.
   *
   * @param tenant the tenant
   * @param admin the admin
   * @param asOf the day the digest is made
   * @return the digest; empty when the admin may not read messages, wants no e-mail, follows no
   *     service, or nothing qualifies this week
   */
  public Optional<Digest> digestFor(TenantId tenant, Admin admin, LocalDate asOf) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(asOf, "asOf");
    ReadingRights rights = rights(tenant, admin);
    AdminPreferences prefs = state.preferences(tenant, admin.upn());
    if (!rights.anyMessages() || !prefs.email() || prefs.followedServices().isEmpty()) {
      return Optional.empty();
    }
    LocalDate from = asOf.minusDays(7);
    LocalDate to = asOf.minusDays(1);
    List<Message> picked = new ArrayList<>();
    for (Message m : visible(tenant, rights)) {
      if (!m.published().isBefore(from) && !m.published().isAfter(to)
          && m.concernsAny(prefs.followedServices())
          && !state.messageState(tenant, admin.upn(), m.id()).archived()) {
        picked.add(m);
      }
    }
    if (picked.isEmpty()) {
      return Optional.empty();
    }
    picked.sort(Comparator.comparing((Message m) -> !m.majorUpdate())
        .thenComparing(Comparator.comparing(Message::published).reversed())
        .thenComparing(Message::id));
    long major = picked.stream().filter(Message::majorUpdate).count();
    String subject = "Message center weekly digest for " + tenant + ", " + from + " to " + to
        + ": " + picked.size() + " message" + (picked.size() == 1 ? "" : "s") + ", " + major
        + " major update" + (major == 1 ? "" : "s");
    return Optional.of(new Digest(tenant, admin.upn(), asOf, from, to, picked, subject,
        Render.digestText(tenant, admin.upn(), prefs.followedServices(), from, to, picked),
        Render.digestHtml(tenant, admin.upn(), prefs.followedServices(), from, to, picked)));
  }

  /**
   * Computes the weekly digest of every admin who gets one ({@link #digestFor}), in UPN order,
   * without sending them.
   *
   * @param tenant the tenant
   * @param admins the tenant's admins with their roles
   * @param asOf the day the digests are made
   * @return the digests
   * @throws IllegalArgumentException if an admin is listed twice
   */
  public List<Digest> weeklyDigests(TenantId tenant, Collection<Admin> admins, LocalDate asOf) {
    List<Digest> digests = new ArrayList<>();
    for (Admin a : Admins.sorted(admins)) {
      digestFor(tenant, a, asOf).ifPresent(digests::add);
    }
    return List.copyOf(digests);
  }

  /**
   * Computes the weekly digests ({@link #weeklyDigests}) and hands each to the notification port.
   *
   * @param tenant the tenant
   * @param admins the tenant's admins with their roles
   * @param asOf the day the digests are made
   * @return the digests sent, in order
   * @throws IllegalArgumentException if an admin is listed twice
   */
  public List<Digest> sendWeeklyDigests(TenantId tenant, Collection<Admin> admins,
      LocalDate asOf) {
    List<Digest> digests = weeklyDigests(tenant, admins, asOf);
    for (Digest d : digests) {
      notifications.send(tenant, d.toNotification());
    }
    return digests;
  }

  /** Builds a {@link MessageCenter}. Not thread-safe. */
  public static final class Builder {
    private NotificationPort notifications;
    private NoticeStateStore state = new InMemoryNoticeStateStore();
    private NoticeReaderPolicy policy = NoticeReaderPolicy.builtInRoles();
    private int minimumFirstReleaseDays = DEFAULT_MINIMUM_FIRST_RELEASE_DAYS;

    private Builder() {}

    /**
     * Sets where notifications go (required).
     *
     * @param port the notification port
     * @return this builder
     */
    public Builder notifications(NotificationPort port) {
      this.notifications = Objects.requireNonNull(port, "port");
      return this;
    }

    /**
     * Sets the state store (default: a new {@link InMemoryNoticeStateStore}).
     *
     * @param store the store
     * @return this builder
     */
    public Builder state(NoticeStateStore store) {
      this.state = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the reading policy (default: {@link NoticeReaderPolicy#builtInRoles()}).
     *
     * @param readerPolicy the policy
     * @return this builder
     */
    public Builder readerPolicy(NoticeReaderPolicy readerPolicy) {
      this.policy = Objects.requireNonNull(readerPolicy, "readerPolicy");
      return this;
    }

    /**
     * Sets the minimum length of a major update's first-release stage (default 30 days).
     *
     * @param days the minimum, at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public Builder minimumFirstReleaseDays(int days) {
      if (days < 0) {
        throw new IllegalArgumentException("minimumFirstReleaseDays must be >= 0, got " + days);
      }
      this.minimumFirstReleaseDays = days;
      return this;
    }

    /**
     * Builds the message center.
     *
     * @return the message center
     * @throws NullPointerException if no notification port was set
     */
    public MessageCenter build() {
      return new MessageCenter(this);
    }
  }
}
