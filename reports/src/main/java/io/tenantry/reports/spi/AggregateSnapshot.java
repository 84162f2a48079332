package io.tenantry.reports.spi;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Objects;

/**
 * One named snapshot of a tenant's aggregate in an {@link AggregateStore}: its bytes (typically
 * {@link io.tenantry.reports.PartialAggregate#toBytes()}) and its version, 1 when first stored and
 * one more on every replacement.
 *
 * <p>Names are 1 to 200 characters without control characters, e.g. {@code
 * D30/2026-06-30/partition-3}; the store treats them as opaque. Immutable: the bytes are copied in
 * and out.
 */
public final class AggregateSnapshot {
  /** The longest name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  private final String name;
  private final long version;
  private final byte[] bytes;

  /**
   * Creates a snapshot.
   *
   * @param name the snapshot's name
   * @param version its version, at least 1
   * @param bytes its content (copied)
   * @throws ValidationException if the name breaks the rule above
   * @throws IllegalArgumentException if the version is below 1
   * @throws NullPointerException if {@code bytes} is null
   */
  public AggregateSnapshot(String name, long version, byte[] bytes) {
    this.name = checkName(name);
    if (version < 1) {
      throw new IllegalArgumentException("a snapshot version is at least 1, got " + version);
    }
    this.version = version;
    this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /**
   * Validates a snapshot name.
   *
   * @param name the candidate
   * @return the name
   * @throws ValidationException naming the value, if it is null, empty, longer than {@link
   *     #MAX_NAME_LENGTH} or holds a control character
   */
  public static String checkName(String name) {
    boolean ok = name != null && !name.isEmpty() && name.length() <= MAX_NAME_LENGTH
        && name.chars().noneMatch(Character::isISOControl);
    if (!ok) {
      throw new ValidationException(Problem.of("snapshot.name", "must be 1-" + MAX_NAME_LENGTH
          + " characters without control characters", name));
    }
    return name;
  }

  /**
   * Returns the name.
   *
   * @return the snapshot's name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the version.
   *
   * @return 1 for the first stored content, one more per replacement
   */
  public long version() {
    return version;
  }

  /**
   * Returns the content.
   *
   * @return a fresh copy of the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Returns the name, version and size.
   *
   * @return e.g. {@code AggregateSnapshot[D30/p1, version 2, 1840 bytes]}
   */
  @Override
  public String toString() {
    return "AggregateSnapshot[" + name + ", version " + version + ", " + bytes.length + " bytes]";
  }
}
