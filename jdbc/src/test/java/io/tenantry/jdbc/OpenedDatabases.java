package io.tenantry.jdbc;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension handing a contract test fresh, migrated databases of one kind ({@link #open()})
 * and dropping them, with their H2 files, after each test: the whole setup of a contract run on
 * JDBC. Register it with {@code @RegisterExtension}. {@link Databases} with its kind fixed.
 */
final class OpenedDatabases implements AfterEachCallback {
  private final TestDatabase.Kind kind;
  private final Databases databases = new Databases();

  OpenedDatabases(TestDatabase.Kind kind) {
    this.kind = kind;
  }

  /** Creates an empty database (skipping the test when PostgreSQL is not configured) and opens it. */
  JdbcDatabase open() {
    return databases.open(kind);
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    databases.afterEach(context);
  }
}
