package io.tenantry.benchmarks.store;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encrypted put+get of one object: Tenantry's {@code EncryptedStore} (3 in-memory replicas,
 * W = 2) against the JDK's raw AES-GCM and Tink's AES128_GCM AEAD, on payloads of 1 KiB, 16 KiB and
 * 1 MiB. The score is round trips per second; multiply by {@code bytes} for bytes per second (the
 * ratio between engines is the same either way). The quick run ({@code benchmarks/run --quick}) passes {@code -p bytes=1024,16384}.
 *
 * <p>{@link #main} runs two measurements outside JMH, with {@code java -cp
 * benchmarks/target/benchmarks.jar io.tenantry.benchmarks.store.StoreBenchmark MODE ...}: {@code
 * footprint [N] [BYTES]}, the heap per stored object, and {@code cpu [BYTES...]}, the engines
 * interleaved in short slices timed by the thread's CPU time, which a loaded shared machine
 * disturbs far less than JMH's wall-clock iterations run one engine after another.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBenchmark {

  /** The engine measured. */
  @Param({"tenantry", "jdk-aes-gcm", "tink-aes128-gcm"})
  public String engine;

  /** The payload size in bytes. */
  @Param({"1024", "16384", "1048576"})
  public int bytes;

  private SealEngine sealer;
  private byte[] payload;

  /**
   * Builds the engine and checks that it gives the payload back.
   *
   * @throws IllegalStateException if the engine does not return the payload it was given
   */
  @Setup
  public void setUp() {
    payload = new byte[bytes];
    new SplittableRandom(bytes).nextBytes(payload);
    sealer = SealEngine.named(engine);
    if (!Arrays.equals(sealer.roundTrip(payload), payload)) {
      throw new IllegalStateException(engine + " did not return the payload it stored");
    }
  }

  /**
   * One put and one get.
   *
   * @return the bytes read back
   */
  @Benchmark
  public byte[] putGet() {
    return sealer.roundTrip(payload);
  }

  /**
   * Runs {@code footprint [N] [BYTES]} (the heap per stored object) or {@code cpu [BYTES...]}
   * (the engines interleaved, timed by CPU time).
   *
   * @param args the mode and its arguments
   * @throws IllegalArgumentException for another mode
   */
  public static void main(String[] args) {
    String mode = args.length > 0 ? args[0] : "footprint";
    if (mode.equals("footprint")) {
      int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
      int bytes = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
      footprint(n, bytes, 100_000, System.out);
      footprint(n, bytes, n / 10, System.out);
    } else if (mode.equals("cpu")) {
      for (int i = 1; i < Math.max(2, args.length); i++) {
        interleaved(args.length > i ? Integer.parseInt(args[i]) : 16384, 15, 300, System.out);
      }
    } else {
      throw new IllegalArgumentException("unknown mode '" + mode + "': footprint or cpu");
    }
  }

  /**
   * Runs the three engines in turn, {@code rounds} times (after 3 rounds of warm-up), each for
   * {@code sliceMillis} of the thread's CPU time, and prints each engine's median round trips per
   * CPU second and the median over the rounds of Tenantry's rate divided by the engine's.
   */
  private static void interleaved(int bytes, int rounds, long sliceMillis, PrintStream out) {
    String[] names = {"tenantry", "jdk-aes-gcm", "tink-aes128-gcm"};
    SealEngine[] engines = new SealEngine[names.length];
    for (int i = 0; i < names.length; i++) {
      engines[i] = SealEngine.named(names[i]);
    }
    byte[] payload = new byte[bytes];
    new SplittableRandom(bytes).nextBytes(payload);
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double[][] rate = new double[names.length][rounds];
    long sink = 0;
    for (int round = -3; round < rounds; round++) {
      for (int e = 0; e < engines.length; e++) {
        long start = cpu.getCurrentThreadCpuTime();
        long end = start + sliceMillis * 1_000_000;
        long ops = 0;
        long now;
        do {
          for (int k = 0; k < 16; k++) {
            sink += engines[e].roundTrip(payload).length;
          }
          ops += 16;
        } while ((now = cpu.getCurrentThreadCpuTime()) < end);
        if (round >= 0) {
          rate[e][round] = ops * 1e9 / (now - start);
        }
      }
    }
    for (int e = 0; e < engines.length; e++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = rate[0][r] / rate[e][r];
      }
      double median = median(rate[e]);
      out.printf(Locale.ROOT, "cpu bytes=%d engine=%s median=%.0f ops/s (%.3f GB/s of payload)"
          + " tenantry/engine=%.3f%n", bytes, names[e], median, median * bytes / 1e9,
          median(ratio));
    }
    if (sink == 0) {
      throw new IllegalStateException("no bytes came back");
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Measures the heap per stored object: stores {@code N} objects of {@code BYTES} random bytes
   * (default 20,000 of 1 KiB) under distinct keys in a store over 3 in-memory replicas (W = 2),
   * reads each back once, and prints, per object, the heap retained by the store's own structures
   * (the whole heap while the store is reachable, minus the heap once only the replicas are), the
   * heap the replicas retain beyond the 3 ciphertext copies' payload, and the store's bound on its
   * own structures (the data-key cache's entry limit). Heap is measured after repeated full
   * collections, so run it alone on a quiet machine.
   */
  private static void footprint(int n, int bytes, long cacheEntries, PrintStream out) {
    DataLocation nam = GeoRegistry.documented().require("NAM");
    TenantId tenant = TenantId.of("contoso");
    List<InMemoryBlobReplica> replicas = List.of(new InMemoryBlobReplica("r1"),
        new InMemoryBlobReplica("r2"), new InMemoryBlobReplica("r3"));
    final EncryptedStore store = EncryptedStore.builder()
        .geography(new TenantGeography(nam, List.of())).replicas(nam, replicas).writeQuorum(2)
        .keys(TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32])))
        .audit(new DiscardingAuditLog())
        .dataKeyCache(cacheEntries, java.time.Duration.ofMinutes(10)).build();
    List<ObjectKey> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(ObjectKey.of("bench/object-" + i + ".bin"));
    }
    byte[] payload = new byte[bytes];
    new SplittableRandom(bytes).nextBytes(payload);
    store.put(tenant, ObjectKey.of("warm-up"), payload, Placement.central(), "bench");
    store.delete(tenant, ObjectKey.of("warm-up"), "bench");
    long empty = usedHeap();
    for (ObjectKey k : keys) {
      store.put(tenant, k, payload, Placement.central(), "bench");
    }
    for (ObjectKey k : keys) {
      if (store.getBytes(tenant, k, "bench").length != bytes) {
        throw new IllegalStateException("the store did not return " + k);
      }
    }
    long full = usedHeap();
    java.lang.ref.Reference.reachabilityFence(store);
    long replicasOnly = usedHeap();
    double storeOwn = (double) (full - replicasOnly) / n;
    double onReplicas = (double) (replicasOnly - empty) / n - 3.0 * bytes;
    out.printf(Locale.ROOT, "footprint objects=%d bytes=%d cacheEntries=%d store=%.0f B/object"
        + " replicasBeyondPayload=%.0f B/object (%.0f per replica) heap: empty=%d full=%d"
        + " replicasOnly=%d%n", n, bytes, cacheEntries, storeOwn, onReplicas, onReplicas / 3,
        empty, full, replicasOnly);
    java.lang.ref.Reference.reachabilityFence(replicas);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
