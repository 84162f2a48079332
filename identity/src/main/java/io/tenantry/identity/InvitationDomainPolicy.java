package io.tenantry.identity;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import io.tenantry.identity.domains.DomainName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The tenant's allow list or deny list of guest domains ({@code directory-semantics.md} §4.3,
 * 9.7): invitations to any domain (the default), only to listed domains, or to every domain but
 * the listed ones. The modes are exclusive and switching mode discards the list. Domains are
 * stored lower-case and match exactly (a subdomain is a different domain; wildcards are refused).
 * The policy, serialised as Microsoft's {@code B2BManagementPolicy} JSON, may be at most 25,000
 * characters. It is checked when an invitation is created and again when it is redeemed; guests
 * who already redeemed keep their access.
 *
 * @param mode the mode
 * @param domains the listed domains (empty for {@link Mode#ANY_DOMAIN})
 */
public record InvitationDomainPolicy(Mode mode, List<DomainName> domains) {
  /** The largest serialised policy, in characters. */
  public static final int MAX_POLICY_CHARACTERS = 25_000;

  /**
   * The action that configuring the lists takes ({@link #decideConfiguration}): updating the
   * tenant's policies. Of the built-in roles only Global Administrator grants it, which is §4.3's
   * rule; a custom role granting it passes too (Tenantry checks permissions, not role names;
   * Microsoft's custom-role catalogue offers no policy permissions).
   */
  public static final Permission CONFIGURE = Permission.parse("microsoft.directory/policies/basic/update");

  /** Invitations to any domain: the default. */
  public static final InvitationDomainPolicy ANY = new InvitationDomainPolicy(Mode.ANY_DOMAIN, List.of());

  /** The policy modes. */
  public enum Mode {
    /** Every domain may be invited. */
    ANY_DOMAIN,
    /** Only the listed domains may be invited. */
    ALLOW_LIST,
    /** Every domain but the listed ones may be invited. */
    DENY_LIST
  }

  /**
   * Validates the policy.
   *
   * @throws ValidationException if a list mode has no domain, a domain repeats, the any-domain
   *     mode lists domains, or the serialised policy is over 25,000 characters
   */
  public InvitationDomainPolicy {
    Objects.requireNonNull(mode, "mode");
    domains = List.copyOf(domains);
    Problems p = new Problems();
    if (mode == Mode.ANY_DOMAIN && !domains.isEmpty()) {
      p.add("domains", "the any-domain policy lists no domains", domains.size());
    }
    if (mode != Mode.ANY_DOMAIN && domains.isEmpty()) {
      p.add("domains", "an allow or deny list needs at least one domain", null);
    }
    if (new LinkedHashSet<>(domains).size() != domains.size()) {
      p.add("domains", "a domain is listed twice", domains);
    }
    int size = json(mode, domains).length();
    if (size > MAX_POLICY_CHARACTERS) {
      p.add("domains", "the policy is " + size + " characters; at most " + MAX_POLICY_CHARACTERS, size);
    }
    p.throwIfAny();
  }

  /**
   * An allow list.
   *
   * @param domains the domains guests may come from
   * @return the policy
   * @throws ValidationException listing every invalid domain (e.g. a wildcard) and other problems
   */
  public static InvitationDomainPolicy allowList(List<String> domains) {
    return new InvitationDomainPolicy(Mode.ALLOW_LIST, parse(domains));
  }

  /**
   * A deny list.
   *
   * @param domains the domains guests may not come from
   * @return the policy
   * @throws ValidationException listing every invalid domain and other problems
   */
  public static InvitationDomainPolicy denyList(List<String> domains) {
    return new InvitationDomainPolicy(Mode.DENY_LIST, parse(domains));
  }

  private static List<DomainName> parse(List<String> domains) {
    Problems p = new Problems();
    List<DomainName> out = new ArrayList<>();
    for (int i = 0; i < domains.size(); i++) {
      try {
        out.add(DomainName.of(domains.get(i)));
      } catch (ValidationException e) {
        p.add("domains[" + i + "]", e.problems().get(0).message(), domains.get(i));
      }
    }
    p.throwIfAny();
    return out;
  }

  /**
   * Tells whether an invitee's e-mail address (or bare domain) passes the policy.
   *
   * @param emailOrDomain e.g. {@code eve@partner.com}
   * @return true when the invitation may be sent or redeemed
   */
  public boolean allows(String emailOrDomain) {
    String d = emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
    boolean listed = domains.stream().anyMatch(x -> x.value().equals(d));
    return switch (mode) {
      case ANY_DOMAIN -> true;
      case ALLOW_LIST -> listed;
      case DENY_LIST -> !listed;
    };
  }

  /**
   * Decides an invitation: the inviter must be allowed to invite ({@code allowInvitesFrom} and
   * roles, through the Authorizer) and the invitee's domain must pass this policy.
   *
   * @param authorizer the Authorizer
   * @param tenant the tenant
   * @param inviter the inviting principal
   * @param inviteeEmail the invitee's address
   * @return the decision
   */
  public Decision decideInvitation(Authorizer authorizer, TenantId tenant, String inviter, String inviteeEmail) {
    Decision who = authorizer.authorize(tenant, inviter, Permission.parse("microsoft.directory/users/inviteGuest"),
        null);
    if (!who.allowed()) {
      return who;
    }
    if (!allows(inviteeEmail)) {
      return Decision.deny("the domain of " + inviteeEmail + " is " + (mode == Mode.ALLOW_LIST
          ? "not on the tenant's allow list" : "on the tenant's deny list"));
    }
    return who;
  }

  /**
   * Decides whether a principal may configure the allow or deny list (§4.3: Global Administrator
   * only), through the Authorizer's tenant-level check of {@link #CONFIGURE}, so a disabled,
   * deleted or foreign principal is refused as for any other action.
   *
   * @param authorizer the Authorizer
   * @param tenant the tenant
   * @param actor the principal changing the policy
   * @return the decision; a denial says that the setting needs a Global Administrator
   * @throws NullPointerException if {@code authorizer} or {@code tenant} is null
   */
  public static Decision decideConfiguration(Authorizer authorizer, TenantId tenant, String actor) {
    Decision d = authorizer.authorize(tenant, actor, CONFIGURE, null);
    return d.allowed() ? d : Decision.deny("configuring the guest domain allow or deny list requires a Global "
        + "Administrator: " + d.reason());
  }

  /**
   * Returns a policy of another mode; switching mode discards the list (§4.3).
   *
   * @param newMode the mode
   * @param newDomains the new list
   * @return the new policy
   */
  public InvitationDomainPolicy switchTo(Mode newMode, List<String> newDomains) {
    return switch (newMode) {
      case ANY_DOMAIN -> ANY;
      case ALLOW_LIST -> allowList(newDomains);
      case DENY_LIST -> denyList(newDomains);
    };
  }

  /**
   * Serialises the policy as Microsoft's legacy {@code B2BManagementPolicy} JSON.
   *
   * @return the JSON text
   */
  public String toPolicyJson() {
    return json(mode, domains);
  }

  private static String json(Mode mode, List<DomainName> domains) {
    StringBuilder allowed = new StringBuilder();
    StringBuilder blocked = new StringBuilder();
    StringBuilder target = mode == Mode.ALLOW_LIST ? allowed : blocked;
    for (DomainName d : domains) {
      target.append(target.length() == 0 ? "" : ",").append('"').append(d.value()).append('"');
    }
    return "{\"B2BManagementPolicy\":{\"InvitationsAllowedAndBlockedDomainsPolicy\":{\"AllowedDomains\":["
        + allowed + "],\"BlockedDomains\":[" + blocked + "]}}}";
  }

  /**
   * The listed domains as a set of strings.
   *
   * @return the domain names
   */
  public Set<String> domainNames() {
    Set<String> out = new LinkedHashSet<>();
    domains.forEach(d -> out.add(d.value()));
    return out;
  }
}
