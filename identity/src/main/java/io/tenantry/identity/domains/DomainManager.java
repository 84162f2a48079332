package io.tenantry.identity.domains;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.validation.Problem;
import io.tenantry.identity.Directory;
import io.tenantry.identity.User;
import io.tenantry.identity.spi.DnsResolver;
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
 * <p>Time, randomness and I/O come from injected ports. Thread-safe: every operation is atomic for
 * this tenant.
 */
public final class DomainManager {
  /** The most domains a tenant may have. */
  public static final int MAX_DOMAINS = 5000;

  private final TenantId tenant;
  private final DomainName initial;
  private final DnsResolver dns;
  private final RegistrarLookup registrar;
  private final VerificationNotifier notifier;
  private final InstantSource clock;
  private final IdGenerator ids;
  private final DomainPolicy policy;
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
   * @throws ValidationException if the tenant already has {@value #MAX_DOMAINS} domains
   */
  public synchronized Domain add(DomainName name, boolean federated) {
    if (domains.containsKey(name)) {
      throw new ConflictException("DOMAIN_EXISTS", "tenant " + tenant + " already has domain " + name);
    }
    if (domains.size() >= MAX_DOMAINS) {
      throw new ValidationException(Problem.of("domain", "a tenant may have at most " + MAX_DOMAINS + " domains",
          name));
    }
    boolean parentVerified = domains.values().stream().anyMatch(d -> d.isVerified() && name.isSubdomainOf(d.name()));
    Domain d = new Domain(name, parentVerified ? DomainStatus.VERIFIED : DomainStatus.UNVERIFIED, false, false,
        federated, token());
    domains.put(name, d);
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
    Domain d = domain(name);
    if (d.isVerified()) {
      return new VerificationResult(name, true, "already verified");
    }
    DnsVerificationRecords expected = DnsVerificationRecords.forToken(d.verificationToken());
    for (String txt : dns.txtRecords(name)) {
      if (txt.strip().equalsIgnoreCase(expected.txtValue())) {
        markVerified(d);
        return new VerificationResult(name, true, "verified by TXT record " + expected.txtValue());
      }
    }
    for (DnsResolver.MxRecord mx : dns.mxRecords(name)) {
      String host = mx.exchange().strip().toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      if (host.equals(expected.mxExchange())) {
        markVerified(d);
        return new VerificationResult(name, true, "verified by MX record " + expected.mxExchange());
      }
    }
    return new VerificationResult(name, false, "no TXT record '" + expected.txtValue() + "' and no MX record '"
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
    Domain d = domain(name);
    if (d.isVerified()) {
      return new VerificationResult(name, true, "already verified");
    }
    PendingCode p = pending.get(name);
    if (p == null) {
      return new VerificationResult(name, false, "no verification code has been sent for " + name);
    }
    if (!clock.instant().isBefore(p.expires())) {
      pending.remove(name);
      return new VerificationResult(name, false, "the code expired; request a new one");
    }
    if (MessageDigest.isEqual(p.hash(), sha256(code == null ? "" : code.strip()))) {
      pending.remove(name);
      markVerified(d);
      return new VerificationResult(name, true, "verified by e-mailed code");
    }
    int left = p.attemptsLeft() - 1;
    if (left <= 0) {
      pending.remove(name);
      return new VerificationResult(name, false, "wrong code; too many wrong codes, request a new one");
    }
    pending.put(name, new PendingCode(p.hash(), p.expires(), left));
    return new VerificationResult(name, false, "wrong code; " + left + (left == 1 ? " try" : " tries") + " left");
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
    Domain d = domain(name);
    if (!d.isVerified() || d.federated()) {
      throw new ConflictException("DOMAIN_NOT_ELIGIBLE", "the primary domain must be verified and not federated: "
          + name);
    }
    for (Domain other : List.copyOf(domains.values())) {
      if (other.primary()) {
        domains.put(other.name(), other.withPrimary(false));
      }
    }
    Domain p = domains.get(name).withPrimary(true);
    domains.put(name, p);
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
    Domain d = domain(name);
    if (d.initial()) {
      return new RemovalOutcome.Refused(name, "the initial domain cannot be removed", List.of());
    }
    if (d.primary()) {
      return new RemovalOutcome.Refused(name, "the primary domain cannot be removed; make another domain primary"
          + " first", List.of());
    }
    Set<String> objects = new HashSet<>();
    references.forEach(r -> objects.add(r.kind() + ":" + r.objectId()));
    if (objects.isEmpty()) {
      domains.remove(name);
      pending.remove(name);
      return new RemovalOutcome.Removed(name);
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

  /**
   * Lists the references a directory holds to a domain: users' UPNs and {@code mail} attributes
   * on it (e-mail addresses are compared case-insensitively).
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
      if (mail != null && mail.toLowerCase(Locale.ROOT).endsWith(suffix)) {
        out.add(new DomainReference(DomainReference.Kind.USER, u.id().value(), "mail", mail));
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

  private void markVerified(Domain d) {
    domains.put(d.name(), d.withStatus(DomainStatus.VERIFIED));
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
