package io.tenantry.benchmarks.store;

import java.util.Arrays;
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
}
