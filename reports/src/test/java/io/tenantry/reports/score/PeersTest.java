package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PeersTest {

  @Test
  void parse_validFile_readsEveryScenario() {
    Peers p = Peers.parse("{\"Communication\": 55.0,\n \"Data protection\": 70}", "peers.json");

    assertThat(p.of(Scenario.COMMUNICATION)).contains(new BigDecimal("55.0"));
    assertThat(p.of(Scenario.DATA_PROTECTION)).contains(new BigDecimal("70"));
    assertThat(p.of(Scenario.MEETINGS)).isEmpty();
  }

  @Test
  void parse_badEntries_reportsEveryProblemWithItsLine() {
    String json = "{\n\"Comms\": 1,\n\"Mobility\": \"high\",\n\"Teamwork\": 101\n}";

    assertThatThrownBy(() -> Peers.parse(json, "peers.json"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).extracting(Problem::path)
              .containsExactly("Comms", "Mobility", "Teamwork");
          assertThat(e.problems()).extracting(pr -> pr.location().line())
              .containsExactly(2, 3, 4);
          assertThat(e.problems().get(0).value()).isEqualTo("Comms");
        });
  }

  @Test
  void parse_notJson_isAProblemOfTheFile() {
    assertThatThrownBy(() -> Peers.parse("{\"Mobility\": ", "peers.json"))
        .isInstanceOfSatisfying(ValidationException.class, e ->
            assertThat(e.problems().get(0).location().file()).isEqualTo("peers.json"));
  }

  @Test
  void parse_array_isRejected() {
    assertThatThrownBy(() -> Peers.parse("[1]", "peers.json"))
        .isInstanceOf(ValidationException.class);
  }
}
