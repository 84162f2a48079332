package io.tenantry.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.reports.JdbcAggregateStore;
import io.tenantry.reports.spi.AggregateSnapshot;
import io.tenantry.reports.spi.AggregateStore;
import io.tenantry.reports.spi.InMemoryAggregateStore;
import io.tenantry.testkit.arbitraries.Ids;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JDBC blob replica and aggregate store on H2 against their in-memory implementations as
 * oracles: for random operations over a few tenants whose ids differ by a character (and names
 * that differ only in case, which a case-insensitive collation would merge), every read answers
 * the same — so no tenant's data shows through another's calls, and a compare-and-set put wins or
 * conflicts exactly when the oracle's does.
 */
class JdbcPortsPropertyTest {

  /** One operation: on a tenant, a name, with a byte of content and an expected version. */
  record Op(int kind, TenantId tenant, String name, byte content, long expected) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<TenantId> tenants = Ids.tenants().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
        .flatMap(Arbitraries::of);
    return Combinators.combine(Arbitraries.integers().between(0, 2), tenants,
        Arbitraries.of("a", "A", "b", "a.b", "a-b"), Arbitraries.bytes(),
        Arbitraries.longs().between(0, 3)).as(Op::new).list().ofMaxSize(30);
  }

  private static String hex(Optional<byte[]> b) {
    return b.map(HexFormat.of()::formatHex).orElse("-");
  }

  @Property(tries = 40)
  void blobReplica_anyOperations_answersAsTheInMemoryReplica(@ForAll("ops") List<Op> ops)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, null)) {
      BlobReplica jdbc = new JdbcBlobReplica(JdbcDatabase.open(db.pool()), "NAM/replica-1");
      BlobReplica oracle = new InMemoryBlobReplica("NAM/replica-1");
      for (Op op : ops) {
        BlobName name = BlobName.of(op.kind() == 0 ? BlobKind.CHUNK : BlobKind.MAP, op.name());
        if (op.kind() == 2) {
          assertThat(jdbc.delete(op.tenant(), name)).isEqualTo(oracle.delete(op.tenant(), name));
        } else {
          jdbc.put(op.tenant(), name, new byte[] {op.content()});
          oracle.put(op.tenant(), name, new byte[] {op.content()});
        }
        assertThat(hex(jdbc.get(op.tenant(), name))).isEqualTo(hex(oracle.get(op.tenant(), name)));
      }
      assertThat(jdbc.tenants()).isEqualTo(oracle.tenants());
      for (Op op : ops) {
        for (BlobKind kind : BlobKind.values()) {
          assertThat(jdbc.list(op.tenant(), kind)).isEqualTo(oracle.list(op.tenant(), kind));
        }
      }
    }
  }

  @Property(tries = 40)
  void aggregateStore_anyOperations_answersAsTheInMemoryStore(@ForAll("ops") List<Op> ops)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEMORY, null)) {
      AggregateStore jdbc = new JdbcAggregateStore(JdbcDatabase.open(db.pool()));
      AggregateStore oracle = new InMemoryAggregateStore();
      for (Op op : ops) {
        if (op.kind() == 2) {
          assertThat(jdbc.delete(op.tenant(), op.name()))
              .isEqualTo(oracle.delete(op.tenant(), op.name()));
        } else {
          assertThat(put(jdbc, op)).isEqualTo(put(oracle, op));
        }
        assertThat(describe(jdbc.get(op.tenant(), op.name())))
            .isEqualTo(describe(oracle.get(op.tenant(), op.name())));
      }
      for (Op op : ops) {
        assertThat(jdbc.list(op.tenant())).isEqualTo(oracle.list(op.tenant()));
      }
    }
  }

  private static String put(AggregateStore store, Op op) {
    try {
      return "stored " + store.put(op.tenant(), op.name(), op.expected(),
          new byte[] {op.content()});
    } catch (ConflictException e) {
      return e.kind();
    }
  }

  private static String describe(Optional<AggregateSnapshot> s) {
    return s.map(x -> x.name() + "@" + x.version() + ":" + HexFormat.of().formatHex(x.bytes()))
        .orElse("-");
  }
}
