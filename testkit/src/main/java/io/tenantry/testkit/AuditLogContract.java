package io.tenantry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.Page;
import io.tenantry.core.PageToken;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AuditLog} implementation must meet. To run it against an adapter,
 * extend this class and implement {@link #newLog()}:
 *
 * <pre>{@code
 * class MyAuditLogContractTest extends AuditLogContract {
 *   @Override protected AuditLog newLog() { return new MyAuditLog(dataSource); }
 * }
 * }</pre>
 *
 * <p>It covers appending and reading back, filters, ordering, paging, idempotent appends,
 * retention, tenant isolation (no query, token or purge crosses tenants) and concurrent appends.
 */
public abstract class AuditLogContract {

  /** The first tenant used by the tests. */
  protected static final TenantId CONTOSO = TenantId.of("contoso");
  /** The second tenant used by the tests. */
  protected static final TenantId FABRIKAM = TenantId.of("fabrikam");
  /** The time the tests start from. */
  protected static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  private AuditLog log;
  private int nextId;

  /**
   * Returns a new, empty log for one test. Called once before each test.
   *
   * @return the implementation under test
   */
  protected abstract AuditLog newLog();

  @BeforeEach
  void createLog() {
    log = newLog();
    nextId = 0;
  }

  /**
   * Makes a record with a fresh id.
   *
   * @param tenant the tenant
   * @param minutes minutes after {@link #T0}
   * @param actor the actor
   * @param activity the activity
   * @return the record
   */
  protected AuditRecord record(TenantId tenant, int minutes, String actor, String activity) {
    return new AuditRecord("r" + (++nextId), tenant, T0.plusSeconds(60L * minutes), actor, activity,
        "target-" + nextId, AuditResult.SUCCESS, Map.of("n", String.valueOf(nextId)));
  }

  private List<AuditRecord> all(AuditQuery q) {
    List<AuditRecord> out = new ArrayList<>();
    AuditQuery page = q;
    while (true) {
      Page<AuditRecord> p = log.query(page);
      out.addAll(p.items());
      if (!p.hasNext()) {
        return out;
      }
      page = q.after(p.next());
    }
  }

  @Test
  @DisplayName("a record appended is returned by a query, equal to what was appended")
  void append_thenQuery_returnsEqualRecord() {
    AuditRecord r = new AuditRecord("id-1", CONTOSO, T0, "admin@contoso.com", "RoleAssigned",
        null, AuditResult.FAILURE, Map.of("reason", "denied", "role", "Global Administrator"));
    log.append(r);
    assertThat(log.query(AuditQuery.of(CONTOSO)).items()).containsExactly(r);
  }

  @Test
  @DisplayName("a tenant's query never returns another tenant's records")
  void query_otherTenantsRecords_neverReturned() {
    for (int i = 0; i < 20; i++) {
      log.append(record(i % 2 == 0 ? CONTOSO : FABRIKAM, i, "a", "Put"));
    }
    assertThat(all(AuditQuery.of(CONTOSO).withLimit(3)))
        .hasSize(10).allSatisfy(r -> assertThat(r.tenant()).isEqualTo(CONTOSO));
    assertThat(all(AuditQuery.of(FABRIKAM).withLimit(4)))
        .hasSize(10).allSatisfy(r -> assertThat(r.tenant()).isEqualTo(FABRIKAM));
    assertThat(log.query(AuditQuery.of(TenantId.of("northwind"))).items()).isEmpty();
  }

  @Test
  @DisplayName("the same record id in two tenants are two records")
  void append_sameIdInTwoTenants_bothKept() {
    AuditRecord a = new AuditRecord("same", CONTOSO, T0, "x", "Get", null, AuditResult.SUCCESS, null);
    AuditRecord b = new AuditRecord("same", FABRIKAM, T0, "y", "Put", null, AuditResult.SUCCESS, null);
    log.append(a);
    log.append(b);
    assertThat(log.query(AuditQuery.of(CONTOSO)).items()).containsExactly(a);
    assertThat(log.query(AuditQuery.of(FABRIKAM)).items()).containsExactly(b);
  }

  @Test
  @DisplayName("filters: time range [from, to), actor and activity")
  void query_filters_selectExactlyTheMatchingRecords() {
    log.append(record(CONTOSO, 0, "alice", "Put"));
    log.append(record(CONTOSO, 10, "bob", "Put"));
    log.append(record(CONTOSO, 20, "alice", "Get"));
    log.append(record(CONTOSO, 30, "alice", "Put"));
    List<AuditRecord> range = all(AuditQuery.of(CONTOSO)
        .withTimeRange(T0.plusSeconds(600), T0.plusSeconds(1800)));
    assertThat(range).extracting(AuditRecord::actor).containsExactly("bob", "alice");
    assertThat(all(AuditQuery.of(CONTOSO).withActor("alice").withActivity("Put")))
        .extracting(r -> r.time()).containsExactly(T0, T0.plusSeconds(1800));
  }

  @Test
  @DisplayName("results come by time, then by order of appending")
  void query_ordersByTimeThenAppendOrder() {
    log.append(record(CONTOSO, 5, "late", "Put"));
    log.append(record(CONTOSO, 1, "first", "Put"));
    log.append(record(CONTOSO, 5, "later", "Put"));
    log.append(record(CONTOSO, 1, "second", "Put"));
    assertThat(all(AuditQuery.of(CONTOSO))).extracting(AuditRecord::actor)
        .containsExactly("first", "second", "late", "later");
  }

  @Test
  @DisplayName("paging visits every matching record exactly once")
  void paging_visitsEveryRecordOnce() {
    for (int i = 0; i < 23; i++) {
      log.append(record(CONTOSO, i % 7, "a" + (i % 3), "Put"));
    }
    Page<AuditRecord> first = log.query(AuditQuery.of(CONTOSO).withLimit(5));
    assertThat(first.items()).hasSize(5);
    assertThat(first.hasNext()).isTrue();
    List<AuditRecord> all = all(AuditQuery.of(CONTOSO).withLimit(5));
    assertThat(all).hasSize(23);
    assertThat(new HashSet<>(all)).hasSize(23);
    assertThat(all(AuditQuery.of(CONTOSO).withActor("a1").withLimit(2))).hasSize(8);
    Page<AuditRecord> exact = log.query(AuditQuery.of(CONTOSO).withLimit(23));
    assertThat(exact.items()).hasSize(23);
    assertThat(exact.hasNext()).isFalse();
  }

  @Test
  @DisplayName("a page token of one tenant is refused for another tenant")
  void pageToken_ofAnotherTenant_refused() {
    for (int i = 0; i < 4; i++) {
      log.append(record(CONTOSO, i, "a", "Put"));
      log.append(record(FABRIKAM, i, "a", "Put"));
    }
    PageToken token = log.query(AuditQuery.of(CONTOSO).withLimit(2)).next();
    assertThat(token).isNotNull();
    assertThatThrownBy(() -> log.query(AuditQuery.of(FABRIKAM).withLimit(2).after(token)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> log.query(AuditQuery.of(CONTOSO).after(new PageToken("garbage"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("appending the same record twice keeps one; a different record with its id conflicts")
  void append_sameId_idempotentOrConflict() {
    AuditRecord r = record(CONTOSO, 0, "a", "Put");
    log.append(r);
    log.append(r);
    assertThat(log.query(AuditQuery.of(CONTOSO)).items()).containsExactly(r);
    AuditRecord clash = new AuditRecord(r.id(), CONTOSO, r.time(), "b", "Put", null,
        AuditResult.SUCCESS, null);
    assertThatThrownBy(() -> log.append(clash)).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).kind()).isEqualTo("DUPLICATE_ID"));
  }

  @Test
  @DisplayName("purge removes only the tenant's records older than the cut-off")
  void purgeBefore_removesOnlyOlderRecordsOfThatTenant() {
    for (int i = 0; i < 10; i++) {
      log.append(record(CONTOSO, i, "a", "Put"));
      log.append(record(FABRIKAM, i, "a", "Put"));
    }
    assertThat(log.purgeBefore(CONTOSO, T0.plusSeconds(60L * 4))).isEqualTo(4);
    assertThat(all(AuditQuery.of(CONTOSO))).hasSize(6)
        .allSatisfy(r -> assertThat(r.time()).isAfterOrEqualTo(T0.plusSeconds(240)));
    assertThat(all(AuditQuery.of(FABRIKAM))).hasSize(10);
    assertThat(log.purgeBefore(TenantId.of("northwind"), T0.plusSeconds(99_999))).isZero();
  }

  @Test
  @DisplayName("retention keeps the records younger than the period")
  void applyRetention_keepsRecordsInsideThePeriod() {
    log.append(record(CONTOSO, 0, "a", "Put"));
    log.append(record(CONTOSO, 60 * 24 * 200, "a", "Put"));
    InstantSource now = InstantSource.fixed(T0.plus(Duration.ofDays(250)));
    assertThat(log.applyRetention(CONTOSO, Duration.ofDays(180), now)).isEqualTo(1);
    assertThat(all(AuditQuery.of(CONTOSO))).hasSize(1);
  }

  @Test
  @DisplayName("concurrent appends from 8 threads lose nothing and mix no tenants")
  void concurrentAppends_loseNothing() throws Exception {
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        start.await();
        TenantId tenant = thread % 2 == 0 ? CONTOSO : FABRIKAM;
        for (int i = 0; i < perThread; i++) {
          log.append(new AuditRecord("t" + thread + "-" + i, tenant, T0.plusMillis(i), "t" + thread,
              "Put", null, AuditResult.SUCCESS, null));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<AuditRecord> contoso = all(AuditQuery.of(CONTOSO).withLimit(997));
    List<AuditRecord> fabrikam = all(AuditQuery.of(FABRIKAM).withLimit(997));
    assertThat(contoso).hasSize(threads / 2 * perThread)
        .allSatisfy(r -> assertThat(r.tenant()).isEqualTo(CONTOSO));
    assertThat(fabrikam).hasSize(threads / 2 * perThread);
    Set<String> ids = new HashSet<>();
    contoso.forEach(r -> ids.add(r.id()));
    assertThat(ids).hasSize(threads / 2 * perThread);
  }
}
