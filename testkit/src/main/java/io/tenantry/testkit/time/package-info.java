/** Time for tests: {@link io.tenantry.testkit.time.MutableInstantSource}. */
package io.tenantry.testkit.time;
