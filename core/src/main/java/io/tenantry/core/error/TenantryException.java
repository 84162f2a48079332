package io.tenantry.core.error;

/**
 * The root of every exception Tenantry throws on purpose.
 *
 * <p>Tenantry's exceptions are unchecked and reserved for bugs, bad input and broken
 * infrastructure; business refusals (an authorization denial, a lifecycle rule that does not apply)
 * are returned as values. A host can catch this type to handle every Tenantry failure in one place.
 */
public class TenantryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the offending value where there is one
   */
  public TenantryException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the failure that caused it.
   *
   * @param message what went wrong
   * @param cause the underlying failure, kept so nothing is lost
   */
  public TenantryException(String message, Throwable cause) {
    super(message, cause);
  }
}
