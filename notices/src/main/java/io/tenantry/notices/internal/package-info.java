/**
 * The engine internals of the notices module (rendering, the built-in role table); not exported.
 */
package io.tenantry.notices.internal;
