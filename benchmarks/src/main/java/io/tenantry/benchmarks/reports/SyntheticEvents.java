package io.tenantry.benchmarks.reports;

import io.tenantry.reports.Period;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The synthetic Teams activity every reports benchmark aggregates: 10 tenants of 10,000 users
 * (100,000 users), events spread uniformly over the 180 days ending {@link #AS_OF}, each one of
 * five Teams activities (team chat message, private chat message, call, meeting attended, other
 * action) with a count of 1 to 3, drawn from a fixed seed. Held as primitive columns; the
 * reference results of the three report families are computed here the plain way, and both
 * engines must equal them.
 *
 * @param tenant each event's tenant index
 * @param user each event's user index within its tenant
 * @param day each event's day, 0 for the first of the 180
 * @param activity each event's activity, an index into the five
 * @param count each event's count
 */
record SyntheticEvents(int[] tenant, int[] user, short[] day, byte[] activity, byte[] count) {
  /** Tenants. */
  static final int TENANTS = 10;
  /** Users per tenant. */
  static final int USERS = 10_000;
  /** Days of data. */
  static final int DAYS = 180;
  /** Activities. */
  static final int ACTIVITIES = 5;
  /** Values per user in the detail family: last activity day, four counts, has other action. */
  static final int DETAIL = 6;
  /** The report date R. */
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  /** The first day of data. */
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
    short[] day = new short[n];
    byte[] activity = new byte[n];
    byte[] count = new byte[n];
    for (int i = 0; i < n; i++) {
      tenant[i] = random.nextInt(TENANTS);
      user[i] = random.nextInt(USERS);
      day[i] = (short) random.nextInt(DAYS);
      activity[i] = (byte) random.nextInt(ACTIVITIES);
      count[i] = (byte) (1 + random.nextInt(3));
    }
    return new SyntheticEvents(tenant, user, day, activity, count);
  }

  int size() {
    return tenant.length;
  }

  /**
   * The first day index of a period's window ending {@link #AS_OF}.
   *
   * @param period the period
   * @return the day index
   */
  static int firstDay(Period period) {
    return DAYS - period.days();
  }

  /**
   * The index of a (tenant, day, activity) value in the result of a daily family.
   *
   * @param t the tenant
   * @param d the day index, 0 for {@link #FIRST}
   * @param a the activity
   * @return the index
   */
  static int daily(int t, int d, int a) {
    return (t * DAYS + d) * ACTIVITIES + a;
  }

  /**
   * The index of a user's value in the result of the detail family: {@code k} 0 is the last
   * activity day (days since {@link #FIRST}, plus one; 0 for none), 1–4 the counts of the first
   * four activities, 5 whether the user had an other action (1 or 0).
   *
   * @param t the tenant
   * @param u the user
   * @param k the value
   * @return the index
   */
  static int detail(int t, int u, int k) {
    return (t * USERS + u) * DETAIL + k;
  }

  /**
   * Distinct users per tenant, day and activity over a period (the user-counts family).
   *
   * @param period the period
   * @return the counts, indexed by {@link #daily}
   */
  long[] referenceUserCounts(Period period) {
    BitSet[] sets = new BitSet[TENANTS * DAYS * ACTIVITIES];
    int from = firstDay(period);
    for (int i = 0; i < size(); i++) {
      if (day[i] >= from) {
        int k = daily(tenant[i], day[i], activity[i]);
        if (sets[k] == null) {
          sets[k] = new BitSet(USERS);
        }
        sets[k].set(user[i]);
      }
    }
    long[] out = new long[sets.length];
    for (int i = 0; i < sets.length; i++) {
      out[i] = sets[i] == null ? 0 : sets[i].cardinality();
    }
    return out;
  }

  /**
   * Summed counts per tenant, day and activity over a period (the counts family; the fifth
   * activity, other actions, is not a column of the counts report and stays 0).
   *
   * @param period the period
   * @return the sums, indexed by {@link #daily}
   */
  long[] referenceCounts(Period period) {
    long[] out = new long[TENANTS * DAYS * ACTIVITIES];
    int from = firstDay(period);
    for (int i = 0; i < size(); i++) {
      if (day[i] >= from && activity[i] < ACTIVITIES - 1) {
        out[daily(tenant[i], day[i], activity[i])] += count[i];
      }
    }
    return out;
  }

  /**
   * Per user active in the period, the detail family's values (see {@link #detail}); users not
   * listed stay all 0.
   *
   * @param period the period
   * @return the values, indexed by {@link #detail}
   */
  long[] referenceDetail(Period period) {
    long[] out = new long[TENANTS * USERS * DETAIL];
    long[] last = new long[TENANTS * USERS];
    boolean[] listed = new boolean[TENANTS * USERS];
    int from = firstDay(period);
    for (int i = 0; i < size(); i++) {
      int tu = tenant[i] * USERS + user[i];
      last[tu] = Math.max(last[tu], day[i] + 1L);
      if (day[i] >= from) {
        listed[tu] = true;
        if (activity[i] < ACTIVITIES - 1) {
          out[detail(tenant[i], user[i], 1 + activity[i])] += count[i];
        } else {
          out[detail(tenant[i], user[i], 5)] = 1;
        }
      }
    }
    for (int tu = 0; tu < listed.length; tu++) {
      if (listed[tu]) {
        out[tu * DETAIL] = last[tu];
      }
    }
    return out;
  }
}
