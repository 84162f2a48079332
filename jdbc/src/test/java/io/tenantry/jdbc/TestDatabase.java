package io.tenantry.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test: an H2 in-memory or file database, or a new schema in the
 * PostgreSQL database of {@link PostgresEnvironment}. {@link #pool()} is what adapters use; {@link
 * #physical()} opens unpooled connections (for the fault-injection tests). Closing it drops it.
 */
final class TestDatabase implements AutoCloseable {

  /** The databases the tests run on. */
  enum Kind {
    H2_MEMORY, H2_FILE, POSTGRESQL
  }

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final Kind kind;
  private final DataSource physical;
  private final TestPool pool;
  private final String pgSchema;

  private TestDatabase(Kind kind, DataSource physical, String pgSchema) {
    this.kind = kind;
    this.physical = physical;
    this.pool = new TestPool(physical, 12);
    this.pgSchema = pgSchema;
  }

  /**
   * Creates an empty database; for PostgreSQL, skips the test when it is not configured.
   *
   * @param kind which database
   * @param dir a temporary directory (for H2 files)
   */
  static TestDatabase create(Kind kind, Path dir) {
    int n = COUNTER.incrementAndGet();
    switch (kind) {
      case H2_MEMORY: {
        return new TestDatabase(kind, new DriverDataSource("jdbc:h2:mem:tenantry-"
            + ProcessHandle.current().pid() + "-" + n + ";DB_CLOSE_DELAY=-1", null, null), null);
      }
      case H2_FILE: {
        return new TestDatabase(kind, new DriverDataSource("jdbc:h2:file:"
            + dir.resolve("tenantry-" + n).toAbsolutePath(), null, null), null);
      }
      default: {
        PostgresEnvironment.assumeConfigured();
        String schema = "tenantry_test_" + ProcessHandle.current().pid() + "_" + n;
        DataSource admin = postgres(null);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
          s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
          throw new IllegalStateException("cannot create schema " + schema + " on "
              + PostgresEnvironment.url() + ": " + e.getMessage(), e);
        }
        return new TestDatabase(kind, postgres(schema), schema);
      }
    }
  }

  private static DataSource postgres(String schema) {
    String url = PostgresEnvironment.url();
    if (schema != null) {
      url += (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
    return new DriverDataSource(url, PostgresEnvironment.user(), PostgresEnvironment.password());
  }

  Kind kind() {
    return kind;
  }

  DataSource pool() {
    return pool;
  }

  DataSource physical() {
    return physical;
  }

  /** Runs a test-side statement (verification queries) on a pooled connection. */
  long queryLong(String sql, Object... params) throws SQLException {
    try (Connection c = pool.getConnection();
        java.sql.PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      try (java.sql.ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    if (kind == Kind.POSTGRESQL) {
      try (Connection c = postgres(null).getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
      }
    } else {
      try (Connection c = physical.getConnection(); Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }
}
