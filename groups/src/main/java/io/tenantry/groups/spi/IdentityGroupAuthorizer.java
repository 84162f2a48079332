package io.tenantry.groups.spi;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.GroupOperation;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.Decision;
import java.util.Objects;

/**
 * The {@link GroupAuthorizer} backed by identity's {@link Authorizer}: each group operation is
 * checked as its Entra permission ({@link GroupOperation#entraAction()}) on the group, so role
 * definitions, scopes (an AU-scoped Groups Administrator manages only its AU's groups), restricted
 * management AUs and tenant isolation apply exactly as identity decides them. The groups must also
 * be known to identity's directory (with their AU membership) for scoped assignments to cover them.
 *
 * <p>Fail closed: a failure of identity's directory store is a denial there; any exception escapes
 * and the group operation does not happen. Thread-safe.
 */
public final class IdentityGroupAuthorizer implements GroupAuthorizer {
  private final Authorizer authorizer;

  private IdentityGroupAuthorizer(Authorizer authorizer) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
  }

  /**
   * Wraps identity's Authorizer.
   *
   * @param authorizer the Authorizer
   * @return the group authorizer
   */
  public static IdentityGroupAuthorizer over(Authorizer authorizer) {
    return new IdentityGroupAuthorizer(authorizer);
  }

  @Override
  public Verdict authorize(TenantId tenant, UserId actor, GroupOperation operation,
      GroupId target) {
    Decision d = authorizer.authorize(tenant, actor.value(), operation.entraAction(),
        target == null ? null : target.value());
    String by = d.decidingAssignment().map(a -> d.reason() + " (" + a + ")").orElse(d.reason());
    return d.allowed() ? Verdict.allow(by) : Verdict.deny(d.reason());
  }
}
