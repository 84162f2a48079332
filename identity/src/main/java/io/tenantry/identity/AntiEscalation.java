package io.tenantry.identity;

import io.tenantry.core.RoleId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The anti-escalation matrices of {@code directory-semantics.md} §2.4 as data.
 *
 * <p>Matrix A ("who can reset passwords and invalidate refresh tokens", also used for
 * authentication-method changes) has six actor columns; Matrix B ("sensitive actions": disable,
 * enable, delete, restore, UPN and the SSPR phone/mail properties) is Matrix A restricted to the
 * Authentication, User, Privileged Authentication and Global Administrator columns. A target is
 * protected by every row that applies to it — one per role it holds, plus the role-assignable
 * group row and the RMAU-scoped-role row when they apply — and the actor must be allowed by all
 * of them (9.3). An actor whose role is in no column (a custom role, another built-in role) acts
 * only on targets to which the "no admin role" row alone applies (cli.md rule 6).
 */
public final class AntiEscalation {
  private AntiEscalation() {}

  /** The actor columns. */
  public enum Column {
    /** Password Administrator. */
    PASSWORD_ADMIN,
    /** Helpdesk Administrator. */
    HELPDESK_ADMIN,
    /** Authentication Administrator. */
    AUTH_ADMIN,
    /** User Administrator. */
    USER_ADMIN,
    /** Privileged Authentication Administrator. */
    PRIV_AUTH_ADMIN,
    /** Global Administrator. */
    GLOBAL_ADMIN
  }

  /** The rows that are not a role. */
  public enum SpecialRow {
    /** A user with no admin role (and no other special row). */
    NO_ADMIN_ROLE,
    /** A member or owner of a role-assignable group. */
    ROLE_ASSIGNABLE_GROUP_MEMBER_OR_OWNER,
    /** A user holding a role scoped to a restricted management AU. */
    RMAU_SCOPED_ROLE,
    /** A role the matrix does not list (other built-in roles and every custom role). */
    OTHER_ROLE
  }

  /** Which matrix an action falls under. */
  public enum Kind {
    /** Not a protected action. */
    NONE,
    /** Matrix A: password reset, refresh-token invalidation, authentication methods. */
    A,
    /** Matrix B: sensitive actions. */
    B
  }

  private static final Set<Column> ALL = EnumSet.allOf(Column.class);
  private static final Set<Column> TOP = EnumSet.of(Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN);
  private static final Set<Column> MATRIX_B = EnumSet.of(Column.AUTH_ADMIN, Column.USER_ADMIN,
      Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN);

  private static final Map<RoleId, Set<Column>> ROLE_ROWS = Map.ofEntries(
      Map.entry(BuiltInRoles.AUTHENTICATION_ADMINISTRATOR,
          EnumSet.of(Column.AUTH_ADMIN, Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN)),
      Map.entry(BuiltInRoles.DIRECTORY_READERS, ALL),
      Map.entry(BuiltInRoles.GLOBAL_ADMINISTRATOR, TOP),
      Map.entry(BuiltInRoles.GROUPS_ADMINISTRATOR,
          EnumSet.of(Column.USER_ADMIN, Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN)),
      Map.entry(BuiltInRoles.GUEST_INVITER, ALL),
      Map.entry(BuiltInRoles.HELPDESK_ADMINISTRATOR,
          EnumSet.of(Column.HELPDESK_ADMIN, Column.USER_ADMIN, Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN)),
      Map.entry(BuiltInRoles.MESSAGE_CENTER_READER, EnumSet.complementOf(EnumSet.of(Column.PASSWORD_ADMIN))),
      Map.entry(BuiltInRoles.PASSWORD_ADMINISTRATOR, ALL),
      Map.entry(BuiltInRoles.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, TOP),
      Map.entry(BuiltInRoles.PRIVILEGED_ROLE_ADMINISTRATOR, TOP),
      Map.entry(BuiltInRoles.REPORTS_READER, EnumSet.complementOf(EnumSet.of(Column.PASSWORD_ADMIN))),
      Map.entry(BuiltInRoles.USER_ADMINISTRATOR,
          EnumSet.of(Column.USER_ADMIN, Column.PRIV_AUTH_ADMIN, Column.GLOBAL_ADMIN)),
      Map.entry(BuiltInRoles.USER_EXPERIENCE_SUCCESS_MANAGER,
          EnumSet.complementOf(EnumSet.of(Column.PASSWORD_ADMIN))),
      Map.entry(BuiltInRoles.USAGE_SUMMARY_REPORTS_READER,
          EnumSet.complementOf(EnumSet.of(Column.PASSWORD_ADMIN))));

  private static final Map<SpecialRow, Set<Column>> SPECIAL_ROWS = Map.of(
      SpecialRow.NO_ADMIN_ROLE, ALL,
      SpecialRow.ROLE_ASSIGNABLE_GROUP_MEMBER_OR_OWNER, TOP,
      SpecialRow.RMAU_SCOPED_ROLE, TOP,
      SpecialRow.OTHER_ROLE, TOP);

  private static final Map<RoleId, Column> COLUMNS = Map.of(
      BuiltInRoles.PASSWORD_ADMINISTRATOR, Column.PASSWORD_ADMIN,
      BuiltInRoles.HELPDESK_ADMINISTRATOR, Column.HELPDESK_ADMIN,
      BuiltInRoles.AUTHENTICATION_ADMINISTRATOR, Column.AUTH_ADMIN,
      BuiltInRoles.USER_ADMINISTRATOR, Column.USER_ADMIN,
      BuiltInRoles.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Column.PRIV_AUTH_ADMIN,
      BuiltInRoles.GLOBAL_ADMINISTRATOR, Column.GLOBAL_ADMIN);

  private static final List<String> SENSITIVE_PROPERTIES = List.of("userPrincipalName", "businessPhones",
      "mobilePhone", "otherMails", "onPremisesImmutableId", "passwordProfile", "accountEnabled");

  /**
   * Returns the actor column of a role.
   *
   * @param role the actor's role
   * @return the column, or empty for a role in no column
   */
  public static Optional<Column> column(RoleId role) {
    return Optional.ofNullable(COLUMNS.get(role));
  }

  /**
   * Returns the columns allowed on a target holding a role, by Matrix A.
   *
   * @param heldRole a role the target holds
   * @return the allowed columns; the "other role" row for roles the matrix does not list
   */
  public static Set<Column> allowedOn(RoleId heldRole) {
    return ROLE_ROWS.getOrDefault(heldRole, SPECIAL_ROWS.get(SpecialRow.OTHER_ROLE));
  }

  /**
   * Returns the columns allowed by a special row, by Matrix A.
   *
   * @param row the row
   * @return the allowed columns
   */
  public static Set<Column> allowedOn(SpecialRow row) {
    return SPECIAL_ROWS.get(row);
  }

  /**
   * Tells whether a column may act under a matrix at all (Matrix B has four columns).
   *
   * @param kind the matrix
   * @param column the actor column
   * @return true when the column is part of the matrix
   */
  public static boolean inMatrix(Kind kind, Column column) {
    return kind == Kind.A || MATRIX_B.contains(column);
  }

  /**
   * Classifies a requested action on a user: Matrix A for password reset
   * ({@code users/password/update}), refresh-token invalidation and any
   * non-read authentication-method action; Matrix B for disable, enable, delete, restore
   * ({@code users}, {@code deletedItems.users} and {@code deletedItems}), the sensitive properties (UPN, phones, other
   * mails, on-premises immutable id, password profile, account enabled) and any {@code allProperties} or
   * {@code allTasks} write on users; none otherwise.
   *
   * @param action the requested action
   * @return the matrix, or {@link Kind#NONE}
   */
  public static Kind classify(Permission action) {
    if (!action.namespace().equals("microsoft.directory") || action.isRead()) {
      return Kind.NONE;
    }
    String entity = action.entity();
    String props = action.propertySet();
    String verb = action.action();
    if (entity.equals("deletedItems.users") || entity.equals("deletedItems")) {
      return verb.equals("restore") || verb.equals("delete") || verb.equals(Permission.ALL_TASKS)
          ? Kind.B : Kind.NONE;
    }
    if (!entity.equals("users") && !entity.equals(Permission.ALL_ENTITIES)) {
      return Kind.NONE;
    }
    if (props.equals("password") || props.startsWith("authenticationMethods")
        || (props.isEmpty() && verb.equals("invalidateAllRefreshTokens"))) {
      return Kind.A;
    }
    if (props.isEmpty() && (verb.equals("disable") || verb.equals("enable") || verb.equals("delete")
        || verb.equals("restore") || verb.equals(Permission.ALL_TASKS))) {
      return Kind.B;
    }
    if (SENSITIVE_PROPERTIES.contains(props) || props.equals(Permission.ALL_PROPERTIES)
        || verb.equals(Permission.ALL_TASKS)) {
      return Kind.B;
    }
    return Kind.NONE;
  }
}
