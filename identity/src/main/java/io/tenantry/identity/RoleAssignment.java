package io.tenantry.identity;

import io.tenantry.core.RoleId;
import java.util.Objects;

/**
 * A role assignment: a principal (user, role-assignable group or service principal) holds a role at
 * a scope ({@code directory-semantics.md} §2.2).
 *
 * @param principalId the id of the user, group or service principal holding the role
 * @param roleId the role definition (built-in template id or custom role id)
 * @param scope where the role applies
 */
public record RoleAssignment(String principalId, RoleId roleId, Scope scope) {
  /**
   * Validates the assignment.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the principal id is blank
   */
  public RoleAssignment {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(roleId, "roleId");
    Objects.requireNonNull(scope, "scope");
    if (principalId.isBlank()) {
      throw new IllegalArgumentException("principalId must not be blank");
    }
  }

  /**
   * Renders the assignment for messages.
   *
   * @return {@code principal: role @ scope}
   */
  @Override
  public String toString() {
    return principalId + ": " + BuiltInRoles.byId(roleId).map(RoleDefinition::name).orElse(roleId.value())
        + " @ " + scope.text();
  }
}
