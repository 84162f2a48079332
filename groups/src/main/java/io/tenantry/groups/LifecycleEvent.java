package io.tenantry.groups;

import io.tenantry.core.GroupId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lifecycle engine caused on a day, as a value. A host applies events through its ports
 * (store, notifier, audit); the simulation prints them.
 */
public sealed interface LifecycleEvent {

  /**
   * Returns the day the event happened.
   *
   * @return the day
   */
  LocalDate date();

  /**
   * Returns the group the event is about.
   *
   * @return the group id
   */
  GroupId group();

  /**
   * Returns the event's name as printed ({@code Renewed}, {@code ExpiryNotificationSent},
   * {@code SoftDeleted}, {@code Restored}, {@code Purged}).
   *
   * @return the name
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /**
   * A managed group was renewed: its expiration moved to {@code date + lifetime}.
   *
   * @param date the day
   * @param group the group
   * @param reason an owner's renewal or activity
   * @param expiresOn the new expiration day
   */
  record Renewed(LocalDate date, GroupId group, RenewalReason reason, LocalDate expiresOn)
      implements LifecycleEvent {
    /**
     * Validates the event.
     *
     * @throws NullPointerException if a component is null
     */
    public Renewed {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(expiresOn, "expiresOn");
    }
  }

  /**
   * The owners (or the alternate addresses of an ownerless group) were told the group expires.
   *
   * @param date the day
   * @param group the group
   * @param daysBefore 30, 15 or 1
   * @param to the recipients, possibly none
   * @param expiresOn the expiration day
   */
  record ExpiryNotificationSent(LocalDate date, GroupId group, int daysBefore, List<String> to,
      LocalDate expiresOn) implements LifecycleEvent {
    /**
     * Validates the event and copies the recipients.
     *
     * @throws NullPointerException if a component is null
     */
    public ExpiryNotificationSent {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(expiresOn, "expiresOn");
      to = List.copyOf(to);
    }
  }

  /**
   * A Microsoft 365 group was soft-deleted.
   *
   * @param date the day
   * @param group the group
   * @param reason expired, or deleted by someone
   */
  record SoftDeleted(LocalDate date, GroupId group, DeletionReason reason)
      implements LifecycleEvent {
    /**
     * Validates the event.
     *
     * @throws NullPointerException if a component is null
     */
    public SoftDeleted {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A soft-deleted group was restored with its id, members and settings.
   *
   * @param date the day
   * @param group the group
   * @param expiresOn the new expiration day of a managed group, or null for an unmanaged one
   */
  record Restored(LocalDate date, GroupId group, LocalDate expiresOn) implements LifecycleEvent {
    /**
     * Validates the event.
     *
     * @throws NullPointerException if {@code date} or {@code group} is null
     */
    public Restored {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(group, "group");
    }

    /**
     * Returns the new expiration day.
     *
     * @return the day, or empty when the policy does not manage the group
     */
    public Optional<LocalDate> expiration() {
      return Optional.ofNullable(expiresOn);
    }
  }

  /**
   * A group was deleted permanently: a soft-deleted group 30 days after its deletion, or a security
   * or distribution group at once.
   *
   * @param date the day
   * @param group the group
   */
  record Purged(LocalDate date, GroupId group) implements LifecycleEvent {
    /**
     * Validates the event.
     *
     * @throws NullPointerException if a component is null
     */
    public Purged {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(group, "group");
    }
  }
}
