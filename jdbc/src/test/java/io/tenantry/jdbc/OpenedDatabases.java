package io.tenantry.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension handing a contract test fresh, migrated databases of one kind ({@link #open()})
 * and dropping them, with their H2 files, after each test: the whole setup of a contract run on
 * JDBC. Register it with {@code @RegisterExtension}.
 */
final class OpenedDatabases implements AfterEachCallback {
  private final TestDatabase.Kind kind;
  private final List<TestDatabase> opened = new ArrayList<>();
  private Path dir;

  OpenedDatabases(TestDatabase.Kind kind) {
    this.kind = kind;
  }

  /** Creates an empty database (skipping the test when PostgreSQL is not configured) and opens it. */
  JdbcDatabase open() {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("tenantry-jdbc-");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary directory", e);
    }
    TestDatabase db = TestDatabase.create(kind, dir);
    opened.add(db);
    return JdbcDatabase.open(db.pool());
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (TestDatabase db : opened) {
      db.close();
    }
    opened.clear();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      dir = null;
    }
  }
}
