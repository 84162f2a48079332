package io.tenantry.jdbc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The list of every SQL statement of the JDBC adapters. A new adapter adds its enum here; a test
 * parses each statement of {@link #tenantScoped()} and fails on one that is not scoped to a tenant,
 * and holds each of {@link #tenantListing()} to returning tenant ids only.
 */
public final class SqlCatalog {
  private SqlCatalog() {}

  /**
   * Returns the statements that read or write tenant data: every one of them must name the tenant.
   *
   * @return the statements, in a fixed order
   */
  public static List<SqlStatement> tenantScoped() {
    List<SqlStatement> all = new ArrayList<>();
    Collections.addAll(all, AuditLogSql.values());
    Collections.addAll(all, OffboardingSql.values());
    Collections.addAll(all, GroupSql.values());
    Collections.addAll(all, GroupSettingsSql.values());
    Collections.addAll(all, DirectorySql.values());
    Collections.addAll(all, BlobReplicaSql.values());
    Collections.addAll(all, KeysetSql.values());
    Collections.addAll(all, NoticeStateSql.values());
    Collections.addAll(all, NotificationSql.values());
    Collections.addAll(all, ReportsSql.values());
    all.removeAll(tenantListing());
    return List.copyOf(all);
  }

  /**
   * Returns the statements that span tenants because their port says so ({@link
   * io.tenantry.datastore.spi.BlobReplica#tenants()}, for the scrubber): each returns tenant ids
   * only, never tenant data, and a test holds them to that.
   *
   * @return the statements, in a fixed order
   */
  public static List<SqlStatement> tenantListing() {
    return List.of(BlobReplicaSql.TENANTS);
  }

  /**
   * Returns the migrator's bookkeeping statements, which touch only the {@code tenantry_schema_*}
   * tables.
   *
   * @return the statements, in a fixed order
   */
  public static List<SqlStatement> bookkeeping() {
    return List.of(MigrationSql.values());
  }
}
