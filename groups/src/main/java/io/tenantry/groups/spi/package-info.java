/**
 * The ports a host implements for the group lifecycle (group store, activity source, notifier,
 * directory lookups, authorization), each with a named in-memory implementation.
 */
package io.tenantry.groups.spi;
