/** jqwik arbitraries for Tenantry's ids and values, for property tests of engines and adapters. */
package io.tenantry.testkit.arbitraries;
