package io.tenantry.datastore;

import io.tenantry.core.error.TenantryException;

/**
 * Thrown when stored bytes fail authentication: a ciphertext was altered, truncated, moved to
 * another object, version, chunk or tenant, or its key is not among the tenant's keys. The store
 * treats such a copy as damaged and never returns it.
 */
public class IntegrityException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed to authenticate
   * @param cause the cryptographic failure, or null
   */
  public IntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}
