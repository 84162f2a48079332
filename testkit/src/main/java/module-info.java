/**
 * Tenantry's testkit: a contract test (TCK) per port that hosts run against their own adapters,
 * jqwik arbitraries, naive reference engines, fault-injecting wrappers and a mutable clock.
 */
module io.tenantry.testkit {
  requires transitive io.tenantry.core;
  requires transitive io.tenantry.datastore;
  requires transitive io.tenantry.identity;
  requires transitive io.tenantry.groups;
  requires transitive io.tenantry.reports;
  requires transitive org.junit.jupiter.api;
  requires transitive net.jqwik.api;
  requires transitive org.assertj.core;
  requires transitive io.tenantry.notices;

  exports io.tenantry.testkit;
  exports io.tenantry.testkit.arbitraries;
  exports io.tenantry.testkit.datastore;
  exports io.tenantry.testkit.groups;
  exports io.tenantry.testkit.identity;
  exports io.tenantry.testkit.reports.score;
  exports io.tenantry.testkit.reports.servicedesk;
  exports io.tenantry.testkit.time;
  exports io.tenantry.testkit.notices;
  exports io.tenantry.testkit.reports;
}
