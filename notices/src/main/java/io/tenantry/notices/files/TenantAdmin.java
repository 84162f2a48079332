package io.tenantry.notices.files;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Admin;
import io.tenantry.notices.AdminPreferences;
import java.util.Objects;
import java.util.Set;

/**
 * One admin entry of a {@code messages.yaml} file: the admin with roles, preferences and the ids
 * of the messages the admin has read or archived.
 *
 * @param tenant the admin's tenant
 * @param admin the admin and roles
 * @param preferences followed services and e-mail preference
 * @param read ids of messages marked read
 * @param archived ids of messages archived
 */
public record TenantAdmin(TenantId tenant, Admin admin, AdminPreferences preferences,
    Set<String> read, Set<String> archived) {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a field is null
   */
  public TenantAdmin {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(preferences, "preferences");
    read = Set.copyOf(read);
    archived = Set.copyOf(archived);
  }
}
