package io.tenantry.jdbc.internal;

import io.tenantry.core.error.PortFailureException;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs an adapter's work on a connection of the host's {@link DataSource}: in one transaction that
 * commits only when the work returns, and rolls back on any failure, so a failure leaves no partial
 * state. SQL failures become {@link PortFailureException}s carrying the {@link SQLException};
 * Tenantry's own exceptions (a conflict, say) pass through after the rollback.
 *
 * <p>Transient failures are retried a few times with a fresh transaction: serialization failures
 * and deadlocks ({@code 40001}, {@code 40P01}), H2's lock timeout ({@code HYT00}), and, when the
 * work asks for it, unique violations ({@code 23505}) that mean another transaction won a race the
 * work resolves on its next run. The connection's auto-commit mode is restored before it is closed
 * (returned to the host's pool).
 *
 * <p>On H2, every connection is used with H2's reuse of a query's last result turned off
 * ({@code SET OPTIMIZE_REUSE_RESULTS FALSE}, run as the connection is taken): H2 2.x can hand a
 * statement the cached result of its previous run although another transaction has committed a
 * change since (h2database issues 3894 and 4208, the second a lost update through
 * {@code SELECT … FOR UPDATE}), which would let a versioned write rest on stale rows. The setting is
 * H2's database-wide one and needs an admin user; for a user without admin rights, put
 * {@code ;OPTIMIZE_REUSE_RESULTS=FALSE} in the database URL instead, and the failed {@code SET} is
 * then passed over.
 *
 * <p>Thread-safe: it holds no state but the data source and whether it is H2.
 */
public final class Transactions {

  /** How often a transient failure is retried before it is reported. */
  static final int ATTEMPTS = 8;

  /**
   * Work done on a connection.
   *
   * @param <T> what the work returns
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection the connection, in a transaction unless run by {@link #read}
     * @return the result
     * @throws SQLException if a statement failed
     */
    T run(Connection connection) throws SQLException;
  }

  /** What turns off H2's reuse of a query's last result (see the class comment). */
  private static final String H2_NO_RESULT_REUSE = "SET OPTIMIZE_REUSE_RESULTS FALSE";

  private final DataSource dataSource;
  private final boolean h2;

  /**
   * Creates the helper for a database of a kind.
   *
   * @param dataSource the host's data source
   * @param dialect the database's kind
   * @throws NullPointerException if an argument is null
   */
  public Transactions(DataSource dataSource, JdbcDialect dialect) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.h2 = Objects.requireNonNull(dialect, "dialect") == JdbcDialect.H2;
  }

  /**
   * Creates the helper for an opened database.
   *
   * @param database the database
   * @return the helper over its data source
   * @throws NullPointerException if {@code database} is null
   */
  public static Transactions of(JdbcDatabase database) {
    Objects.requireNonNull(database, "database");
    return new Transactions(database.dataSource(), database.dialect());
  }

  /** A connection of the data source, with H2's result reuse turned off on H2. */
  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (h2) {
      try (Statement s = c.createStatement()) {
        s.execute(H2_NO_RESULT_REUSE);
      } catch (SQLException notAdmin) {
        // a user without admin rights: the URL's OPTIMIZE_REUSE_RESULTS=FALSE is the way (class
        // comment); a broken connection fails the work's first statement instead
      } catch (RuntimeException | Error e) {
        try {
          c.close();
        } catch (SQLException closeFailure) {
          e.addSuppressed(closeFailure);
        }
        throw e;
      }
    }
    return c;
  }

  /**
   * Runs work in a transaction, retrying transient failures.
   *
   * @param operation what is done and for which tenant, for the failure's message
   * @param retryUniqueViolation whether a unique violation is a lost race to retry
   * @param work the work; it may roll back itself (a no-op commit follows)
   * @param <T> what the work returns
   * @return what the work returned
   * @throws PortFailureException if the database failed, carrying the SQL exception
   */
  public <T> T inTransaction(String operation, boolean retryUniqueViolation, Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return once(work);
      } catch (SQLException e) {
        last = e;
        if (!SqlStates.isRetryable(e, retryUniqueViolation)) {
          break;
        }
        backOff(attempt);
      }
    }
    throw failure(operation, last);
  }

  /**
   * Runs one read statement's work in auto-commit mode (a single statement sees one snapshot).
   *
   * @param operation what is read and for which tenant, for the failure's message
   * @param work the work
   * @param <T> what the work returns
   * @return what the work returned
   * @throws PortFailureException if the database failed, carrying the SQL exception
   */
  public <T> T read(String operation, Work<T> work) {
    try (Connection c = connection()) {
      boolean autoCommit = c.getAutoCommit();
      if (!autoCommit) {
        c.setAutoCommit(true);
      }
      try {
        return work.run(c);
      } finally {
        if (!autoCommit && !c.isClosed()) {
          c.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private <T> T once(Work<T> work) throws SQLException {
    try (Connection c = connection()) {
      boolean autoCommit = c.getAutoCommit();
      if (autoCommit) {
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        restoreAutoCommit(c, autoCommit);
      }
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static void restoreAutoCommit(Connection c, boolean autoCommit) {
    if (!autoCommit) {
      return;
    }
    try {
      if (!c.isClosed()) {
        c.setAutoCommit(true);
      }
    } catch (SQLException ignored) {
      // the connection broke; closing it (next) is all that is left to do
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(200, 5L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static PortFailureException failure(String operation, SQLException e) {
    return new PortFailureException(operation + " failed: " + e.getMessage() + " (SQLState "
        + e.getSQLState() + ")", e);
  }
}
