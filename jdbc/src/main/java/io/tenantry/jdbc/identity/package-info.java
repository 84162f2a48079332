/**
 * Identity's ports over JDBC, on PostgreSQL and H2: {@link
 * io.tenantry.jdbc.identity.JdbcDirectoryStore} (each tenant's directory in relational rows, with
 * the version the Authorizer caches by, and a version-conditioned write for admins who race) and
 * {@link io.tenantry.jdbc.identity.JdbcOffboardingProgressStore} (the completed offboarding steps).
 * Both are built from a {@link io.tenantry.jdbc.JdbcDatabase}; every call is one transaction scoped
 * to one tenant. As for the audit log, limits of the database apply to stored strings:
 * PostgreSQL refuses the character U+0000 and indexes an id of up to about 2,700 bytes.
 */
package io.tenantry.jdbc.identity;
