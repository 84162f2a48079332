package io.tenantry.jdbc;

/** The {@link PortContracts} on an H2 file database. */
class H2FilePortContractsTest extends PortContracts {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2_FILE;
  }
}
