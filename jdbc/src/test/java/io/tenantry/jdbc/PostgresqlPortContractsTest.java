package io.tenantry.jdbc;

/** The {@link PortContracts} on PostgreSQL (a fresh schema per test; skipped, saying so, when TENANTRY_TEST_PG_URL is unset). */
class PostgresqlPortContractsTest extends PortContracts {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
