/**
 * JMH benchmarks that measure each engine against the tool a user would otherwise pick (jCasbin,
 * DuckDB, the JDK's AES-GCM and Tink) or against testkit's naive reference engine, on the same
 * data in the same run.
 *
 * <p>Each benchmark has an {@code engine} parameter ({@code tenantry} and the peers' names) behind
 * one small interface per area: {@code store} (encrypted put+get), {@code authz} (permission
 * checks), {@code reports} (a D30 distinct-user report), {@code groups} (the lifecycle against
 * {@code NaiveLifecycleOracle}) and {@code score} (the Usage Score against {@code
 * NaiveUsageScore}). Every setup checks that its engine gives the expected answers before anything
 * is timed. {@link io.tenantry.benchmarks.Compare} turns JMH JSON results into one line per measure
 * (its javadoc states the convention a benchmark follows to show up); {@code benchmarks/run} runs
 * them.
 */
package io.tenantry.benchmarks;
