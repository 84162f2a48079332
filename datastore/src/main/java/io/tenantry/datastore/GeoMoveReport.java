package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The report of a geo move, like a mailbox move's report: what moved, which state each object
 * ended in, how much, how long, how fast, and whether the result verified.
 *
 * @param tenant the tenant
 * @param target the geo the objects were moved to
 * @param items one entry per live object considered, sorted by key
 * @param duration from the start to the end of the move, by the store's clock
 * @param verified true when every object is now in the target: each moved object's copies
 *     authenticated in the target, its content read back there had the SHA-256 of the content
 *     read in the source, no copy was left in its source geo, and no object failed or was
 *     without an intact copy
 * @param withoutIntactCopy objects found with no intact copy anywhere: not moved, not in
 *     {@code items} (their key is unreadable); {@link EncryptedStore#verify} reports them
 */
public record GeoMoveReport(TenantId tenant, DataLocation target, List<Item> items,
    Duration duration, boolean verified, long withoutIntactCopy) {

  /** Where one object ended up. */
  public enum Outcome {
    /** Copied to the target at write quorum, switched, and removed from the source. */
    MOVED,
    /**
     * Already in the target geo (a re-run resumes here); what an interrupted move had left
     * elsewhere is removed.
     */
    ALREADY_IN_TARGET,
    /** Deleted by a write while it was being copied: nothing left to move. */
    DELETED,
    /** The copy failed and was rolled back; the object stays current in its source geo. */
    FAILED
  }

  /**
   * One object of the move.
   *
   * @param key the object
   * @param from the geo it was in
   * @param outcome what happened
   * @param state the last state it reached: {@link GeoMoveState#SOURCE_CLEANED} for a complete
   *     move (and an object already in the target), {@link GeoMoveState#SWITCHED} when moved but a
   *     source copy could not be removed yet (a later read or {@code verify --repair} removes
   *     it), {@link GeoMoveState#ROLLED_BACK} for a failed (or deleted) object whose partial copy
   *     was removed, {@link GeoMoveState#FAILED} when part of it could not be removed yet
   * @param version its current version afterwards
   * @param bytes its size
   * @param verified for a moved object, whether the verification after the switch passed; true
   *     for an object already in the target, false for a failed one
   * @param reason why it failed or what was left, or empty
   */
  public record Item(ObjectKey key, DataLocation from, Outcome outcome, GeoMoveState state,
      long version, long bytes, boolean verified, String reason) {
    /**
     * Validates the item.
     *
     * @throws NullPointerException if a component is null
     */
    public Item {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Copies the items.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code withoutIntactCopy} is negative
   */
  public GeoMoveReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(duration, "duration");
    if (withoutIntactCopy < 0) {
      throw new IllegalArgumentException("withoutIntactCopy must not be negative: "
          + withoutIntactCopy);
    }
    items = List.copyOf(items);
  }

  /**
   * Returns how many objects the move considered.
   *
   * @return the number of items
   */
  public int objects() {
    return items.size();
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
   * Counts the items that ended in a state.
   *
   * @param state the state
   * @return how many
   */
  public long count(GeoMoveState state) {
    return items.stream().filter(i -> i.state() == state).count();
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
