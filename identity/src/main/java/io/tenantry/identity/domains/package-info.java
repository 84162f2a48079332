/**
 * Domains of a tenant: add, verify by TXT, MX or e-mailed code, primary domain, and removal with
 * automated renames ({@link io.tenantry.identity.domains.DomainManager}).
 */
package io.tenantry.identity.domains;
