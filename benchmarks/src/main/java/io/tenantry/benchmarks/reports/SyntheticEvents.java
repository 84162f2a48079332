package io.tenantry.benchmarks.reports;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The synthetic Teams activity both report engines aggregate: 10 tenants of 20,000 users, and
 * events spread uniformly over the 30 days of the D30 window ending {@link #AS_OF}, each one of
 * five Teams activities (team chat message, private chat message, call, meeting attended, other
 * action) with a count of 1 to 3, drawn from a fixed seed. Held as primitive columns.
 *
 * @param tenant each event's tenant index
 * @param user each event's user index within its tenant
 * @param day each event's day, 0 for the window's first day
 * @param activity each event's activity, an index into the five
 * @param count each event's count
 */
record SyntheticEvents(int[] tenant, int[] user, byte[] day, byte[] activity, byte[] count) {
  /** Tenants. */
  static final int TENANTS = 10;
  /** Users per tenant. */
  static final int USERS = 20_000;
  /** Days of the window. */
  static final int DAYS = 30;
  /** Activities. */
  static final int ACTIVITIES = 5;
  /** The report date R. */
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  /** The window's first day. */
  static final LocalDate FIRST = AS_OF.minusDays(DAYS - 1L);

  /**
   * Draws events.
   *
   * @param n how many
   * @return the events
   */
  static SyntheticEvents of(int n) {
    SplittableRandom random = new SplittableRandom(7);
    int[] tenant = new int[n];
    int[] user = new int[n];
    byte[] day = new byte[n];
    byte[] activity = new byte[n];
    byte[] count = new byte[n];
    for (int i = 0; i < n; i++) {
      tenant[i] = random.nextInt(TENANTS);
      user[i] = random.nextInt(USERS);
      day[i] = (byte) random.nextInt(DAYS);
      activity[i] = (byte) random.nextInt(ACTIVITIES);
      count[i] = (byte) (1 + random.nextInt(3));
    }
    return new SyntheticEvents(tenant, user, day, activity, count);
  }

  int size() {
    return tenant.length;
  }

  /**
   * The index of a (tenant, day, activity) count in a result array of {@code TENANTS × DAYS ×
   * ACTIVITIES} distinct-user counts.
   *
   * @param t the tenant
   * @param d the day, 0 for the first
   * @param a the activity
   * @return the index
   */
  static int slot(int t, int d, int a) {
    return (t * DAYS + d) * ACTIVITIES + a;
  }

  /**
   * Counts the distinct users per tenant, day and activity the plain way (one bitset each), as the
   * reference both engines must match.
   *
   * @return the counts, indexed by {@link #slot}
   */
  long[] referenceCounts() {
    java.util.BitSet[] sets = new java.util.BitSet[TENANTS * DAYS * ACTIVITIES];
    for (int i = 0; i < sets.length; i++) {
      sets[i] = new java.util.BitSet(USERS);
    }
    for (int i = 0; i < size(); i++) {
      sets[slot(tenant[i], day[i], activity[i])].set(user[i]);
    }
    long[] out = new long[sets.length];
    for (int i = 0; i < sets.length; i++) {
      out[i] = sets[i].cardinality();
    }
    return out;
  }
}
