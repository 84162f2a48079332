package io.tenantry.core.error;

/**
 * Thrown when an operation names an object that does not exist in the caller's tenant.
 *
 * <p>An object of another tenant is reported exactly like a missing one, so the exception never
 * lets a caller infer that another tenant holds an object with that id.
 */
public class NotFoundException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which object was looked for, e.g. {@code "user 'alice' not found in tenant 'contoso'"}
   */
  public NotFoundException(String message) {
    super(message);
  }
}
