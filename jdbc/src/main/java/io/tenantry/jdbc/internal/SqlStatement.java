package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * One SQL statement an adapter runs, with its text for each dialect.
 *
 * <p>Every statement lives in an enum implementing this interface and listed in {@link
 * SqlCatalog}, never inline in an adapter: that is what lets a test parse every statement and fail
 * on one that is not scoped to a tenant.
 */
public interface SqlStatement {

  /**
   * Returns the statement's name, for messages.
   *
   * @return the enum constant's name
   */
  String name();

  /**
   * Returns the statement's text for a dialect.
   *
   * @param dialect the database
   * @return the SQL, with {@code ?} parameters
   */
  String sql(JdbcDialect dialect);
}
