package io.tenantry.datastore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.datastore.IntegrityException;
import io.tenantry.datastore.TenantShreddedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkKeyEncryptionServiceTest {
  private static final TenantId A = TenantId.of("contoso");
  private static final TenantId B = TenantId.of("fabrikam");
  private static final byte[] KEY = new byte[32];
  private static final byte[] AAD = {1, 2, 3};

  @TempDir
  Path tmp;

  private static MasterKey master(int fill) {
    byte[] raw = new byte[32];
    java.util.Arrays.fill(raw, (byte) fill);
    return MasterKey.fromBytes(raw);
  }

  @Test
  void wrap_thenUnwrap_returnsTheKey_onlyForTheSameTenantAndAad() {
    TinkKeyEncryptionService kes = TinkKeyEncryptionService.inMemory(master(1));
    assertThat(kes.state(A)).isEqualTo(KeyState.ABSENT);
    byte[] wrapped = kes.wrap(A, KEY, AAD);
    kes.wrap(B, KEY, AAD);

    assertThat(kes.state(A)).isEqualTo(KeyState.ACTIVE);
    assertThat(kes.unwrap(A, wrapped, AAD)).isEqualTo(KEY);
    assertThatThrownBy(() -> kes.unwrap(B, wrapped, AAD)).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> kes.unwrap(A, wrapped, new byte[] {9}))
        .isInstanceOf(IntegrityException.class);
  }

  @Test
  void rotate_addsAPrimaryKey_andOldWrapsStillUnwrap() {
    TinkKeyEncryptionService kes = TinkKeyEncryptionService.inMemory(master(1));
    byte[] old = kes.wrap(A, KEY, AAD);
    kes.rotate(A);
    byte[] fresh = kes.wrap(A, KEY, AAD);

    assertThat(kes.keyCount(A)).isEqualTo(2);
    assertThat(kes.unwrap(A, old, AAD)).isEqualTo(KEY);
    assertThat(kes.unwrap(A, fresh, AAD)).isEqualTo(KEY);
    assertThat(java.util.Arrays.copyOf(fresh, 5)).isNotEqualTo(java.util.Arrays.copyOf(old, 5));
    assertThatThrownBy(() -> kes.rotate(B)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void destroy_isFinal_everyUseThrowsShredded() {
    TinkKeyEncryptionService kes = TinkKeyEncryptionService.inFolder(tmp, master(1));
    byte[] wrapped = kes.wrap(A, KEY, AAD);
    kes.destroy(A);
    kes.destroy(A);

    assertThat(kes.state(A)).isEqualTo(KeyState.SHREDDED);
    assertThatThrownBy(() -> kes.unwrap(A, wrapped, AAD))
        .isInstanceOf(TenantShreddedException.class);
    assertThatThrownBy(() -> kes.wrap(A, KEY, AAD)).isInstanceOf(TenantShreddedException.class);
    assertThat(TinkKeyEncryptionService.inFolder(tmp, master(1)).state(A))
        .isEqualTo(KeyState.SHREDDED);
    assertThat(tmp.resolve("contoso.keyset")).doesNotExist();
  }

  @Test
  void keysetFile_movedToAnotherTenant_orOpenedWithAnotherMasterKey_doesNotOpen()
      throws IOException {
    TinkKeyEncryptionService kes = TinkKeyEncryptionService.inFolder(tmp, master(1));
    byte[] wrapped = kes.wrap(A, KEY, AAD);
    Files.copy(tmp.resolve("contoso.keyset"), tmp.resolve("fabrikam.keyset"));

    TinkKeyEncryptionService fresh = TinkKeyEncryptionService.inFolder(tmp, master(1));
    assertThatThrownBy(() -> fresh.unwrap(B, wrapped, AAD)).isInstanceOf(IntegrityException.class);
    TinkKeyEncryptionService otherMaster = TinkKeyEncryptionService.inFolder(tmp, master(2));
    assertThatThrownBy(() -> otherMaster.unwrap(A, wrapped, AAD))
        .isInstanceOf(IntegrityException.class).hasMessageContaining("master key");
    assertThat(fresh.unwrap(A, wrapped, AAD)).isEqualTo(KEY);
  }

  @Test
  void masterKey_neverShowsItself_andRejectsBadInput() {
    assertThat(master(7).toString()).isEqualTo("MasterKey[redacted]");
    assertThat(MasterKey.generateBase64()).hasSize(44).isNotEqualTo(MasterKey.generateBase64());
    assertThatThrownBy(() -> MasterKey.fromBase64("not base64!"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> MasterKey.fromBytes(new byte[16]))
        .isInstanceOf(ValidationException.class).hasMessageContaining("32");
  }
}
