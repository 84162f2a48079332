package io.tenantry.groups;

import java.util.List;

/**
 * The fixed numbers of the Microsoft 365 group lifecycle (directory-semantics §3.1, §3.3, 9.12),
 * in one place so tests and documentation refer to them by name.
 */
public final class LifecycleRules {
  private LifecycleRules() {}

  /** A soft-deleted group is purged this many days after its deletion (not configurable). */
  public static final int RETENTION_DAYS = 30;

  /** The shortest allowed group lifetime, in days. */
  public static final int MIN_LIFETIME_DAYS = 30;

  /** The most groups a {@code Selected} expiration policy may list. */
  public static final int MAX_SELECTED_GROUPS = 500;

  /**
   * When the policy is switched on, a group created before that day that would expire sooner is
   * given this many days from the enablement day.
   */
  public static final int ENABLEMENT_GRACE_DAYS = 35;

  /** Activity renews a group only within this many days before its expiration day. */
  public static final int ACTIVITY_RENEWAL_WINDOW_DAYS = 35;

  /** The days before expiration on which the owners are notified, latest first. */
  public static final List<Integer> NOTICE_DAYS_BEFORE = List.of(30, 15, 1);
}
