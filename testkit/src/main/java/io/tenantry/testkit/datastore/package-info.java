/**
 * Test support for the datastore: {@link io.tenantry.testkit.datastore.BlobReplicaContract}, the
 * TCK every {@link io.tenantry.datastore.spi.BlobReplica} adapter must pass, and {@link
 * io.tenantry.testkit.datastore.FaultyBlobReplica}, a wrapper that injects failures, slowness,
 * corruption and silent loss.
 */
package io.tenantry.testkit.datastore;
