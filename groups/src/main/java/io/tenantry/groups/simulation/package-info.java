/**
 * The {@code groups simulate} dry run: {@link io.tenantry.groups.simulation.SimulationReader} reads
 * the YAML file of {@code cli.md}, {@link io.tenantry.groups.simulation.Simulation} runs the
 * lifecycle engine over its date range and {@link io.tenantry.groups.simulation.EventJson} renders
 * each event as a JSON line.
 */
package io.tenantry.groups.simulation;
