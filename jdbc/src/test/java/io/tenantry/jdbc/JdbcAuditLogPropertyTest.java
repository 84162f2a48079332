package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.Page;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.testkit.arbitraries.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link JdbcAuditLog} on H2 against core's {@link InMemoryAuditLog} as the oracle: for random
 * trails over a few tenants whose ids differ by a character, every query (filters, time range,
 * page size) pages through exactly the same records in the same order, and a purge removes the same
 * records; no query returns another tenant's record.
 */
class JdbcAuditLogPropertyTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  record Op(TenantId tenant, int minute, String actor, String activity) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<TenantId> tenants = Ids.tenants().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
        .flatMap(Arbitraries::of);
    return Combinators.combine(tenants, Arbitraries.integers().between(0, 20),
        Arbitraries.of("alice", "bob"), Arbitraries.of("Put", "Get", "Delete"))
        .as(Op::new).list().ofMaxSize(40);
  }

  @Property(tries = 60)
  void jdbcLog_anyTrailAndQuery_answersAsTheOracle(@ForAll("ops") List<Op> ops,
      @ForAll @IntRange(min = 1, max = 7) int pageSize,
      @ForAll @IntRange(min = -1, max = 21) int from, @ForAll @IntRange(min = -1, max = 21) int to,
      @ForAll("filters") String actor, @ForAll("activities") String activity,
      @ForAll @IntRange(min = 0, max = 21) int purgeMinute) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, null)) {
      AuditLog jdbc = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      AuditLog oracle = new InMemoryAuditLog();
      int n = 0;
      for (Op op : ops) {
        AuditRecord r = new AuditRecord("id" + n, op.tenant(), T0.plusSeconds(60L * op.minute()),
            op.actor(), op.activity(), n % 3 == 0 ? null : "t" + n, AuditResult.SUCCESS,
            Map.of("n", String.valueOf(n)));
        n++;
        jdbc.append(r);
        oracle.append(r);
      }
      for (TenantId tenant : ops.stream().map(Op::tenant).distinct().toList()) {
        Instant lo = from < 0 ? null : T0.plusSeconds(60L * from);
        Instant hi = to < 0 ? null : T0.plusSeconds(60L * to);
        if (lo != null && hi != null && lo.isAfter(hi)) {
          Instant swap = lo;
          lo = hi;
          hi = swap;
        }
        AuditQuery q = AuditQuery.of(tenant).withTimeRange(lo, hi).withActor(actor)
            .withActivity(activity).withLimit(pageSize);
        List<AuditRecord> got = all(jdbc, q);
        assertThat(got).containsExactlyElementsOf(all(oracle, q))
            .allSatisfy(r -> assertThat(r.tenant()).isEqualTo(tenant));
        Instant cutoff = T0.plusSeconds(60L * purgeMinute);
        assertThat(jdbc.purgeBefore(tenant, cutoff)).isEqualTo(oracle.purgeBefore(tenant, cutoff));
        AuditQuery everything = AuditQuery.of(tenant).withLimit(pageSize);
        assertThat(all(jdbc, everything)).containsExactlyElementsOf(all(oracle, everything));
      }
    }
  }

  @Provide
  Arbitrary<String> filters() {
    return Arbitraries.of("alice", "bob", "nobody").injectNull(0.5);
  }

  @Provide
  Arbitrary<String> activities() {
    return Arbitraries.of("Put", "Get").injectNull(0.5);
  }

  private static List<AuditRecord> all(AuditLog log, AuditQuery q) {
    List<AuditRecord> out = new ArrayList<>();
    Page<AuditRecord> p = log.query(q);
    out.addAll(p.items());
    while (p.hasNext()) {
      p = log.query(q.after(p.next()));
      out.addAll(p.items());
    }
    return out;
  }
}
