/**
 * An Apache Beam adapter for the report engine, so a host can compute reports on Flink, Spark or
 * Dataflow: {@link io.tenantry.beam.TenantReports} turns {@code events.jsonl} lines into the
 * report files, built from {@link io.tenantry.beam.AggregateActivity} (lines parsed by the
 * engine's reader) and {@link io.tenantry.beam.AggregateEvents} (events keyed by user-index range,
 * folded by {@link io.tenantry.beam.ActivityCombineFn} with the engine's own aggregator and merged
 * by {@link io.tenantry.beam.MergeAggregatesFn}), then {@link io.tenantry.beam.RenderReports};
 * {@link io.tenantry.beam.PartialAggregateCoder} and {@link io.tenantry.beam.ActivityEventCoder}
 * encode the partial aggregates and events and {@link
 * io.tenantry.beam.BeamReportSpec} ships the tenant, window and directory snapshots to workers.
 */
package io.tenantry.beam;
