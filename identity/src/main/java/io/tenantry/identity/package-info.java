/**
 * Directory and role-based administration: users and guests, groups, administrative units
 * (assigned, dynamic, restricted management), built-in roles as data ({@link
 * io.tenantry.identity.BuiltInRoles}), custom roles, scoped role assignments, the anti-escalation
 * matrices, and the {@link io.tenantry.identity.Authorizer} with its
 * {@link io.tenantry.identity.Decision} values, explanations and scoped views.
 *
 * <p>Entry points: build a {@link io.tenantry.identity.Directory} per tenant, put it in a
 * {@link io.tenantry.identity.spi.DirectoryStore}, and ask an {@code Authorizer} over that store.
 */
package io.tenantry.identity;
