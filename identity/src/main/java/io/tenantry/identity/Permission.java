package io.tenantry.identity;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Entra permission string ({@code namespace/entity/…/action}), parsed.
 *
 * <p>Grammar ({@code directory-semantics.md} §2.1, {@code cli.md} rule 2): at least three
 * {@code /}-separated non-empty segments of ASCII letters, digits, {@code .}, {@code _} and
 * {@code -}. The first segment is the namespace (it starts with {@code microsoft.}), the second
 * the entity with any qualifier ({@code groups}, {@code groups.unified}, {@code deletedItems.users},
 * {@code allEntities}), the last the action ({@code read}, {@code update}, {@code allTasks}, custom
 * verbs), and whatever lies between is the property set, which may be empty
 * ({@code microsoft.directory/users/create}) or contain {@code /}.
 *
 * <p>Matching ({@link #grants(Permission)}): a granted permission covers a requested one when the
 * namespaces are equal; the entities are equal or the grant's is {@code allEntities}; the property
 * sets are equal or the grant's is {@code allProperties}; and the actions are equal or the grant's is
 * {@code allTasks}. {@code standard} and {@code basic} match only themselves. Comparison is exact
 * (case-sensitive), as Microsoft spells the strings.
 *
 * @param namespace the namespace, e.g. {@code microsoft.directory}
 * @param entity the entity with its qualifier, e.g. {@code users} or {@code groups.unified}
 * @param propertySet the property set, possibly empty, possibly containing {@code /}
 * @param action the action (verb)
 */
public record Permission(String namespace, String entity, String propertySet, String action) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

  /** The entity wildcard. */
  public static final String ALL_ENTITIES = "allEntities";
  /** The property-set wildcard. */
  public static final String ALL_PROPERTIES = "allProperties";
  /** The action wildcard. */
  public static final String ALL_TASKS = "allTasks";

  /**
   * Validates the parts.
   *
   * @throws ValidationException naming the field {@code action} and the bad string, if a part is
   *     null or breaks the grammar
   */
  public Permission {
    Objects.requireNonNull(propertySet, "propertySet");
    String text = join(namespace, entity, propertySet, action);
    String why = problemOf(namespace, entity, propertySet, action);
    if (why != null) {
      throw new ValidationException(Problem.of("action", why, text));
    }
  }

  /**
   * Parses a permission string.
   *
   * @param text the string, e.g. {@code microsoft.directory/users/password/update}
   * @return the permission
   * @throws ValidationException naming the bad string, if it is outside the grammar
   */
  public static Permission parse(String text) {
    if (text == null) {
      throw new ValidationException(Problem.of("action", "must not be null", null));
    }
    String[] parts = text.split("/", -1);
    if (parts.length < 3) {
      throw new ValidationException(Problem.of("action",
          "must be namespace/entity/[propertySet/]action with at least three segments", text));
    }
    String props = parts.length == 3 ? "" : text.substring(
        parts[0].length() + parts[1].length() + 2, text.length() - parts[parts.length - 1].length() - 1);
    if (parts.length > 3 && props.isEmpty()) {
      // "users//update": an empty property-set segment, not the absent one of "users/update"
      throw new ValidationException(Problem.of("action",
          "every property-set segment must be non-empty letters, digits, '.', '_' or '-'", text));
    }
    return new Permission(parts[0], parts[1], props, parts[parts.length - 1]);
  }

  /**
   * Tells whether a string is a well-formed permission, without throwing.
   *
   * @param text the candidate
   * @return true when {@link #parse(String)} would accept it
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  /**
   * Tells whether this permission, held as a grant, covers a requested permission.
   *
   * @param requested the requested action
   * @return true when the grant matches the request by the rules above
   */
  public boolean grants(Permission requested) {
    return namespace.equals(requested.namespace)
        && (entity.equals(ALL_ENTITIES) || entity.equals(requested.entity))
        && (propertySet.equals(ALL_PROPERTIES) || propertySet.equals(requested.propertySet))
        && (action.equals(ALL_TASKS) || action.equals(requested.action));
  }

  /**
   * Tells whether this permission is privileged ({@code directory-semantics.md} §2.1): it is one
   * of the actions Microsoft labels privileged ({@link BuiltInRoles#privilegedActions()}), or, held
   * as a grant, it covers one ({@code microsoft.directory/allEntities/allProperties/allTasks}
   * covers them all). The second half is Tenantry's reading where Microsoft is silent: its labels
   * are given per catalogue action, and a wildcard that reaches a privileged action can do what
   * that action does, so the stricter reading (§9) counts it privileged too.
   *
   * @return true when privileged
   */
  public boolean isPrivileged() {
    for (Permission p : BuiltInRoles.privilegedActions()) {
      if (grants(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the action only reads ({@code read} or a verb ending in {@code Read}, such as
   * {@code restrictedRead}). {@code allTasks} is not a read.
   *
   * @return true for read actions
   */
  public boolean isRead() {
    return action.equals("read") || action.endsWith("Read");
  }

  /**
   * Returns the entity without its qualifier: {@code groups} for {@code groups.unified}, and the
   * qualified part for a {@code deletedItems.x} entity ({@code users} for {@code deletedItems.users}).
   *
   * @return the base entity
   */
  public String baseEntity() {
    if (entity.startsWith("deletedItems.")) {
      return entity.substring("deletedItems.".length());
    }
    int dot = entity.indexOf('.');
    return dot < 0 ? entity : entity.substring(0, dot);
  }

  /**
   * Returns the permission string.
   *
   * @return {@code namespace/entity/[propertySet/]action}
   */
  @Override
  public String toString() {
    return join(namespace, entity, propertySet, action);
  }

  private static String join(String ns, String entity, String props, String action) {
    return props == null || props.isEmpty()
        ? ns + "/" + entity + "/" + action
        : ns + "/" + entity + "/" + props + "/" + action;
  }

  private static String problemOf(String ns, String entity, String props, String action) {
    if (ns == null || entity == null || action == null) {
      return "namespace, entity and action are required";
    }
    if (!SEGMENT.matcher(ns).matches() || !ns.startsWith("microsoft.") || ns.length() == 10) {
      return "the namespace must be 'microsoft.' followed by a service name";
    }
    if (!SEGMENT.matcher(entity).matches()) {
      return "the entity must be letters, digits, '.', '_' or '-'";
    }
    if (!SEGMENT.matcher(action).matches()) {
      return "the action must be letters, digits, '.', '_' or '-'";
    }
    if (!props.isEmpty()) {
      for (String p : props.split("/", -1)) {
        if (!SEGMENT.matcher(p).matches()) {
          return "every property-set segment must be non-empty letters, digits, '.', '_' or '-'";
        }
      }
    }
    return null;
  }
}
