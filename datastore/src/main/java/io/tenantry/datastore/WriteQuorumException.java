package io.tenantry.datastore;

import io.tenantry.core.error.TenantryException;

/**
 * Thrown when a write reached fewer replicas than its write quorum. The write was rolled back
 * where it landed, and the previous version (if any) is what reads return; the failed version is
 * never returned. A temporary failure: retrying when the replicas are back may succeed.
 */
public class WriteQuorumException extends TenantryException {
  private static final long serialVersionUID = 1L;
  private final int written;
  private final int quorum;

  /**
   * Creates the exception.
   *
   * @param message which object and which replicas failed
   * @param written how many replicas took the write
   * @param quorum how many were needed
   * @param cause the first replica failure, or null
   */
  public WriteQuorumException(String message, int written, int quorum, Throwable cause) {
    super(message, cause);
    this.written = written;
    this.quorum = quorum;
  }

  /**
   * Returns how many replicas took the write before it was rolled back.
   *
   * @return the count
   */
  public int written() {
    return written;
  }

  /**
   * Returns the write quorum that was not reached.
   *
   * @return the quorum
   */
  public int quorum() {
    return quorum;
  }
}
