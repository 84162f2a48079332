package io.tenantry.identity.domains;

import java.util.Objects;

/**
 * One use of a domain by a directory object, which blocks a plain delete (§6.3): a user's UPN,
 * mail or proxy address, a group's mail or proxy address, or an application's identifier URI.
 *
 * @param kind the kind of object
 * @param objectId the object's id
 * @param attribute the attribute holding the domain, e.g. {@code userPrincipalName}
 * @param value the attribute's value, e.g. {@code alice@contoso.com}
 */
public record DomainReference(Kind kind, String objectId, String attribute, String value) {
  /** The kinds of referencing objects. */
  public enum Kind {
    /** A user. */
    USER,
    /** A group. */
    GROUP,
    /** An application. */
    APPLICATION
  }

  /**
   * Validates the reference.
   *
   * @throws NullPointerException if a component is null
   */
  public DomainReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
  }
}
