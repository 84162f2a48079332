package io.tenantry.jdbc.identity;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.identity.offboarding.OffboardingStep;
import io.tenantry.identity.spi.OffboardingProgressStore;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.OffboardingSql;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link OffboardingProgressStore} port over JDBC: each completed step of a user's offboarding
 * is a row of {@code tenantry_offboarding_step}, keyed by (tenant, user, step), on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link OffboardingProgressStore}'s: {@link #markCompleted} is idempotent
 * (a step recorded twice, even by two processes at once, is one row) and durable when it returns
 * (its transaction committed); {@link #completed} reads one committed state. Steps are stored by
 * their enum name; a name this Tenantry does not know (written by a newer one) fails the read with
 * a {@link io.tenantry.core.error.PortFailureException} naming it rather than being dropped.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed mark leaves nothing behind. Thread-safe; every call
 * blocks on the database.
 */
public final class JdbcOffboardingProgressStore implements OffboardingProgressStore {

  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcOffboardingProgressStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  @Override
  public Set<OffboardingStep> completed(TenantId tenant, UserId user) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    return tx.read("reading the offboarding progress of user '" + user + "' of tenant '" + tenant
        + "'", c -> {
          try (PreparedStatement p = c.prepareStatement(OffboardingSql.SELECT_STEPS.sql(dialect))) {
            p.setString(1, tenant.value());
            p.setString(2, user.value());
            EnumSet<OffboardingStep> steps = EnumSet.noneOf(OffboardingStep.class);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                steps.add(step(rs.getString(1), tenant, user));
              }
            }
            return steps.isEmpty() ? Set.of() : Set.copyOf(steps);
          }
        });
  }

  @Override
  public void markCompleted(TenantId tenant, UserId user, OffboardingStep step) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(step, "step");
    tx.inTransaction("recording offboarding step " + step + " of user '" + user + "' of tenant '"
        + tenant + "'", true, c -> {
          try (PreparedStatement p = c.prepareStatement(OffboardingSql.SELECT_STEP.sql(dialect))) {
            p.setString(1, tenant.value());
            p.setString(2, user.value());
            p.setString(3, step.name());
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                return null;
              }
            }
          }
          try (PreparedStatement p = c.prepareStatement(OffboardingSql.INSERT_STEP.sql(dialect))) {
            p.setString(1, tenant.value());
            p.setString(2, user.value());
            p.setString(3, step.name());
            p.executeUpdate();
          }
          return null;
        });
  }

  private static OffboardingStep step(String name, TenantId tenant, UserId user)
      throws SQLException {
    try {
      return OffboardingStep.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new SQLException("the offboarding progress of user '" + user + "' of tenant '" + tenant
          + "' holds an unknown step '" + name + "'", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcOffboardingProgressStore";
  }
}
