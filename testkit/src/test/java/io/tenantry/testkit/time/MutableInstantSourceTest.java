package io.tenantry.testkit.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MutableInstantSourceTest {

  @Test
  void advance_movesOnlyWhenTold() {
    MutableInstantSource clock = MutableInstantSource.atStartOf(LocalDate.of(2026, 6, 30));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
    assertThat(clock.instant()).isEqualTo(clock.instant());
    clock.advanceDays(2);
    assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 7, 2));
    clock.advance(Duration.ofHours(25));
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-03T01:00:00Z"));
  }

  @Test
  void set_canGoBack_advanceCannot() {
    MutableInstantSource clock = MutableInstantSource.at(Instant.parse("2026-01-01T00:00:00Z"));
    clock.set(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
