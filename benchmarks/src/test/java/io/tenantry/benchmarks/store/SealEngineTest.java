package io.tenantry.benchmarks.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealEngineTest {

  @ParameterizedTest
  @ValueSource(strings = {"tenantry", "jdk-aes-gcm", "tink-aes128-gcm"})
  void roundTrip_anyEngine_returnsThePayloadEveryTime(String engine) {
    byte[] payload = new byte[1024];
    new SplittableRandom(1).nextBytes(payload);
    SealEngine sealer = SealEngine.named(engine);

    assertThat(sealer.roundTrip(payload)).isEqualTo(payload);
    assertThat(sealer.roundTrip(payload)).isEqualTo(payload);
  }
}
