/** The identity engine: the compiled per-tenant directory snapshot. Not exported. */
package io.tenantry.identity.internal;
