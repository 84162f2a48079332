package io.tenantry.jdbc.internal;

import io.tenantry.jdbc.JdbcDialect;

/**
 * Every statement of {@link io.tenantry.jdbc.identity.JdbcOffboardingProgressStore}, in the SQL
 * PostgreSQL and H2 share. Schema (migration 2): {@code tenantry_offboarding_step}, one row per
 * (tenant, user, completed step).
 */
public enum OffboardingSql implements SqlStatement {

  /** The completed steps of one user. */
  SELECT_STEPS("SELECT step FROM tenantry_offboarding_step WHERE tenant_id = ? AND user_id = ?"),

  /** One step, if recorded. */
  SELECT_STEP("SELECT step FROM tenantry_offboarding_step"
      + " WHERE tenant_id = ? AND user_id = ? AND step = ?"),

  /** Records a step (a racing second insert gets a unique violation and is retried). */
  INSERT_STEP("INSERT INTO tenantry_offboarding_step (tenant_id, user_id, step) VALUES (?, ?, ?)");

  private final String sql;

  OffboardingSql(String sql) {
    this.sql = sql;
  }

  @Override
  public String sql(JdbcDialect dialect) {
    return sql;
  }
}
