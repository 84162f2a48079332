package io.tenantry.groups;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant's guest domain policy (B2B {@code InvitationsAllowedAndBlockedDomainsPolicy},
 * directory-semantics §4.3 and 9.7): invitations to any domain, an allow list (everything else
 * blocked) or a deny list (everything else allowed), never both.
 *
 * <p>Domains are stored lowercase. Matching is exact by default; {@code matchSubdomains} also
 * matches subdomains of a listed domain (Microsoft documents neither, 9.7). Entries holding {@code *}
 * are refused so no wildcard support is implied. The policy, serialized as Microsoft's JSON, must fit
 * in 25,000 characters. Switching mode discards the list: build a new policy.
 *
 * @param mode any domain, allow list or deny list
 * @param domains the listed domains (empty for {@link Mode#ANY_DOMAIN})
 * @param matchSubdomains whether {@code a.contoso.com} matches a listed {@code contoso.com}
 */
public record GuestDomainPolicy(Mode mode, Set<String> domains, boolean matchSubdomains) {

  /** The largest serialized policy, in characters. */
  public static final int MAX_POLICY_CHARACTERS = 25_000;

  /** The three mutually exclusive modes. */
  public enum Mode {
    /** Invitations to any domain (the default). */
    ANY_DOMAIN,
    /** Only the listed domains may be invited. */
    ALLOW_LIST,
    /** Every domain but the listed ones may be invited. */
    DENY_LIST
  }

  /**
   * Validates the policy, lowercases and sorts its domains.
   *
   * @throws ValidationException listing every problem: a domain list with {@code ANY_DOMAIN}, a
   *     blank entry, an entry with {@code *}, a serialized policy over 25,000 characters
   */
  public GuestDomainPolicy {
    Objects.requireNonNull(mode, "mode");
    Problems problems = new Problems();
    TreeSet<String> clean = new TreeSet<>();
    for (String d : domains) {
      String t = Objects.requireNonNull(d, "domain").strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        problems.add("guestDomains.domains", "must not hold a blank domain", d);
      } else if (t.contains("*")) {
        problems.add("guestDomains.domains", "wildcards are not supported; list each domain", d);
      } else {
        clean.add(t);
      }
    }
    if (mode == Mode.ANY_DOMAIN && !clean.isEmpty()) {
      problems.add("guestDomains.mode", "an AnyDomain policy cannot list domains", clean);
    }
    domains = Set.copyOf(clean);
    int size = json(mode, clean).length();
    if (size > MAX_POLICY_CHARACTERS) {
      problems.add("guestDomains.domains", "the policy would be " + size + " characters; at most "
          + MAX_POLICY_CHARACTERS + " are allowed", clean.size() + " domains");
    }
    problems.throwIfAny();
  }

  /**
   * Returns the default policy: invitations to any domain.
   *
   * @return the policy
   */
  public static GuestDomainPolicy anyDomain() {
    return new GuestDomainPolicy(Mode.ANY_DOMAIN, Set.of(), false);
  }

  /**
   * Returns an allow list with exact matching.
   *
   * @param domains the allowed domains
   * @return the policy
   * @throws ValidationException if a domain is invalid
   */
  public static GuestDomainPolicy allowOnly(Collection<String> domains) {
    return new GuestDomainPolicy(Mode.ALLOW_LIST, Set.copyOf(domains), false);
  }

  /**
   * Returns a deny list with exact matching.
   *
   * @param domains the blocked domains
   * @return the policy
   * @throws ValidationException if a domain is invalid
   */
  public static GuestDomainPolicy deny(Collection<String> domains) {
    return new GuestDomainPolicy(Mode.DENY_LIST, Set.copyOf(domains), false);
  }

  /**
   * Tells whether a guest from an address or domain may be invited.
   *
   * @param emailOrDomain {@code someone@fabrikam.com} or {@code fabrikam.com}
   * @return true when the policy lets that domain in
   */
  public boolean allows(String emailOrDomain) {
    String domain = emailOrDomain.substring(emailOrDomain.lastIndexOf('@') + 1).strip()
        .toLowerCase(Locale.ROOT);
    boolean listed = domains.stream().anyMatch(d -> d.equals(domain)
        || (matchSubdomains && domain.endsWith("." + d)));
    return switch (mode) {
      case ANY_DOMAIN -> true;
      case ALLOW_LIST -> listed;
      case DENY_LIST -> !listed;
    };
  }

  /**
   * Serializes the policy as Microsoft's {@code B2BManagementPolicy} JSON.
   *
   * @return the JSON text
   */
  public String toJson() {
    return json(mode, new TreeSet<>(domains));
  }

  private static String json(Mode mode, TreeSet<String> domains) {
    StringBuilder list = new StringBuilder("[");
    for (String d : domains) {
      if (list.length() > 1) {
        list.append(',');
      }
      list.append('"').append(d.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    list.append(']');
    String allowed = mode == Mode.ALLOW_LIST ? list.toString() : "[]";
    String blocked = mode == Mode.DENY_LIST ? list.toString() : "[]";
    return "{\"B2BManagementPolicy\":{\"InvitationsAllowedAndBlockedDomainsPolicy\":"
        + "{\"AllowedDomains\":" + allowed + ",\"BlockedDomains\":" + blocked + "}}}";
  }
}
