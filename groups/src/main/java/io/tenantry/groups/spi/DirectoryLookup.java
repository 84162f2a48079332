package io.tenantry.groups.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.AdminRole;
import io.tenantry.groups.UserAttributes;
import java.util.Set;

/**
 * What the group rules need to know about users and other directory objects, read from the host's
 * directory (in a full deployment, the identity module): an actor's tenant-wide admin roles, the
 * attributes the naming policy uses, how many objects a user created, and whether an e-mail address
 * is taken by an object that is not a group. {@link InMemoryDirectoryLookup} is the in-memory
 * implementation.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Tenant scope.</b> Every call is scoped to exactly one tenant; a user of another tenant
 *       has no roles, no attributes and no objects here.</li>
 *   <li><b>Pure reads</b>, thread-safe, may block.</li>
 *   <li><b>Failures.</b> {@link io.tenantry.core.error.PortFailureException}; callers fail closed
 *       (an unknown role set is treated as no exemption).</li>
 * </ul>
 */
public interface DirectoryLookup {

  /**
   * Returns the built-in admin roles a user holds at tenant scope (AU-scoped assignments do not
   * count).
   *
   * @param tenant the tenant
   * @param user the user
   * @return the roles; empty for a non-admin or unknown user
   */
  Set<AdminRole> tenantRoles(TenantId tenant, UserId user);

  /**
   * Returns the attributes of a user that a naming policy may use.
   *
   * @param tenant the tenant
   * @param user the user
   * @return the attributes; {@link UserAttributes#NONE} for an unknown user
   */
  UserAttributes attributes(TenantId tenant, UserId user);

  /**
   * Counts the directory objects a user created that count toward the non-admin quota of 250
   * (restorable deleted objects included).
   *
   * @param tenant the tenant
   * @param user the user
   * @return the count
   */
  int createdObjectCount(TenantId tenant, UserId user);

  /**
   * Tells whether a live object that is not a group (a user, a contact) uses an e-mail address or
   * alias, compared case-insensitively.
   *
   * @param tenant the tenant
   * @param address an SMTP address or an alias
   * @return true when taken
   */
  boolean addressInUse(TenantId tenant, String address);
}
