package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJobTest {

  @Test
  void run_withProgress_reportsAscendingBytesEndingAtTheFileSize() throws Exception {
    Path dir = Path.of(getClass().getResource("/fixtures/basic").toURI());
    ReportJob job = new ReportJob(TenantId.of("contoso"), "Contoso",
        ReportWindow.period(LocalDate.of(2026, 6, 30), Period.D7),
        List.of(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_COUNTS), null);
    List<Long> seen = new ArrayList<>();

    ReportJob.Result withProgress = job.run(dir.resolve("users.csv"), null,
        dir.resolve("events.jsonl"), ActivityEventReader.failFast(), seen::add);
    ReportJob.Result without = job.run(dir.resolve("users.csv"), null,
        dir.resolve("events.jsonl"), ActivityEventReader.failFast());

    assertThat(seen).isNotEmpty().isSorted();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(Files.size(dir.resolve("events.jsonl")));
    assertThat(withProgress.tables().get(0).rows()).isEqualTo(without.tables().get(0).rows());
  }
}
