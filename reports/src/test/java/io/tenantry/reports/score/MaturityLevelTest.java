package io.tenantry.reports.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MaturityLevelTest {

  @ParameterizedTest
  @CsvSource({"0.0, 100", "19.9, 100", "20.0, 200", "39.9, 200", "40.0, 300", "59.9, 300",
      "60.0, 400", "79.9, 400", "80.0, 500", "100.0, 500"})
  void of_bandBoundaries_giveTheSpecLevels(String points, int level) {
    assertThat(MaturityLevel.of(new BigDecimal(points)).level()).isEqualTo(level);
  }

  @Test
  void displayName_isTheSpecName() {
    assertThat(MaturityLevel.values()).extracting(MaturityLevel::displayName)
        .containsExactly("Initial", "Repeatable", "Defined", "Managed", "Optimizing");
  }

  @Test
  void of_outsideZeroToHundred_isRejected() {
    assertThatThrownBy(() -> MaturityLevel.of(new BigDecimal("100.1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100.1");
    assertThatThrownBy(() -> MaturityLevel.of(new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
