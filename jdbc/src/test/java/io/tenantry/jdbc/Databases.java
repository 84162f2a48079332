package io.tenantry.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fresh databases one test opens, dropped after it (register with {@code @RegisterExtension}):
 * what the contract tests of the adapters build their adapter from, on each {@link
 * TestDatabase.Kind} (PostgreSQL skipped, saying so, when it is not configured).
 */
final class Databases implements AfterEachCallback {
  private final List<TestDatabase> opened = new ArrayList<>();
  private final List<Path> folders = new ArrayList<>();

  /**
   * Creates an empty database of a kind and opens it (migrated).
   *
   * @param kind which database
   * @return the opened database, over its test pool
   */
  JdbcDatabase open(TestDatabase.Kind kind) {
    Path dir = null;
    if (kind == TestDatabase.Kind.H2_FILE) {
      try {
        dir = Files.createTempDirectory("tenantry-h2");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      folders.add(dir);
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
    for (Path dir : folders) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    folders.clear();
  }
}
