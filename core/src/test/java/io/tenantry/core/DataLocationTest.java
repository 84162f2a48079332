package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLocationTest {
  private final GeoRegistry geos = GeoRegistry.documented();

  @Test
  void documented_hasTheSeventeenGeosOfTheTable() {
    assertThat(geos.all()).extracting(DataLocation::code).containsExactly(
        "APC", "ARE", "AUS", "BRA", "CAN", "CHE", "DEU", "EUR", "FRA", "GBR", "IND", "JPN",
        "KOR", "NAM", "NOR", "SWE", "ZAF");
    assertThat(geos.require("EUR").name()).isEqualTo("Europe / Middle East / Africa");
    assertThat(geos.find("QAT")).isEmpty();
  }

  @Test
  void withObserved_addsQatarAndPoland() {
    assertThat(GeoRegistry.withObserved().require("QAT").name()).isEqualTo("Qatar");
    assertThat(GeoRegistry.withObserved().require("POL").name()).isEqualTo("Poland");
    assertThat(GeoRegistry.withObserved().all()).hasSize(19);
  }

  @Test
  void require_unknownCode_namesCodeAndValidOnes() {
    assertThatThrownBy(() -> geos.require("NAN"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("NAN")
        .hasMessageContaining("NAM");
  }

  @Test
  void find_ignoresCaseAndSpace() {
    assertThat(geos.find(" eur ")).contains(geos.require("EUR"));
    assertThat(geos.find(null)).isEmpty();
  }

  @Test
  void with_invalidCode_rejected() {
    assertThatThrownBy(() -> geos.with("qa", "Qatar")).isInstanceOf(ValidationException.class);
    assertThat(geos.with("XYZ", "Test").require("XYZ").code()).isEqualTo("XYZ");
  }

  @Test
  void resolve_preferenceTheTenantHas_isHonoured() {
    TenantGeography t = new TenantGeography(geos.require("NAM"),
        List.of(geos.require("EUR"), geos.require("JPN")));
    assertThat(t.resolve("EUR")).isEqualTo(geos.require("EUR"));
    assertThat(t.resolve("jpn")).isEqualTo(geos.require("JPN"));
    assertThat(t.isHonoured("EUR")).isTrue();
  }

  @Test
  void resolve_missingTypoOrForeignGeo_fallsBackToCentral() {
    TenantGeography t = new TenantGeography(geos.require("NAM"), List.of(geos.require("EUR")));
    assertThat(t.resolve(null)).isEqualTo(geos.require("NAM"));
    assertThat(t.resolve("  ")).isEqualTo(geos.require("NAM"));
    assertThat(t.resolve("NAN")).isEqualTo(geos.require("NAM"));
    assertThat(t.resolve("AUS")).isEqualTo(geos.require("NAM"));
    assertThat(t.isHonoured("AUS")).isFalse();
  }

  @Test
  void geography_repeatedSatellite_rejected() {
    assertThatThrownBy(() -> new TenantGeography(geos.require("NAM"),
        List.of(geos.require("EUR"), geos.require("EUR"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("satellites[1]");
    assertThatThrownBy(() -> new TenantGeography(geos.require("NAM"), List.of(geos.require("NAM"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void all_listsCentralFirst() {
    TenantGeography t = new TenantGeography(geos.require("NAM"), List.of(geos.require("EUR")));
    assertThat(t.all()).containsExactly(geos.require("NAM"), geos.require("EUR"));
    assertThat(t.contains(geos.require("EUR"))).isTrue();
    assertThat(TenantGeography.single(geos.require("GBR")).all()).hasSize(1);
  }
}
