package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Using the core as a library" example, compiled and run so it never rots. */
class ReadmeExamplesTest {

  @Test
  void readme_coreExample_runsAsDocumented() {
    TenantId contoso = TenantId.of("contoso");
    AuditLog audit = new InMemoryAuditLog();
    IdGenerator ids = IdGenerator.sequential();
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-06-30T12:00:00Z"));

    audit.append(new AuditRecord(ids.newId(), contoso, clock.instant(), "admin@contoso.com",
        "RoleAssigned", "alice", AuditResult.SUCCESS, Map.of("role", "User Administrator")));
    Page<AuditRecord> page = audit.query(AuditQuery.of(contoso).withActivity("RoleAssigned"));

    TenantGeography geo = new TenantGeography(GeoRegistry.documented().require("NAM"),
        List.of(GeoRegistry.documented().require("EUR")));

    assertThat(page.items()).singleElement().extracting(AuditRecord::target).isEqualTo("alice");
    assertThat(geo.resolve("EUR").code()).isEqualTo("EUR");
    assertThat(geo.resolve("JPN").code()).isEqualTo("NAM");
  }
}
