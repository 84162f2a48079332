package io.tenantry.core.error;

/**
 * Thrown by the {@code …OrThrow} convenience methods when an authorization decision was a denial.
 *
 * <p>Engines return decisions as values; this exception exists for callers who prefer to stop at
 * the first denial. Its message carries the decision's reason.
 */
public class AccessDeniedException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message who was denied what, and why
   */
  public AccessDeniedException(String message) {
    super(message);
  }
}
