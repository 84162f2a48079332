package io.tenantry.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.Page;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.testkit.arbitraries.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AuditLogIsolationPropertyTest {

  record Op(TenantId tenant, int minute, String actor) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<TenantId> tenants = Ids.tenants().list().ofMinSize(1).ofMaxSize(4).uniqueElements()
        .flatMap(ts -> Arbitraries.of(ts));
    return Combinators.combine(tenants, Arbitraries.integers().between(0, 50),
        Arbitraries.of("alice", "bob", "carol")).as(Op::new).list().ofMaxSize(80);
  }

  @Property(tries = 200)
  void query_returnsExactlyTheTenantsOwnRecords(@ForAll("ops") List<Op> ops,
      @ForAll("pageSizes") int pageSize) {
    InMemoryAuditLog log = new InMemoryAuditLog();
    int n = 0;
    List<AuditRecord> appended = new ArrayList<>();
    for (Op op : ops) {
      AuditRecord r = new AuditRecord("id" + n++, op.tenant(),
          Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * op.minute()), op.actor(), "Put",
          null, AuditResult.SUCCESS, Map.of());
      log.append(r);
      appended.add(r);
    }
    Map<TenantId, List<AuditRecord>> expected =
        appended.stream().collect(Collectors.groupingBy(AuditRecord::tenant));
    for (Map.Entry<TenantId, List<AuditRecord>> e : expected.entrySet()) {
      List<AuditRecord> got = new ArrayList<>();
      AuditQuery q = AuditQuery.of(e.getKey()).withLimit(pageSize);
      Page<AuditRecord> p = log.query(q);
      got.addAll(p.items());
      while (p.hasNext()) {
        p = log.query(q.after(p.next()));
        got.addAll(p.items());
      }
      assertThat(got).containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  @Provide
  Arbitrary<Integer> pageSizes() {
    return Arbitraries.integers().between(1, 10);
  }
}
