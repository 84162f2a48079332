/**
 * JMH benchmarks that measure each engine against the tool a user would otherwise pick (jCasbin, DuckDB, the JDK's AES-GCM and Tink), on the same data in the same run.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.benchmarks;
