/**
 * Authorization scenario files ({@code tenantry authz test}): {@link
 * io.tenantry.identity.scenario.ScenarioLoader} reads and validates a file,
 * {@link io.tenantry.identity.scenario.ScenarioRunner} runs it through the Authorizer.
 */
package io.tenantry.identity.scenario;
