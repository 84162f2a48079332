package io.tenantry.jdbc;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the JDBC audit log must get right beyond the testkit's contract. */
class JdbcAuditLogTest {
  private static final TenantId CONTOSO = TenantId.of("contoso");
  private static final TenantId FABRIKAM = TenantId.of("fabrikam");
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path dir;

  private static AuditRecord record(TenantId t, String id, Instant time, String actor) {
    return new AuditRecord(id, t, time, actor, "Put", null, AuditResult.SUCCESS, Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void append_extremeTimesAndUnicode_readBackEqualAndInOrder(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      AuditRecord max = new AuditRecord("max", CONTOSO, Instant.MAX, "ü@contoso.com", "Put", "",
          AuditResult.FAILURE, Map.of("", "", "emoji", "🙂", "quote", "it's \"x\"; --"));
      AuditRecord min = record(CONTOSO, "min", Instant.MIN, "a");
      AuditRecord nanoLater = record(CONTOSO, "n1", T0.plusNanos(1), "a");
      AuditRecord nano = record(CONTOSO, "n0", T0, "a");
      log.append(max);
      log.append(min);
      log.append(nanoLater);
      log.append(nano);
      assertThat(log.query(AuditQuery.of(CONTOSO)).items())
          .containsExactly(min, nano, nanoLater, max);
      assertThat(log.query(AuditQuery.of(CONTOSO).withTimeRange(T0, T0.plusNanos(1))).items())
          .containsExactly(nano);
      assertThat(log.purgeBefore(CONTOSO, T0.plusNanos(1))).isEqualTo(2);
      assertThat(log.query(AuditQuery.of(CONTOSO)).items()).containsExactly(nanoLater, max);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void append_sameRecordsFromEightThreads_storesEachOnce(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      List<AuditRecord> records = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        records.add(new AuditRecord("r" + i, i % 2 == 0 ? CONTOSO : FABRIKAM, T0.plusSeconds(i),
            "a", "Put", null, AuditResult.SUCCESS, Map.of("i", String.valueOf(i))));
      }
      race(8, thread -> {
        for (AuditRecord r : records) {
          log.append(r);
        }
        return null;
      });
      assertThat(log.query(AuditQuery.of(CONTOSO)).items())
          .containsExactlyElementsOf(records.stream().filter(r -> r.tenant().equals(CONTOSO)).toList());
      assertThat(log.query(AuditQuery.of(FABRIKAM)).items()).hasSize(30);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TestDatabase.Kind.class)
  void append_differentRecordsWithOneIdFromEightThreads_oneWinsOthersConflict(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, dir)) {
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      List<Object> outcomes = race(8, thread -> {
        try {
          log.append(record(CONTOSO, "same", T0, "actor-" + thread));
          return "stored";
        } catch (ConflictException e) {
          return e.kind();
        }
      });
      assertThat(outcomes).containsOnlyOnce("stored").containsOnly("stored", "DUPLICATE_ID");
      assertThat(log.query(AuditQuery.of(CONTOSO)).items()).hasSize(1);
    }
  }

  @FunctionalInterface
  private interface Racer {
    Object run(int thread) throws Exception;
  }

  private static List<Object> race(int threads, Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          return racer.run(thread);
        }));
      }
      start.countDown();
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get(120, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void pageToken_revealsNothingAboutOtherTenants() throws Exception {
    try (TestDatabase alone = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir);
        TestDatabase shared = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir)) {
      AuditLog a = new JdbcAuditLog(JdbcDatabase.open(alone.pool()));
      AuditLog b = new JdbcAuditLog(JdbcDatabase.open(shared.pool()));
      for (int i = 0; i < 5; i++) {
        a.append(record(CONTOSO, "c" + i, T0.plusSeconds(i), "x"));
        b.append(record(FABRIKAM, "f" + i, T0.plusSeconds(i), "y"));
        b.append(record(CONTOSO, "c" + i, T0.plusSeconds(i), "x"));
      }
      Page<AuditRecord> pa = a.query(AuditQuery.of(CONTOSO).withLimit(2));
      Page<AuditRecord> pb = b.query(AuditQuery.of(CONTOSO).withLimit(2));
      assertThat(pb.next()).isEqualTo(pa.next());
      assertThat(pb.items()).isEqualTo(pa.items());
    }
  }

  @Test
  void pageToken_forgedOrForeign_isRefusedTheSameWay() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir)) {
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      for (int i = 0; i < 3; i++) {
        log.append(record(CONTOSO, "c" + i, T0.plusSeconds(i), "x"));
      }
      PageToken real = log.query(AuditQuery.of(CONTOSO).withLimit(1)).next();
      String raw = new String(Base64.getUrlDecoder().decode(real.value()), StandardCharsets.UTF_8);
      List<String> forged = List.of(
          raw.replace("contoso", "fabrikam"),
          raw.replaceFirst("^a1", "a0"),
          raw + "\n1",
          raw.substring(0, raw.lastIndexOf('\n')) + "\n-1",
          raw.replaceFirst("\n(\\d+)\n", "\n$1\n2000000000\n"));
      for (String f : forged) {
        PageToken token = new PageToken(Base64.getUrlEncoder().withoutPadding()
            .encodeToString(f.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> log.query(AuditQuery.of(CONTOSO).after(token)))
            .as(f).isInstanceOf(ValidationException.class)
            .hasMessageContaining("not a page token of this tenant's audit trail");
      }
      assertThatThrownBy(() -> log.query(AuditQuery.of(CONTOSO).after(new PageToken("!!"))))
          .isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void paging_recordsAppendedMeanwhile_areVisitedOnceInOrder() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, dir)) {
      AuditLog log = new JdbcAuditLog(JdbcDatabase.open(db.pool()));
      for (int i = 0; i < 4; i++) {
        log.append(record(CONTOSO, "r" + i, T0.plusSeconds(10L * i), "x"));
      }
      AuditQuery q = AuditQuery.of(CONTOSO).withLimit(2);
      Page<AuditRecord> first = log.query(q);
      log.append(record(CONTOSO, "late", T0.plusSeconds(100), "x"));
      log.append(record(CONTOSO, "past", T0, "x"));
      List<String> ids = new ArrayList<>(first.items().stream().map(AuditRecord::id).toList());
      Page<AuditRecord> p = first;
      while (p.hasNext()) {
        p = log.query(q.after(p.next()));
        p.items().forEach(r -> ids.add(r.id()));
      }
      // "past" sorts before the cursor (same time as r0, appended later than r0 and r1's page)
      assertThat(ids).containsExactly("r0", "r1", "r2", "r3", "late");
    }
  }

  @Test
  void constructor_nullDatabase_isRefused() {
    assertThatThrownBy(() -> new JdbcAuditLog(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("database");
  }
}
