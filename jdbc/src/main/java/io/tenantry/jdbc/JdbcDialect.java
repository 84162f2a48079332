package io.tenantry.jdbc;

import java.util.Locale;

/**
 * The databases Tenantry's JDBC adapters support, detected from the driver's metadata.
 *
 * <p>The schema and statements are written in the SQL both share, so the two behave alike; where
 * they differ (the migration lock), each dialect has its own statement.
 */
public enum JdbcDialect {
  /** PostgreSQL 12 or later: what a real deployment runs. */
  POSTGRESQL("PostgreSQL", 12),
  /** H2 2.x in its native mode: the embedded default for a persistent single node. */
  H2("H2", 2);

  private final String productName;
  private final int minimumMajorVersion;

  JdbcDialect(String productName, int minimumMajorVersion) {
    this.productName = productName;
    this.minimumMajorVersion = minimumMajorVersion;
  }

  /**
   * Returns the product name the JDBC driver reports for this database.
   *
   * @return for example {@code PostgreSQL}
   */
  public String productName() {
    return productName;
  }

  /**
   * Returns the oldest major version of this database that the adapters support.
   *
   * @return the major version
   */
  public int minimumMajorVersion() {
    return minimumMajorVersion;
  }

  /**
   * Finds the dialect of a database from what its driver reports.
   *
   * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
   * @param majorVersion {@link java.sql.DatabaseMetaData#getDatabaseMajorVersion()}
   * @return the dialect
   * @throws IllegalArgumentException if the database is not supported, naming it and its version
   */
  public static JdbcDialect detect(String productName, int majorVersion) {
    for (JdbcDialect d : values()) {
      if (d.productName.toLowerCase(Locale.ROOT).equals(
          String.valueOf(productName).trim().toLowerCase(Locale.ROOT))) {
        if (majorVersion < d.minimumMajorVersion) {
          throw new IllegalArgumentException("database " + productName + " " + majorVersion
              + " is too old: Tenantry's JDBC adapters need " + d.productName + " "
              + d.minimumMajorVersion + " or later");
        }
        return d;
      }
    }
    throw new IllegalArgumentException("database '" + productName + "' is not supported: Tenantry's"
        + " JDBC adapters support PostgreSQL and H2");
  }
}
