/**
 * Groups' storage ports over JDBC, on PostgreSQL and H2: {@link
 * io.tenantry.jdbc.groups.JdbcGroupStore} (groups with their lifecycle status) and {@link
 * io.tenantry.jdbc.groups.JdbcGroupSettingsStore} (a tenant's group settings), each with a version
 * column so a write based on a stale read is refused rather than undoing a concurrent change. Both
 * are built from a {@link io.tenantry.jdbc.JdbcDatabase}; every call is one transaction scoped to
 * one tenant. As for the audit log, limits of the database apply to stored strings:
 * PostgreSQL refuses the character U+0000 and indexes an id of up to about 2,700 bytes.
 *
 * <p>The groups module's other ports are not stored here: {@link
 * io.tenantry.groups.spi.GroupActivity} answers from the host's activity data (the reports
 * module's ingestion, SharePoint and Teams signals), and {@link
 * io.tenantry.groups.spi.DirectoryLookup} reads the host's directory; Tenantry writes neither, so
 * they have no tables of their own.
 */
package io.tenantry.jdbc.groups;
