package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class EnvelopePropertyTest {
  private static final TinkKeyEncryptionService KES =
      TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32]));

  @Provide
  Arbitrary<TenantId> tenants() {
    return Arbitraries.strings().withChars("abcXYZ019.-").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.equals(".") && !s.equals("..")).map(TenantId::of);
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings().withChars("ab/é1").ofMinLength(1).ofMaxLength(6);
  }

  @Property(tries = 200)
  void aChunk_decryptsOnlyInItsOwnPlace(@ForAll("tenants") TenantId t1,
      @ForAll("tenants") TenantId t2, @ForAll("keys") String k1, @ForAll("keys") String k2,
      @ForAll @LongRange(min = 1, max = 3) long v1, @ForAll @LongRange(min = 1, max = 3) long v2,
      @ForAll @IntRange(max = 2) int i1, @ForAll @IntRange(max = 2) int i2,
      @ForAll byte[] plaintext) {
    DataKey key = DataKey.generate();
    byte[] ct = key.encrypt(plaintext, Aad.chunk(t1, k1, v1, i1));

    assertThat(key.decrypt(ct, Aad.chunk(t1, k1, v1, i1), "chunk")).isEqualTo(plaintext);
    Assume.that(!t1.equals(t2) || !k1.equals(k2) || v1 != v2 || i1 != i2);
    assertThatThrownBy(() -> key.decrypt(ct, Aad.chunk(t2, k2, v2, i2), "chunk"))
        .isInstanceOf(IntegrityException.class);
  }

  @Property(tries = 100)
  void aWrappedDataKey_neverUnwrapsForAnotherTenant(@ForAll("tenants") TenantId t1,
      @ForAll("tenants") TenantId t2) {
    Assume.that(!t1.equals(t2));
    DataKey key = DataKey.generate();
    byte[] raw = key.rawForWrapping();
    byte[] aad = Aad.wrappedKey(t1, "obj", 1, 0);
    byte[] wrapped = KES.wrap(t1, raw, aad);
    KES.wrap(t2, raw, aad);

    assertThat(KES.unwrap(t1, wrapped, aad)).isEqualTo(raw);
    assertThatThrownBy(() -> KES.unwrap(t2, wrapped, aad)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> KES.unwrap(t2, wrapped, Aad.wrappedKey(t2, "obj", 1, 0)))
        .isInstanceOf(IntegrityException.class);
  }
}
