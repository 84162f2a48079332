package io.tenantry.datastore;

import io.tenantry.core.error.TenantryException;

/**
 * Thrown when a store folder stayed locked by another command longer than the caller was willing
 * to wait. A temporary failure: retry later.
 */
public class StoreLockedException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which store, and for how long it was awaited
   */
  public StoreLockedException(String message) {
    super(message);
  }
}
