package io.tenantry.testkit.datastore;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link BlobReplica} wrapper that injects the faults a store must survive, switchable at any
 * time and from any thread:
 *
 * <ul>
 *   <li>{@link Fault#FAIL}: every call throws {@link PortFailureException} (a lost disk);</li>
 *   <li>{@link Fault#FAIL_WRITES}: {@code put} and {@code delete} throw, reads work (read-only);</li>
 *   <li>{@link Fault#CORRUPT}: reads return the blob with one byte flipped (bit rot in transit or
 *       at rest);</li>
 *   <li>{@link Fault#LOSE}: writes report success but are dropped (a lying disk);</li>
 *   <li>{@link Fault#SLOW}: every call first sleeps for the configured delay;</li>
 *   <li>{@link Fault#NONE}: the wrapped replica as it is.</li>
 * </ul>
 *
 * <p>Independently of the fault, {@link #holdWritesUntil} makes every {@code put} and {@code
 * delete} wait until a latch opens (a replica stalled on writes while it still serves reads), so
 * a test can stop a writer in the middle of its work without timing anything.
 */
public final class FaultyBlobReplica implements BlobReplica {

  /** The fault injected. */
  public enum Fault {
    /** No fault. */
    NONE,
    /** Every call fails. */
    FAIL,
    /** Writes fail, reads work. */
    FAIL_WRITES,
    /** Reads return altered bytes. */
    CORRUPT,
    /** Writes are silently dropped. */
    LOSE,
    /** Every call is delayed. */
    SLOW
  }

  private final BlobReplica inner;
  private volatile Fault fault = Fault.NONE;
  private volatile Duration delay = Duration.ofMillis(5);
  private volatile CountDownLatch writeGate;

  /**
   * Wraps a replica, initially without faults.
   *
   * @param inner the replica
   */
  public FaultyBlobReplica(BlobReplica inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /**
   * Switches the fault.
   *
   * @param fault the fault from now on
   * @return this wrapper
   */
  public FaultyBlobReplica inject(Fault fault) {
    this.fault = Objects.requireNonNull(fault, "fault");
    return this;
  }

  /**
   * Sets the delay of {@link Fault#SLOW}.
   *
   * @param delay how long each call sleeps, zero or more
   * @return this wrapper
   */
  public FaultyBlobReplica delay(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /**
   * Makes every later write ({@code put}, {@code delete}) wait until {@code gate} opens (counts
   * down to zero); reads are not held. {@code null} stops holding writes.
   *
   * @param gate the latch writes wait for, or null
   * @return this wrapper
   */
  public FaultyBlobReplica holdWritesUntil(CountDownLatch gate) {
    this.writeGate = gate;
    return this;
  }

  /**
   * Returns the current fault.
   *
   * @return the fault
   */
  public Fault fault() {
    return fault;
  }

  /**
   * Returns the wrapped replica, to inspect what really reached it.
   *
   * @return the replica
   */
  public BlobReplica inner() {
    return inner;
  }

  private void before(boolean write) {
    CountDownLatch gate = writeGate;
    if (write && gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortFailureException("interrupted while writes were held", e);
      }
    }
    Fault f = fault;
    if (f == Fault.FAIL || (write && f == Fault.FAIL_WRITES)) {
      throw new PortFailureException("injected fault on " + inner.name() + ": " + f,
          new IOException("injected " + f));
    }
    if (f == Fault.SLOW) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PortFailureException("interrupted while slow", e);
      }
    }
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void put(TenantId tenant, BlobName name, byte[] content) {
    before(true);
    if (fault != Fault.LOSE) {
      inner.put(tenant, name, content);
    }
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, BlobName name) {
    before(false);
    Optional<byte[]> b = inner.get(tenant, name);
    if (fault == Fault.CORRUPT && b.isPresent() && b.get().length > 0) {
      byte[] bad = b.get();
      bad[bad.length / 2] ^= 0x01;
      return Optional.of(bad);
    }
    return b;
  }

  @Override
  public boolean delete(TenantId tenant, BlobName name) {
    before(true);
    return fault != Fault.LOSE && inner.delete(tenant, name);
  }

  @Override
  public List<BlobName> list(TenantId tenant, BlobKind kind) {
    before(false);
    return inner.list(tenant, kind);
  }

  @Override
  public Set<TenantId> tenants() {
    before(false);
    return inner.tenants();
  }

  @Override
  public String toString() {
    return "FaultyBlobReplica[" + inner.name() + ", " + fault + "]";
  }
}
