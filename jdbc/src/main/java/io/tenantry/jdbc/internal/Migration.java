package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One versioned schema migration: a SQL script among the module's resources, {@code
 * io/tenantry/jdbc/migration/V<version, 4 digits>__<name>.sql}, or, when a dialect needs its own
 * text, {@code V…__<name>.<dialect>.sql} (e.g. {@code .postgresql.sql}), which then wins for it.
 *
 * <p>Scripts hold statements separated by {@code ;} at the end of a line, and {@code --} comments.
 * Every statement must be idempotent ({@code CREATE … IF NOT EXISTS}): H2 commits each DDL statement
 * on its own, so a migration interrupted there is completed by the next start. A script, once
 * released, never changes: the migrator keeps its SHA-256 and refuses a database whose applied
 * script differs.
 *
 * @param version the version, 1, 2, …: applied in order, each once
 * @param name the script's name, lower case with underscores
 */
public record Migration(int version, String name) {

  /** Where the scripts are, relative to the class path root. */
  public static final String DIRECTORY = "io/tenantry/jdbc/migration/";

  /**
   * Validates the migration.
   *
   * @throws IllegalArgumentException if the version is not positive or the name is malformed
   */
  public Migration {
    if (version < 1 || version > 9999) {
      throw new IllegalArgumentException("migration version must be 1-9999, got " + version);
    }
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("migration name must be lower case letters, digits and"
          + " '_', got '" + name + "'");
    }
  }

  /**
   * Returns the name of the portable script.
   *
   * @return e.g. {@code V0001__audit_log.sql}
   */
  public String fileName() {
    return String.format(Locale.ROOT, "V%04d__%s.sql", version, name);
  }

  /**
   * Returns the name of a dialect's own script.
   *
   * @param dialect the database
   * @return e.g. {@code V0001__audit_log.postgresql.sql}
   */
  public String fileName(JdbcDialect dialect) {
    return String.format(Locale.ROOT, "V%04d__%s.%s.sql", version, name,
        dialect.name().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads the script for a dialect: its own if there is one, else the portable one.
   *
   * @param dialect the database
   * @return the script's text
   * @throws IllegalStateException if neither script is on the class path
   */
  public String script(JdbcDialect dialect) {
    String own = load(fileName(dialect));
    if (own != null) {
      return own;
    }
    String portable = load(fileName());
    if (portable == null) {
      throw new IllegalStateException("migration script " + DIRECTORY + fileName()
          + " is missing from the class path");
    }
    return portable;
  }

  /**
   * Returns the SHA-256 of the script for a dialect, line endings normalised.
   *
   * @param dialect the database
   * @return 64 hex digits
   */
  public String checksum(JdbcDialect dialect) {
    try {
      byte[] text = script(dialect).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * Splits the script for a dialect into statements, without comments.
   *
   * @param dialect the database
   * @return the statements, in order, without their {@code ;}
   */
  public List<String> statements(JdbcDialect dialect) {
    return split(script(dialect));
  }

  /**
   * Splits a script into statements: {@code --} comments removed, statements separated by a
   * {@code ;} that ends a line.
   *
   * @param script the script
   * @return the non-blank statements, trimmed
   */
  static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.replace("\r\n", "\n").split("\n", -1)) {
      int comment = line.indexOf("--");
      String code = (comment >= 0 ? line.substring(0, comment) : line).stripTrailing();
      if (code.endsWith(";")) {
        current.append(code, 0, code.length() - 1);
        add(statements, current);
      } else {
        current.append(code).append('\n');
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder current) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      statements.add(s);
    }
    current.setLength(0);
  }

  private static String load(String file) {
    // Class.getResourceAsStream reads this module's own resources, on the class or module path
    try (InputStream in = Migration.class.getResourceAsStream("/" + DIRECTORY + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration script " + DIRECTORY + file, e);
    }
  }
}
