package io.tenantry.jdbc.internal;

import io.tenantry.core.error.ConflictException;
import java.sql.SQLException;

/**
 * The optimistic-concurrency rule of the adapters' versioned rows (a group, a tenant's group
 * settings, a tenant's directory): every write bumps the row's version; a write that names the
 * version it read is refused with a {@link ConflictException} of kind {@value #KIND} when the row
 * has moved on, so two admins racing on the same object never lose an update silently. An
 * unconditional write ({@link #ANY}) wins over whatever is stored; when it loses a race between
 * reading the version and updating, it raises a serialization failure, which {@link Transactions}
 * retries.
 */
public final class OptimisticWrite {

  /** The expected version meaning "whatever is stored" (an unconditional write). */
  public static final long ANY = -1;

  /** The expected version meaning "nothing is stored yet" (a create). */
  public static final long ABSENT = 0;

  /** The kind of the {@link ConflictException} a stale write raises. */
  public static final String KIND = ConflictException.STALE_VERSION;

  /** Inserts the row at version 1. */
  @FunctionalInterface
  public interface Insert {
    /**
     * Inserts.
     *
     * @throws SQLException if the statement failed (a unique violation means a lost race)
     */
    void run() throws SQLException;
  }

  /** Updates the row if it is at a version, bumping it. */
  @FunctionalInterface
  public interface Update {
    /**
     * Updates.
     *
     * @param version the version the row must have
     * @return the rows updated: 1, or 0 when the row moved on
     * @throws SQLException if the statement failed
     */
    int run(long version) throws SQLException;
  }

  private OptimisticWrite() {}

  /**
   * Writes a versioned row. Run it in a transaction that retries unique violations: a create
   * racing another create then sees the other's row on its next run.
   *
   * @param current the row's version as read in this transaction, or null when there is none
   * @param expected the version the caller read ({@link #ABSENT} for none), or {@link #ANY}
   * @param what the row, for the conflict's message (e.g. {@code group 'g1' of tenant 'contoso'})
   * @param insert inserts the row at version 1
   * @param update updates the row at a version
   * @return the row's new version
   * @throws ConflictException of kind {@value #KIND} if the row is not at the expected version
   * @throws SQLException if a statement failed, or an unconditional write lost a race (retried)
   */
  public static long write(Long current, long expected, String what, Insert insert, Update update)
      throws SQLException {
    if (expected < ANY) {
      throw new IllegalArgumentException("expected version must be " + ANY + " (any), "
          + ABSENT + " (absent) or positive, got " + expected);
    }
    if (expected != ANY && (current == null ? ABSENT : current) != expected) {
      throw stale(what, current == null ? "does not exist" : "is at version " + current, expected);
    }
    if (current == null) {
      insert.run();
      return 1;
    }
    if (update.run(current) == 0) {
      if (expected == ANY) {
        throw new SQLException(what + " changed while it was being written",
            SqlStates.SERIALIZATION_FAILURE);
      }
      throw stale(what, "has moved on", expected);
    }
    return current + 1;
  }

  private static ConflictException stale(String what, String now, long expected) {
    return new ConflictException(KIND, what + " " + now + ", not at the version this change was"
        + " based on (" + (expected == ABSENT ? "none" : Long.toString(expected))
        + "): another change won the race; read it again and retry");
  }
}
