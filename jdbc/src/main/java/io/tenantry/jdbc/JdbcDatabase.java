package io.tenantry.jdbc;

import io.tenantry.jdbc.internal.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A database holding Tenantry's tables, reached through the host's {@link DataSource}, with its
 * schema brought up to date: what every JDBC adapter is built from.
 *
 * <pre>{@code
 * JdbcDatabase db = JdbcDatabase.open(dataSource);   // detects the database, migrates the schema
 * AuditLog audit = new JdbcAuditLog(db);
 * }</pre>
 *
 * <p><b>Migrations.</b> {@link #open(DataSource)} applies the versioned migrations this Tenantry
 * needs, each once, recording them in {@code tenantry_schema_version}; when the schema is up to
 * date it applies nothing. Processes that open the same database together migrate one at a time
 * (a PostgreSQL advisory lock per schema; on H2, a row lock in {@code tenantry_schema_lock} held by
 * a second connection, so the pool must allow two connections while migrating). Tables are created
 * in the connection's current schema, all named {@code tenantry_…}.
 *
 * <p><b>Data source.</b> Any {@link DataSource} of a supported database ({@link JdbcDialect}); in
 * production, a connection pool. The adapters take a connection per call and return it, leaving
 * its auto-commit mode as they found it; they use the connection's default isolation level (READ
 * COMMITTED on both databases) and retry the transient failures a stricter level raises.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcDatabase {

  /** How long {@link #open(DataSource)} waits for another process's migration. */
  public static final Duration DEFAULT_MIGRATION_LOCK_WAIT = Duration.ofMinutes(2);

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final int schemaVersion;
  private final List<Integer> migrationsApplied;

  private JdbcDatabase(DataSource dataSource, Migrator.Result migration) {
    this.dataSource = dataSource;
    this.dialect = migration.dialect();
    this.schemaVersion = migration.schemaVersion();
    this.migrationsApplied = migration.applied();
  }

  /**
   * Opens a database: detects it, and applies the pending schema migrations, waiting up to {@link
   * #DEFAULT_MIGRATION_LOCK_WAIT} for another process's migration.
   *
   * @param dataSource the host's data source
   * @return the database, its schema up to date
   * @throws NullPointerException if {@code dataSource} is null
   * @throws IllegalArgumentException if the database is neither PostgreSQL 12+ nor H2 2.x
   * @throws IllegalStateException if the schema is newer than this Tenantry, or one of its applied
   *     migrations differs from this Tenantry's script
   * @throws io.tenantry.core.error.PortFailureException if the database failed, or the lock was
   *     not had in time; carrying the cause
   */
  public static JdbcDatabase open(DataSource dataSource) {
    return open(dataSource, DEFAULT_MIGRATION_LOCK_WAIT);
  }

  /**
   * Opens a database, waiting at most {@code migrationLockWait} for another process's migration.
   *
   * @param dataSource the host's data source
   * @param migrationLockWait how long to wait for the migration lock; positive
   * @return the database, its schema up to date
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the wait is not positive, or the database is not supported
   * @throws IllegalStateException if the schema is newer than this Tenantry or was altered
   * @throws io.tenantry.core.error.PortFailureException if the database failed, or the lock was
   *     not had in time; carrying the cause
   */
  public static JdbcDatabase open(DataSource dataSource, Duration migrationLockWait) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(migrationLockWait, "migrationLockWait");
    if (migrationLockWait.isZero() || migrationLockWait.isNegative()) {
      throw new IllegalArgumentException("migrationLockWait must be positive, got "
          + migrationLockWait);
    }
    return new JdbcDatabase(dataSource, Migrator.migrate(dataSource, migrationLockWait));
  }

  /**
   * Returns the schema version this Tenantry needs (and every opened database has).
   *
   * @return the version of the latest migration
   */
  public static int latestSchemaVersion() {
    return Migrator.latestVersion();
  }

  /**
   * Returns the data source the adapters use.
   *
   * @return the host's data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Returns the detected database.
   *
   * @return the dialect
   */
  public JdbcDialect dialect() {
    return dialect;
  }

  /**
   * Returns the schema version after opening.
   *
   * @return {@link #latestSchemaVersion()}
   */
  public int schemaVersion() {
    return schemaVersion;
  }

  /**
   * Returns the migrations that opening this database applied.
   *
   * @return their versions, in order; empty when the schema was already up to date
   */
  public List<Integer> migrationsApplied() {
    return migrationsApplied;
  }

  @Override
  public String toString() {
    return "JdbcDatabase[" + dialect.productName() + ", schema version " + schemaVersion + "]";
  }
}
