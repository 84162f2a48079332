/**
 * JMH benchmarks that measure each engine against the tool a user would otherwise pick (jCasbin, DuckDB, the JDK's AES-GCM and Tink), on the same data in the same run.
 *
 * <p>Each benchmark has an {@code engine} parameter ({@code tenantry} and the peers' names) behind
 * one small interface per area: {@code store} (encrypted put+get), {@code authz} (permission
 * checks) and {@code reports} (a D30 distinct-user report). Every setup checks that its engine gives
 * the expected answers before anything is timed. {@link io.tenantry.benchmarks.Compare} turns a
 * JMH JSON result into one "ours vs peer" line per comparison; {@code benchmarks/run} runs them.
 */
package io.tenantry.benchmarks;
