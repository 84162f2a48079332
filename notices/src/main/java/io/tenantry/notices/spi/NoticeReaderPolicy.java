package io.tenantry.notices.spi;

import io.tenantry.core.TenantId;
import io.tenantry.notices.internal.BuiltInNoticeRoles;
import java.util.Set;

/**
 * Decides what an admin may read in the message center and service health, from the names of the
 * roles the admin holds. The notices engines ask it before showing, mailing or digesting anything:
 * an admin whose rights are {@link ReadingRights#NONE} gets nothing.
 *
 * <p>This port stands in for the identity module's Authorizer: a host that has it wires a policy
 * that asks the Authorizer for the three actions of {@link ReadingRights} (custom roles included).
 * {@link #builtInRoles()} is the default: the built-in Entra roles that hold those actions.
 *
 * <p>Contract: every call is scoped to one tenant (custom roles are per tenant); calls are pure
 * and may come from several threads at once; an implementation must not block for long and
 * signals failure with {@link io.tenantry.core.error.PortFailureException}, which the engines let
 * escape (they fail closed: no right is assumed).
 */
public interface NoticeReaderPolicy {

  /**
   * Returns what a holder of the given roles may read.
   *
   * @param tenant the tenant the roles are held in
   * @param roleNames the names of the roles held (e.g. {@code Message Center Reader})
   * @return the rights; {@link ReadingRights#NONE} when no role grants any
   * @throws io.tenantry.core.error.PortFailureException if the decision cannot be made
   */
  ReadingRights rightsOf(TenantId tenant, Set<String> roleNames);

  /**
   * Returns the default policy: the built-in Entra roles whose permissions (Microsoft's Entra
   * built-in roles permissions reference, as summarised in {@code directory-semantics.md} §2.3)
   * include {@code microsoft.office365.messageCenter/messages/read}, {@code
   * .../securityMessages/read} or {@code microsoft.office365.serviceHealth/allEntities/allTasks}.
   * Role names are matched ignoring case and surrounding white space; unknown names grant nothing.
   * For example Message Center Reader may read messages but not security messages; Global Reader
   * and Global Administrator may read all three; Service Support Administrator may read service
   * health only.
   *
   * @return the built-in role policy (stateless, thread-safe)
   */
  static NoticeReaderPolicy builtInRoles() {
    return (tenant, roleNames) -> BuiltInNoticeRoles.rightsOf(tenant, roleNames);
  }
}
