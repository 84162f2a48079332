package io.tenantry.core.audit;

import io.tenantry.core.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of a tenant's audit trail: who did what to which object, when, and with what result.
 *
 * <p>Modelled on the common schema of Microsoft's unified audit log ({@code Id}, {@code
 * CreationTime}, {@code Operation}, {@code UserId}, {@code ObjectId}, {@code ResultStatus}), reduced
 * to what every Tenantry engine records. Details are kept sorted by key so two equal records render
 * identically.
 *
 * @param id the record id, unique within the tenant (from an {@link io.tenantry.core.spi.IdGenerator})
 * @param tenant the tenant the activity happened in
 * @param time when the activity happened (UTC instant, from the engine's {@link java.time.InstantSource})
 * @param actor who acted: a user principal name, an admin's id or a system name such as {@code "lifecycle"}
 * @param activity what was done, a stable PascalCase name such as {@code "Put"} or {@code "RoleAssigned"}
 * @param target the object acted on, or null for tenant-level activities
 * @param result success or failure
 * @param details further facts (e.g. {@code reason}, {@code version}); keys and values non-null
 */
public record AuditRecord(String id, TenantId tenant, Instant time, String actor, String activity,
    String target, AuditResult result, Map<String, String> details) {

  /**
   * Validates the record and copies its details into a sorted, unmodifiable map.
   *
   * @throws NullPointerException if a required component, a detail key or a detail value is null
   * @throws IllegalArgumentException if {@code id}, {@code actor} or {@code activity} is blank
   */
  public AuditRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(result, "result");
    if (id.isBlank() || actor.isBlank() || activity.isBlank()) {
      throw new IllegalArgumentException("id, actor and activity must not be blank (id='" + id
          + "', actor='" + actor + "', activity='" + activity + "')");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    if (details != null) {
      details.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "detail key"),
          Objects.requireNonNull(v, () -> "value of detail '" + k + "'")));
    }
    details = Collections.unmodifiableMap(sorted);
  }

  /**
   * Returns the object acted on.
   *
   * @return the target, or empty for tenant-level activities
   */
  public Optional<String> targetIfAny() {
    return Optional.ofNullable(target);
  }
}
