package io.tenantry.groups;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a group is in its life: live, soft-deleted (restorable) or purged (gone for good).
 *
 * <p>A sealed lifecycle: a purged group never comes back, a soft-deleted group becomes live again
 * only through a restore, within 30 days of its deletion.
 */
public sealed interface LifecycleStatus {

  /**
   * A live group.
   *
   * @param lastRenewedOn the clock origin of the expiration policy: the creation day, or the day of
   *     the last renewal or restore; activity counts for renewal only after this day
   * @param expiresOn the expiration day E when the expiration policy manages the group, or null
   */
  record Active(LocalDate lastRenewedOn, LocalDate expiresOn) implements LifecycleStatus {
    /**
     * Validates the state.
     *
     * @throws NullPointerException if {@code lastRenewedOn} is null
     * @throws IllegalArgumentException if the group would expire before its clock origin
     */
    public Active {
      Objects.requireNonNull(lastRenewedOn, "lastRenewedOn");
      if (expiresOn != null && expiresOn.isBefore(lastRenewedOn)) {
        throw new IllegalArgumentException("expiresOn " + expiresOn + " is before lastRenewedOn "
            + lastRenewedOn);
      }
    }

    /**
     * Returns the expiration day.
     *
     * @return E, or empty when the policy does not manage the group
     */
    public Optional<LocalDate> expiration() {
      return Optional.ofNullable(expiresOn);
    }
  }

  /**
   * A soft-deleted Microsoft 365 group: hidden, restorable until {@code deletedOn + 29}, purged on
   * {@code deletedOn + 30}.
   *
   * @param deletedOn the day it was deleted
   * @param reason why: expired, or deleted by someone
   */
  record SoftDeleted(LocalDate deletedOn, DeletionReason reason) implements LifecycleStatus {
    /**
     * Validates the state.
     *
     * @throws NullPointerException if a component is null
     */
    public SoftDeleted {
      Objects.requireNonNull(deletedOn, "deletedOn");
      Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the day the group is purged.
     *
     * @return {@code deletedOn + 30}
     */
    public LocalDate purgeOn() {
      return deletedOn.plusDays(LifecycleRules.RETENTION_DAYS);
    }

    /**
     * Returns the last day the group can be restored.
     *
     * @return {@code deletedOn + 29}
     */
    public LocalDate lastRestoreDay() {
      return purgeOn().minusDays(1);
    }
  }

  /**
   * A purged group: its id is kept as a tombstone so later references are reported as "purged",
   * not "unknown"; nothing else of it remains.
   *
   * @param purgedOn the day it was purged
   */
  record Purged(LocalDate purgedOn) implements LifecycleStatus {
    /**
     * Validates the state.
     *
     * @throws NullPointerException if {@code purgedOn} is null
     */
    public Purged {
      Objects.requireNonNull(purgedOn, "purgedOn");
    }
  }
}
