/**
 * Group lifecycle: the model ({@link io.tenantry.groups.Group}, {@link
 * io.tenantry.groups.GroupState}, {@link io.tenantry.groups.ExpirationPolicy}, {@link
 * io.tenantry.groups.NamingPolicy}) and the entry points: {@link
 * io.tenantry.groups.LifecycleEngine}, the pure daily engine that returns the events a day causes,
 * and {@link io.tenantry.groups.GroupLifecycleService}, which runs it for a host and applies the
 * events through the ports of {@link io.tenantry.groups.spi}.
 */
package io.tenantry.groups;
