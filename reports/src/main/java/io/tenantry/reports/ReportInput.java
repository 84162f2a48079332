package io.tenantry.reports;

import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import java.util.Objects;

/**
 * What a report is computed from: one tenant's directories and aggregate, the tenant's display
 * name and, for concealed names, its concealer.
 *
 * @param users the tenant's users
 * @param groups the tenant's groups
 * @param aggregate the tenant's aggregate for the report window
 * @param tenantDisplayName the {@code Tenant Display Name} column's value
 * @param concealer the tenant's concealer, or null to write names in the clear
 */
public record ReportInput(UserDirectory users, GroupDirectory groups, PartialAggregate aggregate,
    String tenantDisplayName, Concealer concealer) {

  /**
   * Validates that everything belongs to one tenant.
   *
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the parts belong to different tenants or the aggregate was
   *     built against directories of another size (results never mix tenants)
   */
  public ReportInput {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(tenantDisplayName, "tenantDisplayName");
    if (!users.tenant().equals(groups.tenant()) || !users.tenant().equals(aggregate.tenant())
        || (concealer != null && !users.tenant().equals(concealer.tenant()))) {
      throw new IllegalArgumentException("report inputs of different tenants: users "
          + users.tenant() + ", groups " + groups.tenant() + ", aggregate " + aggregate.tenant()
          + (concealer == null ? "" : ", concealer " + concealer.tenant()));
    }
    if (aggregate.userCount() != users.size() || aggregate.groupCount() != groups.size()) {
      throw new IllegalArgumentException("the aggregate was built against other directories");
    }
  }
}
