package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class TypedIdsTest {

  @Test
  void tenantId_valid_comparedByValue() {
    assertThat(TenantId.of("contoso")).isEqualTo(new TenantId("contoso"));
    assertThat(TenantId.of("contoso")).isNotEqualTo(TenantId.of("Contoso"));
    assertThat(TenantId.of("a.b-1").value()).isEqualTo("a.b-1");
    assertThat(TenantId.of("x".repeat(64)).value()).hasSize(64);
  }

  @Test
  void tenantId_invalid_messageNamesFieldAndValue() {
    assertThatThrownBy(() -> TenantId.of("con/toso"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("tenantId")
        .hasMessageContaining("con/toso");
    assertThatThrownBy(() -> TenantId.of("")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TenantId.of("x".repeat(65))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TenantId.of("..")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> TenantId.of(null)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("must not be null");
  }

  @Test
  void userId_blankOrControlOrPadded_rejectedWithField() {
    assertThatThrownBy(() -> UserId.of(" ")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> GroupId.of("a\u0007b")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("groupId").hasMessageContaining("U+0007");
    assertThatThrownBy(() -> RoleId.of(" x")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("white space");
    assertThatThrownBy(() -> AdminUnitId.of("y".repeat(1025)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("1024");
  }

  @Test
  void objectKey_slashesAllowed_controlRejected() {
    assertThat(ObjectKey.of("reports/2026/q2.xlsx").value()).isEqualTo("reports/2026/q2.xlsx");
    assertThat(ObjectKey.of(" padded ").value()).isEqualTo(" padded ");
    assertThatThrownBy(() -> ObjectKey.of("a\nb")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> ObjectKey.of("k".repeat(1025))).isInstanceOf(ValidationException.class);
    // characters are code points: 1,024 emoji (2,048 UTF-16 units) are a valid key, 1,025 are not
    assertThat(ObjectKey.of("\uD83D\uDCC4".repeat(1024)).value()).hasSize(2048);
    assertThatThrownBy(() -> ObjectKey.of("\uD83D\uDCC4".repeat(1025)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("got 1025");
    assertThatThrownBy(() -> ObjectKey.of("")).isInstanceOf(ValidationException.class);
  }
}
