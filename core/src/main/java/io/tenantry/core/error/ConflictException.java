package io.tenantry.core.error;

import java.util.Objects;

/**
 * Thrown when an operation conflicts with the current state: a name already taken, a concurrent
 * update that won the race (optimistic concurrency), a restore whose address is now in use.
 */
public class ConflictException extends TenantryException {
  private static final long serialVersionUID = 1L;

  /**
   * The kind of every optimistic-concurrency conflict: the state a write was based on is no
   * longer the stored one (another writer won the race); the caller reads again and decides.
   */
  public static final String STALE_VERSION = "STALE_VERSION";

  private final String kind;

  /**
   * Creates the exception.
   *
   * @param kind a short, stable code for the kind of conflict (e.g. {@code "PROXY_ADDRESS"},
   *     {@code "STALE_VERSION"}), so callers can react without parsing the message
   * @param message what conflicted with what
   * @throws NullPointerException if {@code kind} is null
   */
  public ConflictException(String kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Returns the stable code of this conflict.
   *
   * @return the kind given at construction
   */
  public String kind() {
    return kind;
  }
}
