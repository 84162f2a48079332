package io.tenantry.identity;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Objects;

/**
 * The scope of a role assignment ({@code directoryScopeId}, {@code directory-semantics.md} §2.2):
 * the whole tenant ({@code /}), the members of one administrative unit
 * ({@code /administrativeUnits/{id}}), or one directory object ({@code /{objectId}}).
 */
public sealed interface Scope permits Scope.Tenant, Scope.AdminUnit, Scope.DirectoryObject {

  /** The tenant scope {@code /}. */
  Scope TENANT = new Tenant();

  /**
   * Parses a {@code directoryScopeId}.
   *
   * @param text {@code /}, {@code /administrativeUnits/{id}} or {@code /{objectId}}
   * @return the scope
   * @throws ValidationException naming the field {@code scope} and the text, if it is none of these
   */
  static Scope parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw new ValidationException(Problem.of("scope",
          "must be '/', '/administrativeUnits/{id}' or '/{objectId}'", text));
    }
    if (text.equals("/")) {
      return TENANT;
    }
    String rest = text.substring(1);
    if (rest.startsWith("administrativeUnits/")) {
      String id = rest.substring("administrativeUnits/".length());
      if (id.isEmpty() || id.contains("/")) {
        throw new ValidationException(Problem.of("scope", "an AU scope names exactly one AU id", text));
      }
      return new AdminUnit(AdminUnitId.of(id));
    }
    if (rest.isEmpty() || rest.contains("/") || !rest.strip().equals(rest)) {
      throw new ValidationException(Problem.of("scope",
          "must be '/', '/administrativeUnits/{id}' or '/{objectId}'", text));
    }
    return new DirectoryObject(rest);
  }

  /**
   * Returns the {@code directoryScopeId} text.
   *
   * @return the scope as Graph writes it
   */
  String text();

  /** The whole tenant. */
  record Tenant() implements Scope {
    @Override
    public String text() {
      return "/";
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /**
   * The members of one administrative unit (not the AU object itself, §1.4).
   *
   * @param id the AU
   */
  record AdminUnit(AdminUnitId id) implements Scope {
    /**
     * Validates the scope.
     *
     * @throws NullPointerException if {@code id} is null
     */
    public AdminUnit {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String text() {
      return "/administrativeUnits/" + id.value();
    }

    @Override
    public String toString() {
      return text();
    }
  }

  /**
   * One directory object (a group, service principal or other object).
   *
   * @param objectId the object's id
   */
  record DirectoryObject(String objectId) implements Scope {
    /**
     * Validates the scope.
     *
     * @throws NullPointerException if {@code objectId} is null
     * @throws ValidationException if it is blank
     */
    public DirectoryObject {
      Objects.requireNonNull(objectId, "objectId");
      if (objectId.isBlank()) {
        throw new ValidationException(Problem.of("scope", "the object id must not be blank", objectId));
      }
    }

    @Override
    public String text() {
      return "/" + objectId;
    }

    @Override
    public String toString() {
      return text();
    }
  }
}
