package io.tenantry.identity.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.identity.Directory;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.DnsResolver;
import io.tenantry.identity.spi.InMemoryDomainRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DomainManagerTest {
  private static final TenantId T = TenantId.of("contoso");
  private static final DomainName INITIAL = DomainName.of("contoso.onmicrosoft.com");
  private static final DomainName COM = DomainName.of("contoso.com");

  private final Map<String, List<String>> txt = new HashMap<>();
  private final Map<String, List<DnsResolver.MxRecord>> mx = new HashMap<>();
  private final Map<String, String> sent = new HashMap<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T00:00:00Z"));
  private final DnsResolver dns = new DnsResolver() {
    @Override
    public List<String> txtRecords(DomainName name) {
      return txt.getOrDefault(name.value(), List.of());
    }

    @Override
    public List<MxRecord> mxRecords(DomainName name) {
      return mx.getOrDefault(name.value(), List.of());
    }
  };

  private DomainManager manager(DomainPolicy policy) {
    return new DomainManager(T, INITIAL, dns,
        name -> name.value().equals("contoso.com") ? List.of("owner@registrar.example") : List.of(),
        (tenant, domain, email, code) -> sent.put(email, code), now::get, IdGenerator.seeded(7), policy);
  }

  private DomainManager audited(DomainPolicy policy, InMemoryAuditLog log) {
    return new DomainManager(T, INITIAL, dns,
        name -> name.value().equals("contoso.com") ? List.of("owner@registrar.example") : List.of(),
        (tenant, domain, email, code) -> sent.put(email, code), now::get, IdGenerator.seeded(7), policy, log, null);
  }

  /** A manager with contoso.com added and its e-mail code sent to the registrar's contact. */
  private DomainManager withCodeSent() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    m.startEmailVerification(COM);
    return m;
  }

  private static List<String> trail(InMemoryAuditLog log) {
    List<String> out = new ArrayList<>();
    for (AuditRecord r : log.query(AuditQuery.of(T)).items()) {
      out.add(r.actor() + " " + r.activity() + " " + r.target() + " " + r.result());
    }
    return out;
  }

  @Test
  void auditedManager_everyChangeAndFailedAttempt_isRecordedWithItsActor() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    DomainManager m = audited(new DomainPolicy(Duration.ofHours(24), 5, 2), log);
    m.add(COM, false, "admin@contoso.onmicrosoft.com");
    m.add(DomainName.of("mail.contoso.com"), false, "admin@contoso.onmicrosoft.com");
    m.verifyByDns(COM, "admin@contoso.onmicrosoft.com");
    m.startEmailVerification(COM, "admin@contoso.onmicrosoft.com");
    m.verifyByEmailCode(COM, sent.get("owner@registrar.example"), "admin@contoso.onmicrosoft.com");
    m.verifyByDns(COM, "admin@contoso.onmicrosoft.com");
    m.setPrimary(COM, "admin@contoso.onmicrosoft.com");
    m.setPrimary(INITIAL, "admin@contoso.onmicrosoft.com");
    Directory d = Directory.builder(T).user(User.member("a", "a@contoso.com")).user(User.member("b", "b@contoso.com"))
        .user(User.member("c", "c@contoso.com")).build();
    List<DomainReference> refs = DomainManager.referencesIn(d, COM);
    m.remove(COM, refs, "admin@contoso.onmicrosoft.com");
    m.remove(COM, refs.subList(0, 1), "admin@contoso.onmicrosoft.com");
    m.remove(DomainName.of("mail.contoso.com"), List.of());

    // the admin signs in on the initial domain: one signing in on contoso.com could not remove it (§6.3)
    String by = "admin@contoso.onmicrosoft.com ";
    assertThat(trail(log)).containsExactly(
        by + DomainManager.ADD_UNVERIFIED + " contoso.com SUCCESS",
        by + DomainManager.ADD_UNVERIFIED + " mail.contoso.com SUCCESS",
        by + DomainManager.VERIFY + " contoso.com FAILURE",
        by + DomainManager.SEND_CODE + " contoso.com SUCCESS",
        by + DomainManager.VERIFY + " contoso.com SUCCESS",
        by + DomainManager.SET_DEFAULT + " contoso.com SUCCESS",
        by + DomainManager.SET_DEFAULT + " contoso.onmicrosoft.com SUCCESS",
        by + DomainManager.REMOVE_REFUSED + " contoso.com FAILURE",
        by + DomainManager.REMOVE_VERIFIED + " contoso.com SUCCESS",
        by + DomainManager.RENAME + " a SUCCESS",
        DomainManager.SYSTEM_ACTOR + " " + DomainManager.REMOVE_UNVERIFIED + " mail.contoso.com SUCCESS");
    List<AuditRecord> records = log.query(AuditQuery.of(T)).items();
    assertThat(records.get(4).details()).containsEntry("method", "email");
    assertThat(records.get(6).details()).containsEntry("previous", "contoso.com");
    assertThat(records.get(7).details()).containsEntry("blockers", "3");
    assertThat(records.get(9).details()).containsEntry("from", "a@contoso.com")
        .containsEntry("to", "a@contoso.onmicrosoft.com").containsEntry("attribute", "userPrincipalName");
    assertThat(records).allSatisfy(r -> assertThat(r.tenant()).isEqualTo(T));
  }

  @Test
  void auditedManager_blankActor_isRefusedBeforeAnyChange() {
    InMemoryAuditLog log = new InMemoryAuditLog();
    DomainManager m = audited(DomainPolicy.DEFAULT, log);
    assertThatThrownBy(() -> m.add(COM, false, " ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("actor");
    assertThat(m.domains()).hasSize(1);
    assertThat(log.query(AuditQuery.of(T)).items()).isEmpty();
  }

  @Test
  void registry_domainVerifiedInAnotherTenant_isNotVerifiedHereUntilReleased() {
    InMemoryDomainRegistry registry = new InMemoryDomainRegistry();
    InMemoryAuditLog log = new InMemoryAuditLog();
    TenantId fabrikam = TenantId.of("fabrikam");
    DomainManager contoso = shared(T, INITIAL, registry, log);
    DomainManager other = shared(fabrikam, DomainName.of("fabrikam.onmicrosoft.com"), registry, log);
    contoso.add(COM, false);
    txt.put("contoso.com", List.of(contoso.verificationRecords(COM).txtValue()));
    assertThat(contoso.verifyByDns(COM).verified()).isTrue();

    // fabrikam proves ownership of the same name with its own TXT record, and is refused.
    other.add(COM, false);
    txt.put("contoso.com", List.of(other.verificationRecords(COM).txtValue()));
    VerificationResult refused = other.verifyByDns(COM);
    assertThat(refused.verified()).isFalse();
    assertThat(refused.reason()).isEqualTo("domain contoso.com is already verified in another organization; it"
        + " must be removed there before it can be verified here");
    assertThat(other.domain(COM).isVerified()).isFalse();
    assertThat(log.query(AuditQuery.of(fabrikam)).items()).last()
        .satisfies(r -> assertThat(r.result()).isEqualTo(AuditResult.FAILURE));

    // A subdomain is a name of its own: fabrikam may verify mail.contoso.com.
    DomainName mail = DomainName.of("mail.contoso.com");
    other.add(mail, false);
    txt.put("mail.contoso.com", List.of(other.verificationRecords(mail).txtValue()));
    assertThat(other.verifyByDns(mail).verified()).isTrue();
    // ... and contoso's subdomain of its verified root is then added unverified, not taken over.
    assertThat(contoso.add(mail, false).isVerified()).isFalse();

    // Once contoso removes the domain, fabrikam's proof succeeds.
    assertThat(contoso.remove(COM, List.of())).isInstanceOf(RemovalOutcome.Removed.class);
    assertThat(other.verifyByDns(COM).verified()).isTrue();
  }

  @Test
  void registry_initialDomainHeldElsewhere_isRefused() {
    InMemoryDomainRegistry registry = new InMemoryDomainRegistry();
    shared(T, INITIAL, registry, null);
    assertThatThrownBy(() -> shared(TenantId.of("fabrikam"), INITIAL, registry, null))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo("DOMAIN_TAKEN"));
  }

  private DomainManager shared(TenantId tenant, DomainName initial, InMemoryDomainRegistry registry,
      InMemoryAuditLog log) {
    return new DomainManager(tenant, initial, dns, name -> List.of(), (t, domain, email, code) -> sent.put(email, code),
        now::get, IdGenerator.seeded(tenant.value().length()), DomainPolicy.DEFAULT, log, registry);
  }

  @Test
  void initialDomain_isVerifiedPrimaryAndNotRemovable() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    assertThat(m.domains()).singleElement().satisfies(d -> {
      assertThat(d.initial()).isTrue();
      assertThat(d.primary()).isTrue();
      assertThat(d.isVerified()).isTrue();
    });
    assertThat(m.remove(INITIAL, List.of())).isInstanceOf(RemovalOutcome.Refused.class);
  }

  @Test
  void verifyByDns_txtOrMx_verifies() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    DnsVerificationRecords records = m.verificationRecords(COM);
    assertThat(records.txtValue()).matches("MS=ms[0-9]{8}");
    assertThat(records.mxExchange()).matches("ms[0-9]{8}\\.msv1\\.invalid");
    assertThat(records.mxPriority()).isEqualTo(32767);
    assertThat(m.verifyByDns(COM).verified()).isFalse();
    mx.put("contoso.com", List.of(new DnsResolver.MxRecord(records.mxExchange().toUpperCase() + ".", 32767)));
    assertThat(m.verifyByDns(COM).verified()).isTrue();
    DomainName fab = DomainName.of("fabrikam.com");
    m.add(fab, false);
    txt.put("fabrikam.com", List.of("v=spf1 -all", m.verificationRecords(fab).txtValue()));
    assertThat(m.verifyByDns(fab).reason()).contains("TXT");
  }

  @Test
  void subdomainOfVerifiedDomain_isVerifiedWhenAdded() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    txt.put("contoso.com", List.of(m.verificationRecords(COM).txtValue()));
    m.verifyByDns(COM);
    assertThat(m.add(DomainName.of("sales.contoso.com"), false).isVerified()).isTrue();
    assertThat(m.add(DomainName.of("contoso.net"), false).isVerified()).isFalse();
  }

  @Test
  void emailCode_rightCodeVerifiesOnce() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    assertThat(m.startEmailVerification(COM)).containsExactly("owner@registrar.example");
    String code = sent.get("owner@registrar.example");
    assertThat(code).matches("[0-9]{8}");
    assertThat(m.verifyByEmailCode(COM, code).verified()).isTrue();
    assertThat(m.domain(COM).isVerified()).isTrue();
  }

  @Test
  void emailCode_expiresAfterItsLifetime() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    m.startEmailVerification(COM);
    now.set(now.get().plus(Duration.ofHours(24)));
    assertThat(m.verifyByEmailCode(COM, sent.get("owner@registrar.example")).reason()).contains("expired");
    assertThat(m.domain(COM).isVerified()).isFalse();
  }

  @Test
  void emailCode_fiveWrongTries_voidTheCode() {
    DomainManager m = withCodeSent();
    String code = sent.get("owner@registrar.example");
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      reasons.add(m.verifyByEmailCode(COM, "00000000".equals(code) ? "11111111" : "00000000").reason());
    }
    assertThat(reasons.get(0)).contains("4 tries left");
    assertThat(reasons.get(4)).contains("too many");
    assertThat(m.verifyByEmailCode(COM, code).verified()).isFalse();
  }

  @Test
  void emailVerification_withoutRegistrarContact_isRefused() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(DomainName.of("fabrikam.com"), false);
    assertThatThrownBy(() -> m.startEmailVerification(DomainName.of("fabrikam.com")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("TXT or MX");
  }

  @Test
  void primary_mustBeVerifiedAndNotFederated_andCannotBeRemoved() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    assertThatThrownBy(() -> m.setPrimary(COM)).isInstanceOf(ConflictException.class);
    txt.put("contoso.com", List.of(m.verificationRecords(COM).txtValue()));
    m.verifyByDns(COM);
    m.setPrimary(COM);
    assertThat(m.domain(INITIAL).primary()).isFalse();
    assertThat(m.remove(COM, List.of())).isInstanceOfSatisfying(RemovalOutcome.Refused.class,
        r -> assertThat(r.reason()).contains("primary"));
  }

  @Test
  void remove_fewReferences_renamesOntoInitialDomain_manyAreRefusedWithBlockers() {
    DomainManager m = manager(new DomainPolicy(Duration.ofHours(24), 5, 2));
    m.add(COM, false);
    Directory d = Directory.builder(T).user(User.member("a", "a@Contoso.com")).user(User.member("b", "b@contoso.com"))
        .user(User.member("c", "c@contoso.com")).build();
    List<DomainReference> refs = DomainManager.referencesIn(d, COM);
    assertThat(refs).hasSize(3);
    assertThat(m.remove(COM, refs)).isInstanceOfSatisfying(RemovalOutcome.Refused.class,
        r -> assertThat(r.blockers()).hasSize(3));
    assertThat(m.remove(COM, refs.subList(0, 2))).isInstanceOfSatisfying(RemovalOutcome.RemovedWithRenames.class,
        r -> assertThat(r.renames()).extracting(RemovalOutcome.Rename::newValue)
            .containsExactly("a@contoso.onmicrosoft.com", "b@contoso.onmicrosoft.com"));
    assertThat(m.domains()).hasSize(1);
  }

  @Test
  void referencesIn_proxyAddressOnTheDomain_blocksPlainDeleteAndIsRenamed() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    Directory d = Directory.builder(T)
        .user(new User(io.tenantry.core.UserId.of("p"), "p@contoso.onmicrosoft.com", io.tenantry.identity.UserType.MEMBER,
            Map.of("proxyAddresses", "SMTP:p@contoso.onmicrosoft.com;smtp:Pat@Contoso.com"), true, null))
        .user(new User(io.tenantry.core.UserId.of("q"), "q@contoso.com", io.tenantry.identity.UserType.MEMBER,
            Map.of("mail", "q@contoso.com", "proxyAddresses", "smtp:q@contoso.com;smtp:q@sub.contoso.com"), true, null))
        .build();
    List<DomainReference> refs = DomainManager.referencesIn(d, COM);
    assertThat(refs).extracting(r -> r.objectId() + " " + r.attribute() + " " + r.value()).containsExactly(
        "p proxyAddresses smtp:Pat@Contoso.com", "q userPrincipalName q@contoso.com", "q mail q@contoso.com",
        "q proxyAddresses smtp:q@contoso.com");
    assertThat(m.remove(COM, refs)).isInstanceOfSatisfying(RemovalOutcome.RemovedWithRenames.class,
        r -> assertThat(r.renames()).extracting(RemovalOutcome.Rename::newValue).containsExactly(
            "smtp:Pat@contoso.onmicrosoft.com", "q@contoso.onmicrosoft.com", "q@contoso.onmicrosoft.com",
            "smtp:q@contoso.onmicrosoft.com"));
  }

  @Test
  void setPrimary_federatedIsRefused_initialMayBePrimaryAgain() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    DomainName fed = DomainName.of("fed.com");
    m.add(fed, true);
    txt.put("fed.com", List.of(m.verificationRecords(fed).txtValue()));
    assertThat(m.verifyByDns(fed).verified()).isTrue();
    assertThatThrownBy(() -> m.setPrimary(fed)).isInstanceOf(ConflictException.class);
    m.add(COM, false);
    txt.put("contoso.com", List.of(m.verificationRecords(COM).txtValue()));
    m.verifyByDns(COM);
    m.setPrimary(COM);
    m.setPrimary(INITIAL);
    assertThat(m.domain(INITIAL).primary()).isTrue();
    assertThat(m.domain(COM).primary()).isFalse();
    assertThat(m.remove(COM, List.of())).isInstanceOf(RemovalOutcome.Removed.class);
  }

  @Test
  void remove_atTheDefaultLimitOfOneHundredObjects_renamesAndOneMoreIsRefused() {
    assertThat(DomainPolicy.DEFAULT.automatedRemovalMaxReferences()).isEqualTo(100);
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    List<DomainReference> refs = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      refs.add(new DomainReference(DomainReference.Kind.USER, "u" + i, "userPrincipalName", "u" + i + "@contoso.com"));
      refs.add(new DomainReference(DomainReference.Kind.USER, "u" + i, "mail", "u" + i + "@contoso.com"));
    }
    assertThat(m.remove(COM, refs)).isInstanceOfSatisfying(RemovalOutcome.Refused.class,
        r -> assertThat(r.reason()).startsWith("101 objects"));
    assertThat(m.remove(COM, refs.subList(0, 200))).isInstanceOfSatisfying(RemovalOutcome.RemovedWithRenames.class,
        r -> assertThat(r.renames()).hasSize(200));
  }

  @Test
  void emailCode_isSingleUse_evenAfterTheDomainIsAddedAgain() {
    DomainManager m = withCodeSent();
    String code = sent.get("owner@registrar.example");
    assertThat(m.verifyByEmailCode(COM, code).verified()).isTrue();
    assertThat(m.remove(COM, List.of())).isInstanceOf(RemovalOutcome.Removed.class);
    m.add(COM, false);
    assertThat(m.verifyByEmailCode(COM, code).verified()).isFalse();
    assertThat(m.domain(COM).isVerified()).isFalse();
  }

  @Test
  void remove_byAnAdminSigningInOnTheDomain_isRefusedNamingItsAccount() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    m.add(COM, false);
    Directory d = Directory.builder(T).user(User.member("admin1", "admin1@contoso.com"))
        .user(User.member("b", "b@contoso.com")).build();
    List<DomainReference> refs = DomainManager.referencesIn(d, COM);
    assertThat(m.remove(COM, refs, "admin1")).isInstanceOfSatisfying(RemovalOutcome.Refused.class, r -> {
      assertThat(r.reason()).contains("admin1").contains("own sign-in");
      assertThat(r.blockers()).extracting(DomainReference::objectId).containsExactly("admin1");
    });
    assertThat(m.remove(COM, List.of(), "ops@contoso.com")).isInstanceOf(RemovalOutcome.Refused.class);
    assertThat(m.domains()).hasSize(2);
    assertThat(m.remove(COM, refs, "other-admin")).isInstanceOf(RemovalOutcome.RemovedWithRenames.class);
  }

  @Test
  void remove_federatedDomainStillReferenced_isRefusedButAnUnreferencedOneGoes() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    DomainName fed = DomainName.of("fed.com");
    m.add(fed, true);
    List<DomainReference> refs = List.of(
        new DomainReference(DomainReference.Kind.USER, "u1", "userPrincipalName", "u1@fed.com"));
    assertThat(m.remove(fed, refs)).isInstanceOfSatisfying(RemovalOutcome.Refused.class, r -> {
      assertThat(r.reason()).contains("federated");
      assertThat(r.blockers()).isEqualTo(refs);
    });
    assertThat(m.remove(fed, List.of())).isInstanceOf(RemovalOutcome.Removed.class);
  }

  @Test
  void add_beyondTheFederatedDomainLimit_isRefusedButAManagedDomainIsNot() {
    DomainManager m = manager(DomainPolicy.DEFAULT);
    for (int i = 0; i < DomainManager.MAX_FEDERATED_DOMAINS; i++) {
      m.add(DomainName.of("f" + i + ".org"), true);
    }
    assertThatThrownBy(() -> m.add(DomainName.of("one-more.org"), true)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("2500 federated");
    assertThat(m.add(DomainName.of("managed.org"), false).federated()).isFalse();
  }

  @Test
  void domainName_invalid_isRefused() {
    assertThatThrownBy(() -> DomainName.of("*.contoso.com")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> DomainName.of("localhost")).isInstanceOf(ValidationException.class);
    assertThat(DomainName.of("Contoso.COM.").value()).isEqualTo("contoso.com");
  }
}
