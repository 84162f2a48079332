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
  private static final KeyRandom RANDOM = new KeyRandom();
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
    DataKeys.Writer writer = new DataKeys.Writer(intermediateKey(), RANDOM);
    byte[] ct = writer.sealChunk(plaintext, 0, plaintext.length, Aad.chunk(t1, k1, v1, i1));
    writer.sealMap(new byte[1], Aad.map(t1, k1, v1), 0);
    DataKeys keys = writer.done();

    assertThat(keys.open(1, ct, 0, Aad.chunk(t1, k1, v1, i1), "chunk")).isEqualTo(plaintext);
    assertThatThrownBy(() -> keys.open(0, ct, 0, Aad.chunk(t1, k1, v1, i1), "chunk"))
        .isInstanceOf(IntegrityException.class);
    Assume.that(!t1.equals(t2) || !k1.equals(k2) || v1 != v2 || i1 != i2);
    assertThatThrownBy(() -> keys.open(1, ct, 0, Aad.chunk(t2, k2, v2, i2), "chunk"))
        .isInstanceOf(IntegrityException.class);
  }

  @Property(tries = 100)
  void aWrappedDataKey_neverUnwrapsForAnotherTenant(@ForAll("tenants") TenantId t1,
      @ForAll("tenants") TenantId t2) {
    Assume.that(!t1.equals(t2));
    DataKeys.Writer writer = new DataKeys.Writer(intermediateKey(), RANDOM);
    writer.sealMap(new byte[1], Aad.map(t1, "obj", 1), 0);
    byte[] raw = writer.done().rawForWrapping();
    byte[] aad = Aad.keys(t1, "obj", 1);
    byte[] wrapped = KES.wrap(t1, raw, aad);
    KES.wrap(t2, raw, aad);

    assertThat(KES.unwrap(t1, wrapped, aad)).isEqualTo(raw);
    assertThatThrownBy(() -> KES.unwrap(t2, wrapped, aad)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> KES.unwrap(t2, wrapped, Aad.keys(t2, "obj", 1)))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> KES.unwrap(t1, wrapped, Aad.keys(t1, "obj", 2)))
        .isInstanceOf(IntegrityException.class);
  }

  @Property(tries = 100)
  void everyChunkOfAVersion_opensOnlyUnderItsOwnKey(
      @ForAll @IntRange(min = 1, max = 5) int chunks) {
    TenantId t = TenantId.of("contoso");
    DataKeys.Writer writer = new DataKeys.Writer(intermediateKey(), RANDOM);
    byte[][] sealed = new byte[chunks][];
    for (int i = 0; i < chunks; i++) {
      byte[] plain = {(byte) i, 1, 2};
      sealed[i] = writer.sealChunk(plain, 0, plain.length, Aad.chunk(t, "k", 1, i));
    }
    writer.sealMap(new byte[1], Aad.map(t, "k", 1), 0);
    DataKeys keys = writer.done();

    assertThat(keys.count()).isEqualTo(chunks + 1);
    for (int i = 0; i < chunks; i++) {
      for (int k = 0; k <= chunks; k++) {
        int chunk = i;
        int key = k;
        if (key == chunk + 1) {
          assertThat(keys.open(key, sealed[chunk], 0, Aad.chunk(t, "k", 1, chunk), "chunk"))
              .containsExactly(chunk, 1, 2);
        } else {
          assertThatThrownBy(() -> keys.open(key, sealed[chunk], 0,
              Aad.chunk(t, "k", 1, chunk), "chunk")).isInstanceOf(IntegrityException.class);
        }
      }
    }
  }

  @Property(tries = 200)
  void sealedChunkKeys_openOnlyUnderTheirIntermediateKey_inTheirOwnPlace(
      @ForAll("tenants") TenantId t1, @ForAll("tenants") TenantId t2, @ForAll("keys") String k1,
      @ForAll("keys") String k2, @ForAll @LongRange(min = 1, max = 3) long v1,
      @ForAll @LongRange(min = 1, max = 3) long v2, @ForAll @IntRange(max = 3) int chunks) {
    byte[] intermediate = intermediateKey();
    DataKeys.Writer writer = new DataKeys.Writer(intermediate, RANDOM);
    byte[][] sealed = new byte[chunks][];
    for (int i = 0; i < chunks; i++) {
      sealed[i] = writer.sealChunk(new byte[] {(byte) i}, 0, 1, Aad.chunk(t1, k1, v1, i));
    }
    writer.sealMap(new byte[1], Aad.map(t1, k1, v1), 0);
    byte[] nonce = writer.keysNonce();
    byte[] wrapped = writer.done().sealChunkKeys(nonce, Aad.keys(t1, k1, v1));

    DataKeys opened = DataKeys.openChunkKeys(intermediate, wrapped, Aad.keys(t1, k1, v1), chunks);
    for (int i = 0; i < chunks; i++) {
      assertThat(opened.open(i + 1, sealed[i], 0, Aad.chunk(t1, k1, v1, i), "chunk"))
          .containsExactly(i);
    }
    assertThatThrownBy(() -> DataKeys.openChunkKeys(intermediateKey(), wrapped,
        Aad.keys(t1, k1, v1), chunks)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> DataKeys.openChunkKeys(intermediate, wrapped,
        Aad.keys(t1, k1, v1), chunks + 1)).isInstanceOf(IntegrityException.class);
    Assume.that(!t1.equals(t2) || !k1.equals(k2) || v1 != v2);
    assertThatThrownBy(() -> DataKeys.openChunkKeys(intermediate, wrapped,
        Aad.keys(t2, k2, v2), chunks)).isInstanceOf(IntegrityException.class);
  }

  private static byte[] intermediateKey() {
    return com.google.crypto.tink.subtle.Random.randBytes(DataKeys.KEY);
  }

  @Property(tries = 10)
  void done_beforeTheMapIsSealed_isRefused(@ForAll @IntRange(max = 2) int chunks) {
    DataKeys.Writer writer = new DataKeys.Writer(intermediateKey(), RANDOM);
    for (int i = 0; i < chunks; i++) {
      writer.sealChunk(new byte[4], 0, 4, new byte[0]);
    }
    assertThatThrownBy(writer::done).isInstanceOf(IllegalStateException.class);
  }
}
