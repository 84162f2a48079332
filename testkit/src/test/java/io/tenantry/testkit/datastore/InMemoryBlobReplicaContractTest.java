package io.tenantry.testkit.datastore;

import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;

class InMemoryBlobReplicaContractTest extends BlobReplicaContract {
  @Override
  protected BlobReplica newReplica() {
    return new InMemoryBlobReplica("mem");
  }
}
