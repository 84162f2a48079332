package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * The migrator's own statements: its schema-version table and its lock. They are the only
 * statements not scoped to a tenant, and they touch only the {@code tenantry_schema_*} tables
 * (a test holds them to that).
 */
public enum MigrationSql implements SqlStatement {

  /** PostgreSQL: tries to take the transaction-scoped advisory lock of the current schema. */
  TRY_LOCK_POSTGRESQL("SELECT pg_try_advisory_xact_lock(?, hashtext(coalesce(current_schema(), '')))"),

  /** H2: the table whose single row is the migration lock. */
  CREATE_LOCK_TABLE_H2("CREATE TABLE IF NOT EXISTS tenantry_schema_lock"
      + " (lock_id INT NOT NULL, CONSTRAINT tenantry_schema_lock_pk PRIMARY KEY (lock_id))"),

  /** H2: whether the lock row exists (a plain read, which waits for no lock). */
  COUNT_LOCK_ROW_H2("SELECT COUNT(*) FROM tenantry_schema_lock WHERE lock_id = 1"),

  /** H2: the lock row (a racing second insert gets a unique violation, which is fine). */
  INSERT_LOCK_ROW_H2("INSERT INTO tenantry_schema_lock (lock_id) VALUES (1)"),

  /** H2: takes the lock, held until the locking connection's transaction ends. */
  LOCK_ROW_H2("SELECT lock_id FROM tenantry_schema_lock WHERE lock_id = 1 FOR UPDATE"),

  /** The schema-version table: one row per applied migration. */
  CREATE_VERSION_TABLE("CREATE TABLE IF NOT EXISTS tenantry_schema_version ("
      + "migration_version INT NOT NULL, description VARCHAR(200) NOT NULL,"
      + " checksum VARCHAR(64) NOT NULL,"
      + " installed_on TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,"
      + " CONSTRAINT tenantry_schema_version_pk PRIMARY KEY (migration_version))"),

  /** The applied migrations. */
  SELECT_VERSIONS("SELECT migration_version, description, checksum FROM tenantry_schema_version"
      + " ORDER BY migration_version"),

  /** Records an applied migration. */
  INSERT_VERSION("INSERT INTO tenantry_schema_version (migration_version, description, checksum)"
      + " VALUES (?, ?, ?)");

  private final String sql;

  MigrationSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
