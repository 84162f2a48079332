package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Runs the README's "Using reports as a library" example on the module's fixture. */
class ReadmeExampleTest {

  @Test
  void readmeExample_fixture_rendersTeamsDetail() throws Exception {
    Path dir = Path.of(getClass().getResource("/fixtures/basic").toURI());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    TenantId contoso = TenantId.of("contoso");
    UserDirectory users = UsersCsvReader.read(contoso, dir.resolve("users.csv"));
    GroupDirectory groups = GroupDirectory.empty(contoso);
    ReportWindow window = ReportWindow.period(LocalDate.of(2026, 6, 30), Period.D30);

    ActivityAggregator engine = ActivityAggregator.of(users, groups, window);
    ActivityEventReader.of(users).read(dir.resolve("events.jsonl"), engine::add,
        ActivityEventReader.failFast());
    PartialAggregate aggregate = engine.build();

    ReportTable teams = Reports.render(ReportFunction.GET_TEAMS_USER_ACTIVITY_USER_DETAIL,
        new ReportInput(users, groups, aggregate, "Contoso", null));
    ReportWriter.writeCsv(teams, out);

    assertThat(PartialAggregate.fromBytes(aggregate.toBytes())).isEqualTo(aggregate);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("\uFEFFReport Refresh Date,Tenant Display Name,")
        .contains("\r\n2026-06-30,Contoso,,u1,alice@contoso.com,2026-06-30,False,,OFFICE 365 E3,"
            + "5,0,1,2,0,0,0,1,2,1,0,0,0,0,2,PT2H1S,PT20M,PT1M,7201,1200,60,No,Yes,30\r\n");
  }
}
