package io.tenantry.benchmarks.store;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One way to keep a payload encrypted and read it back: the unit of work of {@link
 * StoreBenchmark}. {@link #roundTrip} encrypts (stores) the payload and decrypts (reads) it again,
 * returning the plaintext read.
 */
interface SealEngine {

  /**
   * Encrypts and stores, then reads and decrypts.
   *
   * @param plaintext the payload
   * @return the payload as read back
   */
  byte[] roundTrip(byte[] plaintext);

  /**
   * Creates the engine of a name.
   *
   * @param name {@code tenantry}, {@code jdk-aes-gcm} or {@code tink-aes128-gcm}
   * @return the engine
   * @throws IllegalArgumentException for another name
   */
  static SealEngine named(String name) {
    try {
      switch (name) {
        case "tenantry": return new TenantryStore();
        case "jdk-aes-gcm": return new JdkAesGcm();
        case "tink-aes128-gcm": return new TinkAead();
        default: throw new IllegalArgumentException("unknown engine '" + name + "'");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up " + name, e);
    }
  }

  /**
   * Tenantry's {@link EncryptedStore}: one geo with 3 in-memory replicas, write quorum 2, the
   * default 4 MiB chunks, data keys wrapped by an in-memory Tink key service, a discarding audit.
   * Every put writes a new version (fresh data key, 3 replica copies) and deletes the previous
   * one; every get authenticates what it reads.
   */
  final class TenantryStore implements SealEngine {
    private static final DataLocation NAM = GeoRegistry.documented().require("NAM");
    private static final TenantId TENANT = TenantId.of("contoso");
    private static final ObjectKey KEY = ObjectKey.of("bench/object.bin");
    private final EncryptedStore store;

    TenantryStore() {
      store = EncryptedStore.builder()
          .geography(new TenantGeography(NAM, List.of()))
          .replicas(NAM, List.of(new InMemoryBlobReplica("r1"), new InMemoryBlobReplica("r2"),
              new InMemoryBlobReplica("r3")))
          .writeQuorum(2)
          .keys(TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32])))
          .audit(new DiscardingAuditLog())
          .build();
    }

    @Override
    public byte[] roundTrip(byte[] plaintext) {
      store.put(TENANT, KEY, plaintext, new Placement.Central(), "bench");
      return store.getBytes(TENANT, KEY, "bench");
    }
  }

  /**
   * The JDK's {@code AES/GCM/NoPadding} with one 256-bit key (the key size the store's data keys
   * have), a fresh random 96-bit nonce and 16 bytes of associated data per message: the physical
   * limit, with no key management, replication or integrity metadata. The two {@code Cipher}s
   * are made once and re-initialised per message with a fresh nonce each time.
   */
  final class JdkAesGcm implements SealEngine {
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final byte[] aad = "tenant|obj|1|NAM".getBytes(StandardCharsets.US_ASCII);
    private final Cipher enc;
    private final Cipher dec;

    JdkAesGcm() throws GeneralSecurityException {
      byte[] k = new byte[32];
      random.nextBytes(k);
      key = new SecretKeySpec(k, "AES");
      enc = Cipher.getInstance("AES/GCM/NoPadding");
      dec = Cipher.getInstance("AES/GCM/NoPadding");
    }

    @Override
    public byte[] roundTrip(byte[] plaintext) {
      try {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        enc.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        enc.updateAAD(aad);
        byte[] sealed = new byte[12 + plaintext.length + 16];
        System.arraycopy(nonce, 0, sealed, 0, 12);
        enc.doFinal(plaintext, 0, plaintext.length, sealed, 12);
        dec.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        dec.updateAAD(aad);
        return dec.doFinal(sealed, 12, sealed.length - 12);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-GCM failed", e);
      }
    }
  }

  /** Tink's {@code Aead} with an AES128_GCM keyset (random nonce, 5-byte key prefix). */
  final class TinkAead implements SealEngine {
    private final Aead aead;
    private final byte[] aad = "tenant|obj|1|NAM".getBytes(StandardCharsets.US_ASCII);

    TinkAead() throws GeneralSecurityException {
      AeadConfig.register();
      aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES128_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public byte[] roundTrip(byte[] plaintext) {
      try {
        return aead.decrypt(aead.encrypt(plaintext, aad), aad);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Tink AEAD failed", e);
      }
    }
  }
}
