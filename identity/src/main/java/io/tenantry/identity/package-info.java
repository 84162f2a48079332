/**
 * Directory and role-based administration: users and guests, domains and their verification, built-in and custom roles with scoped assignments, administrative units (assigned, dynamic, restricted management), the Authorizer with its decisions and explanations, scoped views, the guest invitation policy and the offboarding guide.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.identity;
