package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.TenantId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The memo of blob names answers exactly what deriving the names again would, hit or miss. */
class NameMemoPropertyTest {
  private record Ask(String tenant, String key, long version, int index) {}

  @Provide
  Arbitrary<List<Ask>> asks() {
    // few distinct values, so lookups repeat and slots collide
    return Combinators.combine(Arbitraries.of("contoso", "fabrikam"),
        Arbitraries.strings().withChars("ab/1").ofMinLength(1).ofMaxLength(3),
        Arbitraries.longs().between(1, 4), Arbitraries.integers().between(0, 3))
        .as(Ask::new).list().ofMinSize(1).ofMaxSize(400);
  }

  @Property(tries = 100)
  void memo_answersLikeNames(@ForAll("asks") List<Ask> asks) {
    NameMemo memo = new NameMemo();
    for (Ask a : asks) {
      TenantId t = TenantId.of(a.tenant());
      String id = memo.objectId(a.key());
      assertThat(id).isEqualTo(Names.objectId(a.key()));
      assertThat(memo.map(id)).isEqualTo(Names.map(id));
      assertThat(memo.keys(id)).isEqualTo(Names.keys(id));
      assertThat(memo.chunk(t, id, a.version(), a.index()))
          .isEqualTo(Names.chunk(t, id, a.version(), a.index()));
    }
  }
}
