package io.tenantry.core.spi;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The port that makes new ids (audit records, objects, invitations). Engines never make ids
 * themselves, so a test or a replay can make them deterministic.
 *
 * <p>Implementations are thread-safe and never return the same id twice.
 */
@FunctionalInterface
public interface IdGenerator {

  /**
   * Returns a new id.
   *
   * @return a non-blank id never returned before by this generator
   */
  String newId();

  /**
   * Returns the system default: random (version 4) UUIDs drawn from a {@link SecureRandom}.
   *
   * @return a shared, thread-safe generator
   */
  static IdGenerator random() {
    return RandomUuids.INSTANCE;
  }

  /**
   * Returns a deterministic generator of UUID-shaped ids counting up from 1:
   * {@code 00000000-0000-4000-8000-000000000001}, {@code …0002}, and so on.
   *
   * @return a new generator
   */
  static IdGenerator sequential() {
    AtomicLong next = new AtomicLong();
    return () -> RandomUuids.format(0L, next.incrementAndGet());
  }

  /**
   * Returns a deterministic generator of pseudo-random version 4 UUIDs: the same seed gives the
   * same sequence. For tests and reproducible simulations only; the ids are guessable.
   *
   * @param seed the seed
   * @return a new generator
   */
  static IdGenerator seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return () -> {
      synchronized (random) {
        return RandomUuids.format(random.nextLong(), random.nextLong());
      }
    };
  }
}
