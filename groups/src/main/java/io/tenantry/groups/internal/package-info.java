/** The group lifecycle engine; not exported. */
package io.tenantry.groups.internal;
