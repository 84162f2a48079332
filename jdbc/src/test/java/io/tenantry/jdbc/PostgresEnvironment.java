package io.tenantry.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the PostgreSQL tests connect: {@code TENANTRY_TEST_PG_URL} (a JDBC URL such as {@code
 * jdbc:postgresql://localhost:5432/tenantry_test}), {@code TENANTRY_TEST_PG_USER} and {@code
 * TENANTRY_TEST_PG_PASSWORD}. When the URL is unset the PostgreSQL tests are skipped, with a line on
 * the build log and the assumption's message saying so; when {@code TENANTRY_TEST_PG_REQUIRED=true}
 * (as {@code .ci/run} sets) a missing URL fails them instead.
 */
final class PostgresEnvironment {
  static final String URL = "TENANTRY_TEST_PG_URL";
  static final String USER = "TENANTRY_TEST_PG_USER";
  static final String PASSWORD = "TENANTRY_TEST_PG_PASSWORD";
  static final String REQUIRED = "TENANTRY_TEST_PG_REQUIRED";

  static final String NOT_RUN = "PostgreSQL tests NOT run: " + URL + " is not set (set it, with "
      + USER + " and " + PASSWORD + ", to run them; .ci/run does)";

  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

  private PostgresEnvironment() {}

  static boolean configured() {
    String url = System.getenv(URL);
    return url != null && !url.isBlank();
  }

  /** Skips the calling test (or fails it, when PostgreSQL is required) unless configured. */
  static void assumeConfigured() {
    if (configured()) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv(REQUIRED))) {
      fail(REQUIRED + " is true but " + URL + " is not set");
    }
    if (ANNOUNCED.compareAndSet(false, true)) {
      System.out.println("[WARNING] " + NOT_RUN);
    }
    assumeTrue(false, NOT_RUN);
  }

  static String url() {
    return System.getenv(URL);
  }

  static String user() {
    return System.getenv().getOrDefault(USER, "");
  }

  static String password() {
    return System.getenv().getOrDefault(PASSWORD, "");
  }
}
