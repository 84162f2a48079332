package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The report of a geo move, like a mailbox move's report: what moved, how much, how long, how
 * fast, and whether the result verified.
 *
 * @param tenant the tenant
 * @param target the geo the objects were moved to
 * @param items one entry per live object considered, sorted by key
 * @param duration from the start to the end of the move, by the store's clock
 * @param verified true when every copy of every moved object authenticated in the target geo,
 *     its content read back there had the SHA-256 of the content read in the source, and no copy
 *     was left in its source geo
 */
public record GeoMoveReport(TenantId tenant, DataLocation target, List<Item> items,
    Duration duration, boolean verified) {

  /** Where one object ended up. */
  public enum Outcome {
    /** Copied to the target at write quorum, switched, and removed from the source. */
    MOVED,
    /** Already in the target geo; nothing to do (a re-run resumes here). */
    ALREADY_IN_TARGET,
    /** The copy failed and was rolled back; the object stays current in its source geo. */
    FAILED
  }

  /**
   * One object of the move.
   *
   * @param key the object
   * @param from the geo it was in
   * @param outcome what happened
   * @param version its current version afterwards
   * @param bytes its size
   * @param reason why it failed, or empty
   */
  public record Item(ObjectKey key, DataLocation from, Outcome outcome, long version, long bytes,
      String reason) {
    /**
     * Validates the item.
     *
     * @throws NullPointerException if a component is null
     */
    public Item {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Copies the items.
   *
   * @throws NullPointerException if a component is null
   */
  public GeoMoveReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(duration, "duration");
    items = List.copyOf(items);
  }

  /**
   * Counts the items with an outcome.
   *
   * @param outcome the outcome
   * @return how many
   */
  public long count(Outcome outcome) {
    return items.stream().filter(i -> i.outcome() == outcome).count();
  }

  /**
   * Returns the bytes of the objects moved.
   *
   * @return the sum of the sizes of the {@link Outcome#MOVED} items
   */
  public long bytesMoved() {
    return items.stream().filter(i -> i.outcome() == Outcome.MOVED).mapToLong(Item::bytes).sum();
  }

  /**
   * Returns the throughput in bytes per second.
   *
   * @return bytes moved divided by the duration, or 0 when the duration is zero
   */
  public double bytesPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : bytesMoved() / seconds;
  }
}
