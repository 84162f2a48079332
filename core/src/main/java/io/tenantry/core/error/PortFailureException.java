package io.tenantry.core.error;

import java.util.Objects;

/**
 * Thrown when a port a host implements (a store, a key service, a notifier) failed.
 *
 * <p>It always carries the host's exception as its cause. Engines fail closed on such failures:
 * an authorization, placement, key or replica port that fails denies or aborts the operation.
 */
public class PortFailureException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which port call failed, for which tenant
   * @param cause the host's failure; never null
   * @throws NullPointerException if {@code cause} is null
   */
  public PortFailureException(String message, Throwable cause) {
    super(message, Objects.requireNonNull(cause, "a port failure always carries its cause"));
  }
}
