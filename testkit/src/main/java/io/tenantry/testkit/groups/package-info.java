/**
 * Test support for the groups module: the {@link io.tenantry.testkit.groups.GroupStoreContract}
 * TCK and the {@link io.tenantry.testkit.groups.NaiveLifecycleOracle} reference engine.
 */
package io.tenantry.testkit.groups;
