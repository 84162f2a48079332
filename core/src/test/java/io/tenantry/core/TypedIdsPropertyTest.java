package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class TypedIdsPropertyTest {

  @Property(tries = 200)
  void tenantId_alphanumeric_roundTrips(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 64) String raw) {
    TenantId id = TenantId.of(raw);
    assertThat(id.value()).isEqualTo(raw);
    assertThat(id.toString()).isEqualTo(raw);
    assertThat(id).isEqualTo(TenantId.of(raw)).hasSameHashCodeAs(TenantId.of(raw));
  }

  @Property(tries = 200)
  void userId_ordering_consistentWithValue(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 10) String b) {
    assertThat(Integer.signum(UserId.of(a).compareTo(UserId.of(b))))
        .isEqualTo(Integer.signum(a.compareTo(b)));
  }
}
