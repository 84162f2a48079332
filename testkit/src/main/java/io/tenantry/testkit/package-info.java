/**
 * Contract tests (TCKs) for Tenantry's ports. To check an adapter, extend the port's contract
 * class and return a fresh instance of the adapter from its factory method; every test of the
 * contract then runs against it. Tenant isolation is part of every contract.
 */
package io.tenantry.testkit;
