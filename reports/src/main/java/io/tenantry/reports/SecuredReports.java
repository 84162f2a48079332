package io.tenantry.reports;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.AccessDeniedException;
import io.tenantry.identity.Authorizer;
import io.tenantry.identity.ReportAccess;
import java.util.Objects;

/**
 * The report catalogue behind identity's {@link Authorizer} ({@code graph-reports.md} §2.1): a
 * principal with detail access (Reports Reader, Global Administrator, the service administrators…)
 * reads every report; an aggregate-only principal (Global Reader, Usage Summary Reports Reader,
 * User Experience Success Manager) reads the counts, user counts and distributions but no per-user
 * or per-group detail; anyone else, and anyone asking about another tenant, reads nothing.
 * Immutable and thread-safe.
 */
public final class SecuredReports {
  private final Authorizer authorizer;

  private SecuredReports(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /**
   * Guards the catalogue with an authorizer.
   *
   * @param authorizer identity's authorizer over the tenants' directories
   * @return the guarded catalogue
   */
  public static SecuredReports over(Authorizer authorizer) {
    return new SecuredReports(Objects.requireNonNull(authorizer, "authorizer"));
  }

  /**
   * Tells whether a principal may read a report of a tenant.
   *
   * @param tenant the tenant whose report is asked
   * @param principalId the signed-in principal
   * @param function the report
   * @return true when allowed
   */
  public boolean mayRead(TenantId tenant, String principalId, ReportFunction function) {
    ReportAccess access = authorizer.reportAccess(tenant, principalId);
    return switch (access) {
      case DETAIL -> true;
      case AGGREGATE -> !function.acceptsDate();
      case NONE -> false;
    };
  }

  /**
   * Computes a report for a principal.
   *
   * @param tenant the tenant the principal asks about
   * @param principalId the signed-in principal
   * @param function the report
   * @param in the tenant's inputs
   * @return the report
   * @throws AccessDeniedException if the principal may not read the report, or the inputs belong
   *     to another tenant than the one asked about (a cross-tenant request is denied)
   */
  public ReportTable render(TenantId tenant, String principalId, ReportFunction function,
      ReportInput in) {
    if (!in.users().tenant().equals(tenant)) {
      throw new AccessDeniedException(principalId + " may not read reports of "
          + in.users().tenant() + " through tenant " + tenant);
    }
    if (!mayRead(tenant, principalId, function)) {
      throw new AccessDeniedException(principalId + " may not read " + function.graphName()
          + " of " + tenant + " (" + (function.acceptsDate()
          ? "per-user and per-group detail needs a full report reader role"
          : "no usage-report role") + ")");
    }
    return Reports.render(function, in);
  }
}
