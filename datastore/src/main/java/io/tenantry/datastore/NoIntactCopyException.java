package io.tenantry.datastore;

import io.tenantry.core.error.TenantryException;

/**
 * Thrown by a read when an object exists but no replica holds an intact copy of it (or of one of
 * its chunks): every copy met failed authentication or was missing. Nothing damaged is returned.
 */
public class NoIntactCopyException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which object and what was found
   */
  public NoIntactCopyException(String message) {
    super(message);
  }
}
