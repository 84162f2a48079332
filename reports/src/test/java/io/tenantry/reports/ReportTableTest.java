package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ReportTable}'s unboxed cell readers on the cells they cannot answer. */
class ReportTableTest {
  private static final ReportFunction COUNTS = ReportFunction.GET_OFFICE365_ACTIVE_USER_COUNTS;

  /** One row of the active user counts: refresh date, seven counts, report date, period. */
  private static List<Object> row(LocalDate refresh, LocalDate day) {
    List<Object> row = new ArrayList<>();
    row.add(refresh);
    for (int k = 0; k < 7; k++) {
      row.add((long) k);
    }
    row.add(day);
    row.add(7L);
    return row;
  }

  @Test
  void epochDayValue_dateCells_giveTheirEpochDays() {
    LocalDate r = LocalDate.of(2026, 6, 30);
    ReportTable table = new ReportTable(COUNTS, List.of(row(r, r), row(r, r.minusDays(1))));

    assertThat(table.epochDayValue(0, 0)).isEqualTo(r.toEpochDay());
    assertThat(table.epochDayValue(1, 8)).isEqualTo(r.minusDays(1).toEpochDay());
  }

  @Test
  void epochDayValue_blankOrNotADate_isRefusedNamingTheCell() {
    LocalDate r = LocalDate.of(2026, 6, 30);
    ReportTable table = new ReportTable(COUNTS, List.of(row(r, null)));

    assertThatThrownBy(() -> table.epochDayValue(0, 8))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 0, column 8");
    assertThatThrownBy(() -> table.epochDayValue(0, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 0, column 1");
    assertThatThrownBy(() -> table.epochDayValue(1, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
