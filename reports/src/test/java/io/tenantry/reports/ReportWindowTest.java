package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportWindowTest {
  private static final LocalDate R = LocalDate.of(2026, 6, 30);

  @Test
  void period_d30_coversTheThirtyDaysEndingAtR() {
    ReportWindow w = ReportWindow.period(R, Period.D30);
    assertThat(w.first()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(w.last()).isEqualTo(R);
    assertThat(w.reportPeriod()).isEqualTo(30);
    assertThat(w.contains(LocalDate.of(2026, 5, 31))).isFalse();
  }

  @Test
  void day_within28Days_isASingleDayWithPeriodOne() {
    ReportWindow w = ReportWindow.day(R, R.minusDays(27));
    assertThat(w.days()).isEqualTo(1);
    assertThat(w.reportPeriod()).isEqualTo(1);
    assertThat(w.asOf()).isEqualTo(R);
  }

  @Test
  void day_outside28Days_isRejected() {
    assertThatThrownBy(() -> ReportWindow.day(R, R.minusDays(28)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("28 days");
    assertThatThrownBy(() -> ReportWindow.day(R, R.plusDays(1)))
        .isInstanceOf(ValidationException.class);
  }
}
