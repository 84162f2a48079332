/**
 * The report engine as Apache Beam transforms, for Flink, Spark or Dataflow.
 */
module io.tenantry.beam {
  requires transitive io.tenantry.reports;
  requires transitive org.apache.beam.sdk;

  exports io.tenantry.beam;
}
