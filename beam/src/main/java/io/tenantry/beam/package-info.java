/**
 * An Apache Beam adapter: the report aggregation as PTransforms and a CombineFn over the engine's mergeable partial aggregates, so a host can run it on Flink, Spark or Dataflow.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.beam;
