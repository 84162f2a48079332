package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.spi.IdGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void sequential_countsUpInUuidShape() {
    IdGenerator ids = IdGenerator.sequential();
    assertThat(ids.newId()).isEqualTo("00000000-0000-4000-8000-000000000001");
    assertThat(ids.newId()).isEqualTo("00000000-0000-4000-8000-000000000002");
  }

  @Test
  void seeded_sameSeedSameSequence_version4() {
    List<String> a = IntStream.range(0, 5).mapToObj(i -> "").toList();
    IdGenerator g1 = IdGenerator.seeded(42);
    IdGenerator g2 = IdGenerator.seeded(42);
    for (int i = 0; i < a.size(); i++) {
      String id = g1.newId();
      assertThat(id).isEqualTo(g2.newId());
      assertThat(UUID.fromString(id).version()).isEqualTo(4);
      assertThat(UUID.fromString(id).variant()).isEqualTo(2);
    }
    assertThat(IdGenerator.seeded(1).newId()).isNotEqualTo(IdGenerator.seeded(2).newId());
  }

  @Test
  void random_isVersion4AndUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = IdGenerator.random().newId();
      assertThat(UUID.fromString(id).version()).isEqualTo(4);
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void random_drawnFromManyThreads_neverRepeats() throws Exception {
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger repeats = new java.util.concurrent.atomic.AtomicInteger();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          if (!seen.add(IdGenerator.random().newId())) {
            repeats.incrementAndGet();
          }
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(repeats.get()).isZero();
    assertThat(seen).hasSize(8000);
  }
}
