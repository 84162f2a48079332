package io.tenantry.jdbc;

/** The {@link PortContracts} on an H2 in-memory database. */
class H2MemoryPortContractsTest extends PortContracts {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2_MEMORY;
  }
}
