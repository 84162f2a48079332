package io.tenantry.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import io.tenantry.reports.Period;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.ActivityEventReader;
import io.tenantry.reports.spi.InMemoryConcealmentSecrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

/** The coders and combine functions, called directly (no pipeline) but for one failure case. */
class AggregateCombineTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final RandomTenantText TEXT = RandomTenantText.of(42, 9, 120);
  private static final ReportJob JOB = new ReportJob(T, "Contoso",
      ReportWindow.period(RandomTenantText.R, Period.D30), List.of(ReportFunction.values()), null);
  private static final BeamReportSpec SPEC = BeamReportSpec.of(JOB, BeamReportSpec.Format.CSV,
      TEXT.usersCsv(), TEXT.groupsCsv());

  private static PartialAggregate engine(List<String> lines) {
    List<ActivityEvent> events = new ArrayList<>();
    ActivityEventReader reader = ActivityEventReader.of(SPEC.users());
    for (String line : lines) {
      events.add((ActivityEvent) reader.parseLine(line, 1, "events.jsonl"));
    }
    return ActivityAggregator.aggregate(SPEC.users(), SPEC.groups(), SPEC.window(), events);
  }

  @Test
  void partialAggregateCoder_roundTrip_givesEqualAggregate() throws Exception {
    PartialAggregate a = engine(TEXT.events());
    byte[] bytes = CoderUtils.encodeToByteArray(PartialAggregateCoder.of(), a);
    assertThat(CoderUtils.decodeFromByteArray(PartialAggregateCoder.of(), bytes)).isEqualTo(a);
    assertThat(CoderUtils.encodeToByteArray(PartialAggregateCoder.of(),
        CoderUtils.decodeFromByteArray(PartialAggregateCoder.of(), bytes))).isEqualTo(bytes);
  }

  @Test
  void partialAggregateCoder_garbage_isCoderException() {
    assertThatThrownBy(() -> CoderUtils.decodeFromByteArray(PartialAggregateCoder.of(),
        new byte[] {3, 1, 2, 3})).isInstanceOf(org.apache.beam.sdk.coders.CoderException.class);
  }

  @Test
  void activityCombineFn_splitAcrossEncodedAccumulators_equalsEngine() throws Exception {
    ActivityCombineFn fn = SerializableUtils.clone(new ActivityCombineFn(SPEC));
    List<AggregateAccumulator> accs = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      accs.add(fn.createAccumulator());
    }
    ActivityEventReader reader = ActivityEventReader.of(SPEC.users());
    for (int i = 0; i < TEXT.events().size(); i++) {
      fn.addInput(accs.get(i % 4), AggregateActivity.parse(reader, TEXT.events().get(i)));
    }
    List<AggregateAccumulator> shipped = new ArrayList<>();
    for (AggregateAccumulator acc : accs) {
      shipped.add(CoderUtils.clone(AggregateAccumulator.coder(), acc));
    }
    assertThat(fn.extractOutput(fn.mergeAccumulators(shipped))).isEqualTo(engine(TEXT.events()));
  }

  @Test
  void parse_lineOfAnotherTenant_isRefused() {
    String foreign = "{\"tenant\":\"fabrikam\",\"user\":\"u0\",\"date\":\"2026-06-30\","
        + "\"workload\":\"Exchange\",\"activity\":\"EmailSent\"}";
    assertThatThrownBy(() -> AggregateActivity.parse(ActivityEventReader.of(SPEC.users()),
        foreign)).isInstanceOf(ValidationException.class).hasMessageContaining("fabrikam");
  }

  @Test
  void parse_blankLineWithBomAndCr_isSkipped() {
    assertThat(AggregateActivity.parse(ActivityEventReader.of(SPEC.users()), "\uFEFF  \r"))
        .isNull();
  }

  @Test
  void activityEventCoder_everyEvent_roundTrips() throws Exception {
    ActivityEventReader reader = ActivityEventReader.of(SPEC.users());
    for (String line : TEXT.events()) {
      ActivityEvent e = AggregateActivity.parse(reader, line);
      assertThat(CoderUtils.clone(ActivityEventCoder.of(), e)).isEqualTo(e);
    }
  }

  @Test
  void combineFns_noInput_giveEmptyAggregate() {
    PartialAggregate empty = PartialAggregate.empty(T, SPEC.window(), SPEC.users().size(),
        SPEC.groups().size());
    ActivityCombineFn fn = new ActivityCombineFn(SPEC);
    assertThat(fn.extractOutput(fn.createAccumulator())).isEqualTo(empty);
    MergeAggregatesFn merge = new MergeAggregatesFn(SPEC);
    assertThat(merge.extractOutput(merge.createAccumulator())).isEqualTo(empty);
  }

  @Test
  void mergeAggregatesFn_otherTenant_isRefused() {
    MergeAggregatesFn merge = new MergeAggregatesFn(SPEC);
    AggregateAccumulator acc = merge.addInput(merge.createAccumulator(), engine(TEXT.events()));
    PartialAggregate other = PartialAggregate.empty(TenantId.of("fabrikam"), SPEC.window(),
        SPEC.users().size(), SPEC.groups().size());
    assertThatThrownBy(() -> merge.extractOutput(merge.addInput(acc, other)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fabrikam");
  }

  @Test
  void spec_withConcealmentSecrets_isRefused() {
    ReportJob concealed = new ReportJob(T, "Contoso", JOB.window(), JOB.functions(),
        InMemoryConcealmentSecrets.of("a-secret-of-some-length".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> BeamReportSpec.of(concealed, BeamReportSpec.Format.CSV,
        TEXT.usersCsv(), TEXT.groupsCsv())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concealed");
  }

  @Test
  void spec_malformedUsersCsv_isValidationException() {
    assertThatThrownBy(() -> BeamReportSpec.of(JOB, BeamReportSpec.Format.CSV,
        "User Id,User Principal Name\nu1,a@contoso.com\nu1,b@contoso.com\n", null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void tenantReports_zeroPartitions_isRefused() {
    assertThatThrownBy(() -> TenantReports.of(SPEC, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }

  @Test
  void pipeline_unknownUser_failsNamingTheValue() {
    Pipeline p = Pipelines.create();
    List<String> lines = List.of(TEXT.events().get(0),
        "{\"user\":\"nobody@contoso.com\",\"date\":\"2026-06-30\",\"workload\":\"Exchange\","
            + "\"activity\":\"EmailSent\"}");
    Pipelines.branch(p, "bad", lines, SPEC, 2, java.nio.file.Path.of("unused"));
    assertThatThrownBy(() -> p.run().waitUntilFinish())
        .hasRootCauseInstanceOf(ValidationException.class)
        .hasStackTraceContaining("nobody@contoso.com");
  }
}
