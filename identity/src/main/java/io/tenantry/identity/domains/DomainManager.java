package io.tenantry.identity.domains;

import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.validation.Problem;
import io.tenantry.identity.Directory;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.DnsResolver;
import io.tenantry.identity.spi.DomainRegistry;
import io.tenantry.identity.spi.RegistrarLookup;
import io.tenantry.identity.spi.VerificationNotifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The domains of one tenant ({@code directory-semantics.md} §6 and 9.10–9.11): add, verify by TXT,
 * MX or an e-mailed code, choose the primary domain, and remove.
 *
 * <ul>
 *   <li>The initial {@code onmicrosoft.com} domain is verified, primary at first, and never
 *       removable; the primary domain is verified, not federated, and not removable while
 *       primary.</li>
 *   <li>A subdomain of a domain verified in this tenant is verified when added.</li>
 *   <li>E-mail verification (9.10): the registrar's owner addresses receive a one-time code
 *       through the notifier; codes expire ({@link DomainPolicy#codeLifetime()}), are single-use,
 *       are compared in constant time and kept only as a SHA-256 hash, and a code is void after
 *       {@link DomainPolicy#maxCodeAttempts()} wrong tries.</li>
 *   <li>Removal (9.11): no reference removes the domain; up to
 *       {@link DomainPolicy#automatedRemovalMaxReferences()} referencing objects are renamed onto
 *       the initial domain; more are refused with the list of blockers.</li>
 * </ul>
 *
 * <p>Auditing: a manager built with an {@link AuditLog} appends one {@link AuditRecord} (target: the
 * domain) for every change and every failed attempt, named as Entra's directory audit names them:
 * {@value #ADD_UNVERIFIED}, {@value #ADD_VERIFIED} (a subdomain of a verified domain),
 * {@value #VERIFY} (success with {@code method} TXT, MX or email; failure with the {@code reason}),
 * {@value #SEND_CODE}, {@value #SET_DEFAULT}, {@value #REMOVE_VERIFIED} / {@value #REMOVE_UNVERIFIED}
 * (with {@code renamedObjects}) followed by one {@value #RENAME} per renamed object, and
 * {@value #REMOVE_REFUSED} (failure, with the reason and the number of blockers). A call on an
 * already verified domain changes nothing and records nothing. The methods without an
 * {@code actor} record {@value #SYSTEM_ACTOR} as the actor; a manager without an audit log records
 * nothing (the host chose so).
 *
 * <p>Time, randomness and I/O come from injected ports. Thread-safe: every operation is atomic for
 * this tenant.
 */
public final class DomainManager {
  /** The most domains a tenant may have. */
  public static final int MAX_DOMAINS = 5000;
  /**
   * The most federated domains a tenant may have (§6.2: "if all domains are federated with
   * on-premises AD, up to 2,500"; the initial domain is always managed, so Tenantry applies the
   * figure to the federated domains themselves).
   */
  public static final int MAX_FEDERATED_DOMAINS = 2500;
  /** The actor recorded for the methods that take none. */
  public static final String SYSTEM_ACTOR = "domain-manager";
  /** Audit activity: an unverified domain was added. */
  public static final String ADD_UNVERIFIED = "Add unverified domain";
  /** Audit activity: a domain was added verified (a subdomain of a verified domain). */
  public static final String ADD_VERIFIED = "Add verified domain";
  /** Audit activity: a verification attempt (success or failure). */
  public static final String VERIFY = "Verify domain";
  /** Audit activity: a verification code was e-mailed to the registrar's owner addresses. */
  public static final String SEND_CODE = "Send domain verification code";
  /** Audit activity: the default (primary) domain changed. */
  public static final String SET_DEFAULT = "Set default domain";
  /** Audit activity: a verified domain was removed. */
  public static final String REMOVE_VERIFIED = "Remove verified domain";
  /** Audit activity: an unverified domain was removed. */
  public static final String REMOVE_UNVERIFIED = "Remove unverified domain";
  /** Audit activity: a removal was refused. */
  public static final String REMOVE_REFUSED = "Remove domain";
  /** Audit activity: an object's attribute was renamed onto the initial domain by a removal. */
  public static final String RENAME = "Rename object off removed domain";

  private final TenantId tenant;
  private final DomainName initial;
  private final DnsResolver dns;
  private final RegistrarLookup registrar;
  private final VerificationNotifier notifier;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final DomainPolicy policy;
  private final AuditLog audit;
  private final DomainRegistry registry;
  private final Map<DomainName, Domain> domains = new LinkedHashMap<>();
  private final Map<DomainName, PendingCode> pending = new LinkedHashMap<>();

  private record PendingCode(byte[] hash, Instant expires, int attemptsLeft) {}

  /**
   * Creates the manager with the tenant's initial domain.
   *
   * @param tenant the tenant
   * @param initialDomain its initial domain, e.g. {@code contoso.onmicrosoft.com}
   * @param dns the DNS port
   * @param registrar the registrar-lookup port
   * @param notifier the e-mail port
   * @param clock the time source
   * @param ids the source of verification tokens and codes
   * @param policy the rules
   * @throws ValidationException if the initial domain is not under {@code onmicrosoft.com}
   */
  public DomainManager(TenantId tenant, DomainName initialDomain, DnsResolver dns, RegistrarLookup registrar,
      VerificationNotifier notifier, InstantSource clock, IdGenerator ids, DomainPolicy policy) {
    this(tenant, initialDomain, dns, registrar, notifier, clock, ids, policy, null, null);
  }

  /**
   * Creates the manager with the tenant's initial domain, auditing every change to a log and
   * keeping each verified domain in one tenant at a time through a registry shared by all tenants'
   * managers (§6.1): the initial domain is claimed at once, a domain whose proof of ownership
   * succeeds is verified only when the registry grants it (otherwise the attempt fails with
   * "already verified in another organization", naming no tenant), and a removed domain is
   * released.
   *
   * @param tenant the tenant
   * @param initialDomain its initial domain, e.g. {@code contoso.onmicrosoft.com}
   * @param dns the DNS port
   * @param registrar the registrar-lookup port
   * @param notifier the e-mail port
   * @param clock the time source
   * @param ids the source of verification tokens, codes and audit record ids
   * @param policy the rules
   * @param audit the audit log, or null to record nothing
   * @param registry the cross-tenant registry of verified domains, or null when this process does
   *     not enforce uniqueness across tenants
   * @throws ValidationException if the initial domain is not under {@code onmicrosoft.com}
   * @throws ConflictException of kind {@code DOMAIN_TAKEN} if another tenant holds the initial domain
   */
  public DomainManager(TenantId tenant, DomainName initialDomain, DnsResolver dns, RegistrarLookup registrar,
      VerificationNotifier notifier, InstantSource clock, IdGenerator ids, DomainPolicy policy, AuditLog audit,
      DomainRegistry registry) {
    this.audit = audit;
    this.registry = registry;
    this.tenant = Objects.requireNonNull(tenant, "tenant");
    this.initial = Objects.requireNonNull(initialDomain, "initialDomain");
    this.dns = Objects.requireNonNull(dns, "dns");
    this.registrar = Objects.requireNonNull(registrar, "registrar");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!initialDomain.isSubdomainOf(DomainName.of("onmicrosoft.com"))) {
      throw new ValidationException(Problem.of("initialDomain", "must be <name>.onmicrosoft.com", initialDomain));
    }
    if (registry != null && !registry.claim(tenant, initialDomain)) {
      throw new ConflictException("DOMAIN_TAKEN", takenMessage(initialDomain));
    }
    domains.put(initialDomain, new Domain(initialDomain, DomainStatus.VERIFIED, true, true, false, token()));
  }

  /**
   * Returns the tenant's domains, in the order added.
   *
   * @return an immutable copy
   */
  public synchronized List<Domain> domains() {
    return List.copyOf(domains.values());
  }

  /**
   * Returns one domain.
   *
   * @param name the name
   * @return the domain
   * @throws NotFoundException if the tenant has no such domain
   */
  public synchronized Domain domain(DomainName name) {
    Domain d = domains.get(name);
    if (d == null) {
      throw new NotFoundException("tenant " + tenant + " has no domain " + name);
    }
    return d;
  }

  /**
   * Adds a custom domain; it is verified at once when a parent domain is verified in this tenant.
   *
   * @param name the domain
   * @param federated whether sign-in for it is federated
   * @return the new domain
   * @throws ConflictException if the tenant already has it
   * @throws ValidationException if the tenant already has {@value #MAX_DOMAINS} domains, or
   *     {@value #MAX_FEDERATED_DOMAINS} federated ones and {@code federated} is true
   */
  public synchronized Domain add(DomainName name, boolean federated) {
    return add(name, federated, SYSTEM_ACTOR);
  }

  /**
   * Adds a custom domain; it is verified at once when a parent domain is verified in this tenant.
   *
   * @param name the domain
   * @param federated whether sign-in for it is federated
   * @param actor who acts, recorded in the audit log (not blank)
   * @return the new domain
   * @throws ConflictException if the tenant already has it
   * @throws ValidationException if the tenant already has {@value #MAX_DOMAINS} domains, or
   *     {@value #MAX_FEDERATED_DOMAINS} federated ones and {@code federated} is true
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized Domain add(DomainName name, boolean federated, String actor) {
    requireActor(actor);
    if (domains.containsKey(name)) {
      throw new ConflictException("DOMAIN_EXISTS", "tenant " + tenant + " already has domain " + name);
    }
    if (domains.size() >= MAX_DOMAINS) {
      throw new ValidationException(Problem.of("domain", "a tenant may have at most " + MAX_DOMAINS + " domains",
          name));
    }
    if (federated && domains.values().stream().filter(Domain::federated).count() >= MAX_FEDERATED_DOMAINS) {
      throw new ValidationException(Problem.of("domain", "a tenant may have at most " + MAX_FEDERATED_DOMAINS
          + " federated domains", name));
    }
    boolean parentVerified = domains.values().stream().anyMatch(d -> d.isVerified() && name.isSubdomainOf(d.name()))
        && (registry == null || registry.claim(tenant, name));
    Domain d = new Domain(name, parentVerified ? DomainStatus.VERIFIED : DomainStatus.UNVERIFIED, false, false,
        federated, token());
    domains.put(name, d);
    record(actor, parentVerified ? ADD_VERIFIED : ADD_UNVERIFIED, name.toString(), AuditResult.SUCCESS,
        Map.of("federated", String.valueOf(federated)));
    return d;
  }

  /**
   * Returns the DNS records that prove ownership of a domain.
   *
   * @param name the domain
   * @return the TXT and MX records to publish
   * @throws NotFoundException if the tenant has no such domain
   */
  public synchronized DnsVerificationRecords verificationRecords(DomainName name) {
    return DnsVerificationRecords.forToken(domain(name).verificationToken());
  }

  /**
   * Verifies a domain by its TXT or MX record.
   *
   * @param name the domain
   * @return verified, or not yet with the reason
   * @throws NotFoundException if the tenant has no such domain
   */
  public synchronized VerificationResult verifyByDns(DomainName name) {
    return verifyByDns(name, SYSTEM_ACTOR);
  }

  /**
   * Verifies a domain by its TXT or MX record.
   *
   * @param name the domain
   * @param actor who acts, recorded in the audit log (not blank)
   * @return verified, or not yet with the reason
   * @throws NotFoundException if the tenant has no such domain
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized VerificationResult verifyByDns(DomainName name, String actor) {
    requireActor(actor);
    Domain d = domain(name);
    if (d.isVerified()) {
      return new VerificationResult(name, true, "already verified");
    }
    DnsVerificationRecords expected = DnsVerificationRecords.forToken(d.verificationToken());
    for (String txt : dns.txtRecords(name)) {
      if (txt.strip().equalsIgnoreCase(expected.txtValue())) {
        return markVerified(d) ? verified(actor, name, "TXT", "verified by TXT record " + expected.txtValue())
            : notVerified(actor, name, "TXT", takenMessage(name));
      }
    }
    for (DnsResolver.MxRecord mx : dns.mxRecords(name)) {
      String host = mx.exchange().strip().toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (host.equals(expected.mxExchange())) {
        return markVerified(d) ? verified(actor, name, "MX", "verified by MX record " + expected.mxExchange())
            : notVerified(actor, name, "MX", takenMessage(name));
      }
    }
    return notVerified(actor, name, "DNS", "no TXT record '" + expected.txtValue() + "' and no MX record '"
        + expected.mxExchange() + "' found; DNS changes can take 15 to 60 minutes to appear");
  }

  /**
   * Starts e-mail verification: sends a new one-time code to every owner address the registrar
   * lists, replacing any earlier code.
   *
   * @param name the domain
   * @return the addresses the code was sent to
   * @throws NotFoundException if the tenant has no such domain
   * @throws ConflictException if the domain is already verified or the registrar lists no address
   */
  public synchronized List<String> startEmailVerification(DomainName name) {
    return startEmailVerification(name, SYSTEM_ACTOR);
  }

  /**
   * Starts e-mail verification: sends a new one-time code to every owner address the registrar
   * lists, replacing any earlier code.
   *
   * @param name the domain
   * @param actor who acts, recorded in the audit log (not blank)
   * @return the addresses the code was sent to
   * @throws NotFoundException if the tenant has no such domain
   * @throws ConflictException if the domain is already verified or the registrar lists no address
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized List<String> startEmailVerification(DomainName name, String actor) {
    requireActor(actor);
    Domain d = domain(name);
    if (d.isVerified()) {
      throw new ConflictException("DOMAIN_VERIFIED", "domain " + name + " is already verified");
    }
    List<String> owners = registrar.ownerEmails(name);
    if (owners.isEmpty()) {
      throw new ConflictException("NO_REGISTRAR_CONTACT", "the registrar lists no owner address for " + name
          + "; verify it with the TXT or MX record instead");
    }
    String code = digits(8);
    for (String email : owners) {
      notifier.sendCode(tenant, name, email, code);
    }
    pending.put(name, new PendingCode(sha256(code), clock.instant().plus(policy.codeLifetime()),
        policy.maxCodeAttempts()));
    record(actor, SEND_CODE, name.toString(), AuditResult.SUCCESS, Map.of("recipients", String.valueOf(owners.size())));
    return List.copyOf(owners);
  }

  /**
   * Verifies a domain with an e-mailed code.
   *
   * @param name the domain
   * @param code the code the owner entered
   * @return verified, or not with the reason (no code, expired, wrong with the tries left, void)
   * @throws NotFoundException if the tenant has no such domain
   */
  public synchronized VerificationResult verifyByEmailCode(DomainName name, String code) {
    return verifyByEmailCode(name, code, SYSTEM_ACTOR);
  }

  /**
   * Verifies a domain with an e-mailed code.
   *
   * @param name the domain
   * @param code the code the owner entered
   * @param actor who acts, recorded in the audit log (not blank)
   * @return verified, or not with the reason (no code, expired, wrong with the tries left, void)
   * @throws NotFoundException if the tenant has no such domain
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized VerificationResult verifyByEmailCode(DomainName name, String code, String actor) {
    requireActor(actor);
    Domain d = domain(name);
    if (d.isVerified()) {
      return new VerificationResult(name, true, "already verified");
    }
    PendingCode p = pending.get(name);
    if (p == null) {
      return notVerified(actor, name, "email", "no verification code has been sent for " + name);
    }
    if (!clock.instant().isBefore(p.expires())) {
      pending.remove(name);
      return notVerified(actor, name, "email", "the code expired; request a new one");
    }
    if (MessageDigest.isEqual(p.hash(), sha256(code == null ? "" : code.strip()))) {
      pending.remove(name);
      return markVerified(d) ? verified(actor, name, "email", "verified by e-mailed code")
          : notVerified(actor, name, "email", takenMessage(name));
    }
    int left = p.attemptsLeft() - 1;
    if (left <= 0) {
      pending.remove(name);
      return notVerified(actor, name, "email", "wrong code; too many wrong codes, request a new one");
    }
    pending.put(name, new PendingCode(p.hash(), p.expires(), left));
    return notVerified(actor, name, "email", "wrong code; " + left + (left == 1 ? " try" : " tries") + " left");
  }

  /**
   * Makes a verified, non-federated domain the primary domain.
   *
   * @param name the domain
   * @return the new primary domain
   * @throws NotFoundException if the tenant has no such domain
   * @throws ConflictException if it is unverified or federated
   */
  public synchronized Domain setPrimary(DomainName name) {
    return setPrimary(name, SYSTEM_ACTOR);
  }

  /**
   * Makes a verified, non-federated domain the primary domain.
   *
   * @param name the domain
   * @param actor who acts, recorded in the audit log (not blank)
   * @return the new primary domain
   * @throws NotFoundException if the tenant has no such domain
   * @throws ConflictException if it is unverified or federated
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized Domain setPrimary(DomainName name, String actor) {
    requireActor(actor);
    Domain d = domain(name);
    if (!d.isVerified() || d.federated()) {
      throw new ConflictException("DOMAIN_NOT_ELIGIBLE", "the primary domain must be verified and not federated: "
          + name);
    }
    String previous = "";
    for (Domain other : List.copyOf(domains.values())) {
      if (other.primary()) {
        previous = other.name().toString();
        domains.put(other.name(), other.withPrimary(false));
      }
    }
    Domain p = domains.get(name).withPrimary(true);
    domains.put(name, p);
    record(actor, SET_DEFAULT, name.toString(), AuditResult.SUCCESS, Map.of("previous", previous));
    return p;
  }

  /**
   * Removes a domain, renaming up to the policy's number of referencing objects onto the initial
   * domain (9.11).
   *
   * @param name the domain
   * @param references every reference to the domain (see {@link #referencesIn})
   * @return removed, removed with renames, or refused with the reason and blockers
   * @throws NotFoundException if the tenant has no such domain
   */
  public synchronized RemovalOutcome remove(DomainName name, List<DomainReference> references) {
    return remove(name, references, SYSTEM_ACTOR);
  }

  /**
   * Removes a domain, renaming up to the policy's number of referencing objects onto the initial
   * domain (9.11).
   *
   * <p>Refused (§6.3) for the initial and the primary domain; when the acting admin signs in with an
   * account on the domain (a user reference whose object id is {@code actor} names it in its
   * {@code userPrincipalName}, or {@code actor} is itself an address on it); and, for a federated
   * domain, when objects still reference it: the automated (forced) removal renames them onto the
   * initial domain, which Microsoft refuses for federated domains (rename them on premises, or
   * convert the domain to managed, first). A federated domain nothing references is removed.
   *
   * @param name the domain
   * @param references every reference to the domain (see {@link #referencesIn})
   * @param actor who acts, recorded in the audit log (not blank)
   * @return removed, removed with renames, or refused with the reason and blockers
   * @throws NotFoundException if the tenant has no such domain
   * @throws IllegalArgumentException if {@code actor} is null or blank
   */
  public synchronized RemovalOutcome remove(DomainName name, List<DomainReference> references, String actor) {
    requireActor(actor);
    Domain d = domain(name);
    RemovalOutcome outcome = removal(d, references, actor);
    if (registry != null && d.isVerified() && !(outcome instanceof RemovalOutcome.Refused)) {
      registry.release(tenant, name);
    }
    String activity = d.isVerified() ? REMOVE_VERIFIED : REMOVE_UNVERIFIED;
    if (outcome instanceof RemovalOutcome.Refused r) {
      record(actor, REMOVE_REFUSED, name.toString(), AuditResult.FAILURE,
          Map.of("reason", r.reason(), "blockers", String.valueOf(r.blockers().size())));
    } else if (outcome instanceof RemovalOutcome.RemovedWithRenames r) {
      record(actor, activity, name.toString(), AuditResult.SUCCESS,
          Map.of("renamedObjects", String.valueOf(r.renames().size())));
      for (RemovalOutcome.Rename rename : r.renames()) {
        DomainReference ref = rename.reference();
        record(actor, RENAME, ref.objectId(), AuditResult.SUCCESS, Map.of("kind", ref.kind().name(),
            "attribute", ref.attribute(), "from", ref.value(), "to", rename.newValue(), "domain", name.toString()));
      }
    } else {
      record(actor, activity, name.toString(), AuditResult.SUCCESS, Map.of("renamedObjects", "0"));
    }
    return outcome;
  }

  private RemovalOutcome removal(Domain d, List<DomainReference> references, String actor) {
    DomainName name = d.name();
    if (d.initial()) {
      return new RemovalOutcome.Refused(name, "the initial domain cannot be removed", List.of());
    }
    if (d.primary()) {
      return new RemovalOutcome.Refused(name, "the primary domain cannot be removed; make another domain primary"
          + " first", List.of());
    }
    List<DomainReference> own = ownSignIn(references, actor, name);
    if (!own.isEmpty() || actor.toLowerCase(Locale.ROOT).endsWith("@" + name.value())) {
      return new RemovalOutcome.Refused(name, "'" + actor + "' signs in with an account on " + name
          + "; an administrator cannot remove the domain of its own sign-in: act from an account on another"
          + " domain", own);
    }
    Set<String> objects = new HashSet<>();
    references.forEach(r -> objects.add(r.kind() + ":" + r.objectId()));
    if (objects.isEmpty()) {
      domains.remove(name);
      pending.remove(name);
      return new RemovalOutcome.Removed(name);
    }
    if (d.federated()) {
      return new RemovalOutcome.Refused(name, name + " is federated: automated removal renames the " + objects.size()
          + " objects that reference it onto the initial domain, which is refused for a federated domain;"
          + " rename them on premises (or convert the domain to managed) first", references);
    }
    if (objects.size() > policy.automatedRemovalMaxReferences()) {
      return new RemovalOutcome.Refused(name, objects.size() + " objects reference " + name
          + "; automated removal handles at most " + policy.automatedRemovalMaxReferences()
          + ". Move them to another domain first", references);
    }
    List<RemovalOutcome.Rename> renames = new ArrayList<>();
    for (DomainReference r : references) {
      renames.add(new RemovalOutcome.Rename(r, rename(r.value(), name)));
    }
    domains.remove(name);
    pending.remove(name);
    return new RemovalOutcome.RemovedWithRenames(name, renames);
  }

  /** The user-principal-name references of the acting admin's own account, by its object id. */
  private static List<DomainReference> ownSignIn(List<DomainReference> references, String actor, DomainName name) {
    List<DomainReference> own = new ArrayList<>();
    for (DomainReference r : references) {
      if (r.kind() == DomainReference.Kind.USER && r.objectId().equals(actor)
          && r.attribute().equalsIgnoreCase("userPrincipalName")) {
        own.add(r);
      }
    }
    return own;
  }

  private VerificationResult verified(String actor, DomainName name, String method, String reason) {
    record(actor, VERIFY, name.toString(), AuditResult.SUCCESS, Map.of("method", method));
    return new VerificationResult(name, true, reason);
  }

  private VerificationResult notVerified(String actor, DomainName name, String method, String reason) {
    record(actor, VERIFY, name.toString(), AuditResult.FAILURE, Map.of("method", method, "reason", reason));
    return new VerificationResult(name, false, reason);
  }

  private static void requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor must not be blank, got '" + actor + "'");
    }
  }

  private void record(String actor, String activity, String target, AuditResult result, Map<String, String> details) {
    if (audit != null) {
      audit.append(new AuditRecord(ids.newId(), tenant, clock.instant(), actor, activity, target, result, details));
    }
  }

  /**
   * Lists the references a directory holds to a domain (§6.3): users' UPNs, {@code mail} attributes
   * and each of their {@code proxyAddresses} (separated by {@code ;}, optionally prefixed
   * {@code smtp:}) on it, compared case-insensitively. A subdomain is another domain. The directory
   * model carries no group mail or application identifier URIs; a host that has them passes their
   * references to {@link #remove} as well.
   *
   * @param directory the tenant's directory
   * @param name the domain
   * @return the references, in directory order
   */
  public static List<DomainReference> referencesIn(Directory directory, DomainName name) {
    List<DomainReference> out = new ArrayList<>();
    String suffix = "@" + name.value();
    for (User u : directory.users()) {
      if (u.userPrincipalName().toLowerCase(Locale.ROOT).endsWith(suffix)) {
        out.add(new DomainReference(DomainReference.Kind.USER, u.id().value(), "userPrincipalName",
            u.userPrincipalName()));
      }
      String mail = u.attributes().get("mail");
      if (mail != null && mail.strip().toLowerCase(Locale.ROOT).endsWith(suffix)) {
        out.add(new DomainReference(DomainReference.Kind.USER, u.id().value(), "mail", mail.strip()));
      }
      String proxies = u.attributes().get("proxyAddresses");
      if (proxies != null) {
        for (String proxy : proxies.split(";")) {
          if (proxy.strip().toLowerCase(Locale.ROOT).endsWith(suffix)) {
            out.add(new DomainReference(DomainReference.Kind.USER, u.id().value(), "proxyAddresses", proxy.strip()));
          }
        }
      }
    }
    return out;
  }

  private String rename(String value, DomainName from) {
    String lower = value.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf('@' + from.value());
    if (at >= 0 && lower.endsWith(from.value())) {
      return value.substring(0, at) + "@" + initial.value();
    }
    int host = lower.indexOf(from.value());
    return host < 0 ? value : value.substring(0, host) + initial.value() + value.substring(host + from.value().length());
  }

  /** Verifies a domain whose ownership is proven, if no other tenant holds it; tells whether it did. */
  private boolean markVerified(Domain d) {
    if (registry != null && !registry.claim(tenant, d.name())) {
      return false;
    }
    domains.put(d.name(), d.withStatus(DomainStatus.VERIFIED));
    return true;
  }

  private static String takenMessage(DomainName name) {
    return "domain " + name + " is already verified in another organization; it must be removed there before it"
        + " can be verified here";
  }

  private String token() {
    return "ms" + digits(8);
  }

  /** Derives n decimal digits from a new id of the injected generator. */
  private String digits(int n) {
    String hex = ids.newId().replace("-", "");
    long v = Long.parseUnsignedLong(hex.substring(hex.length() - 15), 16);
    long mod = (long) Math.pow(10, n);
    return String.format("%0" + n + "d", Math.floorMod(v, mod));
  }

  private static byte[] sha256(String code) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
