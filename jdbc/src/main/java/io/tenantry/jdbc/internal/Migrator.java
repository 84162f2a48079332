package io.tenantry.jdbc.internal;

import io.tenantry.core.error.PortFailureException;
import io.tenantry.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Applies the schema migrations this version of Tenantry needs, each once, in order, recording
 * each in {@code tenantry_schema_version} with its script's checksum.
 *
 * <p><b>Concurrency.</b> Processes that start together migrate one at a time: on PostgreSQL under
 * a transaction-scoped advisory lock keyed by the current schema, and all pending migrations in
 * that one transaction (PostgreSQL's DDL is transactional, so a failed migration leaves nothing
 * behind); on H2 under a row lock of {@code tenantry_schema_lock}, held by a second connection
 * while the first migrates (H2 commits each DDL statement, so the scripts are idempotent and an
 * interrupted migration is completed by the next start). A process that finds the schema up to
 * date applies nothing. Waiting for the lock is bounded.
 *
 * <p><b>Refusals.</b> A database whose schema is newer than this Tenantry, or whose applied
 * script differs from this Tenantry's (edited by hand, or a different build), is refused with an
 * {@link IllegalStateException} naming the version: running on a schema Tenantry does not know
 * would risk its data.
 */
public final class Migrator {

  /**
   * Every migration, by version. A new one is added here with its script. Versions increase but
   * need not be consecutive: ranges are reserved for work done in parallel (2-9 identity and
   * groups, 10-19 datastore, notices and reports), and a database migrated by a build that had a
   * later version applies the earlier ones it lacks (each migration creates its own tables, so
   * their order between ranges does not matter).
   */
  public static final List<Migration> MIGRATIONS = requireIncreasing(List.of(
      new Migration(1, "audit_log"),
      new Migration(2, "offboarding_progress"),
      new Migration(3, "groups"),
      new Migration(4, "directory"),
      new Migration(5, "directory_dynamic_limit"),
      new Migration(6, "directory_guest_access"),
      new Migration(10, "datastore"),
      new Migration(11, "notices"),
      new Migration(12, "reports"),
      new Migration(13, "blob_content_lob")));

  /**
   * The first key of the PostgreSQL migration lock ("Tent"); the second is the hash of the current
   * schema's name, so migrations of different schemas do not wait for each other.
   */
  public static final int LOCK_NAMESPACE = 0x54656e74;

  private static final System.Logger LOG = System.getLogger("io.tenantry.jdbc");

  /**
   * What a migration run found and did.
   *
   * @param dialect the database
   * @param schemaVersion the schema version after the run
   * @param applied the versions this run applied, in order (empty when already up to date)
   */
  public record Result(JdbcDialect dialect, int schemaVersion, List<Integer> applied) {
    /** Copies the list. */
    public Result {
      applied = List.copyOf(applied);
    }
  }

  private Migrator() {}

  /**
   * Returns the schema version this Tenantry needs.
   *
   * @return the highest migration version
   */
  public static int latestVersion() {
    return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
  }

  /**
   * Detects the database and brings its schema up to date.
   *
   * @param dataSource the host's data source
   * @param lockWait how long to wait for another process's migration to finish
   * @return the dialect, the version reached and what was applied
   * @throws IllegalArgumentException if the database is not supported
   * @throws IllegalStateException if the schema is newer than this Tenantry or was altered
   * @throws PortFailureException if the database failed or the lock wait timed out
   */
  public static Result migrate(DataSource dataSource, Duration lockWait) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(lockWait, "lockWait");
    long deadline = System.nanoTime() + lockWait.toNanos();
    try {
      JdbcDialect dialect = detect(dataSource);
      List<Integer> applied = dialect == JdbcDialect.POSTGRESQL
          ? migratePostgresql(dataSource, deadline)
          : migrateH2(dataSource, deadline);
      return new Result(dialect, latestVersion(), applied);
    } catch (SQLException e) {
      throw new PortFailureException("migrating the Tenantry schema failed: " + e.getMessage()
          + " (SQLState " + e.getSQLState() + ")", e);
    }
  }

  /**
   * Detects the database behind a data source.
   *
   * @param dataSource the data source
   * @return the dialect
   * @throws SQLException if no connection could be had
   * @throws IllegalArgumentException if the database is not supported
   */
  public static JdbcDialect detect(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      return JdbcDialect.detect(meta.getDatabaseProductName(), meta.getDatabaseMajorVersion());
    }
  }

  private static List<Integer> migratePostgresql(DataSource dataSource, long deadline)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement(
            MigrationSql.TRY_LOCK_POSTGRESQL.sql(JdbcDialect.POSTGRESQL))) {
          lock.setInt(1, LOCK_NAMESPACE);
          while (!tryLock(lock)) {
            waitOrGiveUp(deadline);
          }
        }
        List<Integer> applied = apply(c, JdbcDialect.POSTGRESQL);
        c.commit();
        return applied;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      } finally {
        if (autoCommit && !c.isClosed()) {
          c.setAutoCommit(true);
        }
      }
    }
  }

  private static boolean tryLock(PreparedStatement lock) throws SQLException {
    try (ResultSet rs = lock.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  private static List<Integer> migrateH2(DataSource dataSource, long deadline)
      throws SQLException {
    try (Connection lock = dataSource.getConnection()) {
      boolean autoCommit = lock.getAutoCommit();
      lock.setAutoCommit(true);
      ensureLockRow(lock);
      lock.setAutoCommit(false);
      try {
        lockRowH2(lock, deadline);
        try (Connection work = dataSource.getConnection()) {
          boolean workAutoCommit = work.getAutoCommit();
          work.setAutoCommit(true);
          try {
            return apply(work, JdbcDialect.H2);
          } finally {
            work.setAutoCommit(workAutoCommit);
          }
        }
      } finally {
        try {
          lock.rollback();
        } finally {
          lock.setAutoCommit(autoCommit);
        }
      }
    }
  }

  private static void ensureLockRow(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(MigrationSql.CREATE_LOCK_TABLE_H2.sql(JdbcDialect.H2));
      try (ResultSet rs = s.executeQuery(MigrationSql.COUNT_LOCK_ROW_H2.sql(JdbcDialect.H2))) {
        if (rs.next() && rs.getLong(1) > 0) {
          return;
        }
      }
      try {
        s.executeUpdate(MigrationSql.INSERT_LOCK_ROW_H2.sql(JdbcDialect.H2));
      } catch (SQLException e) {
        if (!SqlStates.is(e, SqlStates.UNIQUE_VIOLATION) && !SqlStates.is(e, SqlStates.LOCK_TIMEOUT)) {
          throw e;
        }
      }
    }
  }

  private static void lockRowH2(Connection c, long deadline) throws SQLException {
    while (true) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(MigrationSql.LOCK_ROW_H2.sql(JdbcDialect.H2))) {
        if (rs.next()) {
          return;
        }
        throw new SQLException("the migration lock row of tenantry_schema_lock is missing");
      } catch (SQLException e) {
        if (!SqlStates.is(e, SqlStates.LOCK_TIMEOUT) && !SqlStates.is(e, SqlStates.SERIALIZATION_FAILURE)) {
          throw e;
        }
        waitOrGiveUp(deadline);
      }
    }
  }

  private static void waitOrGiveUp(long deadline) throws SQLTimeoutException {
    if (System.nanoTime() - deadline >= 0) {
      throw new SQLTimeoutException("timed out waiting for the schema migration lock: another"
          + " process is migrating the Tenantry schema, or died holding the lock");
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTimeoutException("interrupted while waiting for the schema migration lock", e);
    }
  }

  /**
   * Checks that migration versions strictly increase (gaps allowed).
   *
   * @param migrations the migrations
   * @return the same list
   * @throws IllegalStateException naming the first version out of order
   */
  static List<Migration> requireIncreasing(List<Migration> migrations) {
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
        throw new IllegalStateException("migration " + migrations.get(i).fileName()
            + " does not come after " + migrations.get(i - 1).fileName()
            + ": versions must strictly increase");
      }
    }
    return migrations;
  }

  /**
   * Returns the migrations a database still needs, refusing one it cannot run on.
   *
   * @param applied the descriptions of the migrations the database has applied, by version
   * @param migrations this Tenantry's migrations, by version
   * @return the migrations not yet applied, by version (those in a gap below an applied one too)
   * @throws IllegalStateException if an applied version is newer than the latest of {@code
   *     migrations}, or is unknown to them
   */
  static List<Migration> pending(SortedMap<Integer, String> applied, List<Migration> migrations) {
    int latest = migrations.get(migrations.size() - 1).version();
    Set<Integer> known = new HashSet<>();
    List<Migration> pending = new ArrayList<>();
    for (Migration m : migrations) {
      known.add(m.version());
      if (!applied.containsKey(m.version())) {
        pending.add(m);
      }
    }
    if (!applied.isEmpty() && applied.lastKey() > latest) {
      throw new IllegalStateException("the database's Tenantry schema is at version "
          + applied.lastKey() + ", newer than this Tenantry's (" + latest
          + "): run a Tenantry at least as recent as the one that migrated it");
    }
    for (Map.Entry<Integer, String> a : applied.entrySet()) {
      if (!known.contains(a.getKey())) {
        throw new IllegalStateException("the database's Tenantry schema has migration "
            + a.getKey() + " (" + a.getValue() + "), which this Tenantry does not know:"
            + " it was migrated by another build; run that build or a later release");
      }
    }
    return pending;
  }

  private record Applied(int version, String description, String checksum) {}

  private static List<Integer> apply(Connection c, JdbcDialect dialect) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(MigrationSql.CREATE_VERSION_TABLE.sql(dialect));
    }
    TreeMap<Integer, Applied> applied = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(MigrationSql.SELECT_VERSIONS.sql(dialect))) {
      while (rs.next()) {
        applied.put(rs.getInt(1), new Applied(rs.getInt(1), rs.getString(2), rs.getString(3)));
      }
    }
    check(applied, dialect);
    List<Integer> done = new ArrayList<>();
    for (Migration m : pending(descriptions(applied), MIGRATIONS)) {
      try (Statement s = c.createStatement()) {
        for (String sql : m.statements(dialect)) {
          s.execute(sql);
        }
      }
      try (PreparedStatement p = c.prepareStatement(MigrationSql.INSERT_VERSION.sql(dialect))) {
        p.setInt(1, m.version());
        p.setString(2, m.name());
        p.setString(3, m.checksum(dialect));
        p.executeUpdate();
      }
      done.add(m.version());
      LOG.log(System.Logger.Level.INFO, "applied Tenantry schema migration {0} ({1}) on {2}",
          m.version(), m.name(), dialect.productName());
    }
    return done;
  }

  private static SortedMap<Integer, String> descriptions(TreeMap<Integer, Applied> applied) {
    TreeMap<Integer, String> out = new TreeMap<>();
    applied.forEach((v, a) -> out.put(v, a.description()));
    return out;
  }

  private static void check(TreeMap<Integer, Applied> applied, JdbcDialect dialect) {
    pending(descriptions(applied), MIGRATIONS);
    for (Migration m : MIGRATIONS) {
      Applied a = applied.get(m.version());
      if (a != null && !a.checksum().equals(m.checksum(dialect))) {
        throw new IllegalStateException("the database's Tenantry schema migration " + m.version()
            + " (" + a.description() + ") differs from this Tenantry's " + m.fileName()
            + " (checksum " + a.checksum() + ", expected " + m.checksum(dialect)
            + "): the schema was changed outside Tenantry or by another build");
      }
    }
  }
}
