package io.tenantry.jdbc.internal;

import java.sql.SQLException;

/** The SQLStates the adapters react to; PostgreSQL and H2 report the same ones. */
public final class SqlStates {
  private SqlStates() {}

  /** A unique or primary-key constraint was violated. */
  public static final String UNIQUE_VIOLATION = "23505";
  /** Serialization failure (PostgreSQL) or deadlock (H2). */
  public static final String SERIALIZATION_FAILURE = "40001";
  /** Deadlock detected (PostgreSQL). */
  public static final String DEADLOCK = "40P01";
  /** Lock wait timed out (H2). */
  public static final String LOCK_TIMEOUT = "HYT00";
  /** Lock not available (PostgreSQL, with a lock timeout set). */
  public static final String LOCK_NOT_AVAILABLE = "55P03";

  /**
   * Tells whether an exception is the given SQLState.
   *
   * @param e the exception
   * @param state the SQLState
   * @return true when it is
   */
  public static boolean is(SQLException e, String state) {
    return state.equals(e.getSQLState());
  }

  /**
   * Tells whether a failed transaction may succeed when run again.
   *
   * @param e the failure
   * @param uniqueViolationIsRace whether a unique violation means a lost race
   * @return true for serialization failures, deadlocks, lock timeouts, and races
   */
  public static boolean isRetryable(SQLException e, boolean uniqueViolationIsRace) {
    String s = e.getSQLState();
    return SERIALIZATION_FAILURE.equals(s) || DEADLOCK.equals(s) || LOCK_TIMEOUT.equals(s)
        || LOCK_NOT_AVAILABLE.equals(s) || (uniqueViolationIsRace && UNIQUE_VIOLATION.equals(s));
  }
}
