package io.tenantry.testkit.datastore;

import io.tenantry.datastore.spi.FolderKeysetStore;
import io.tenantry.datastore.spi.KeysetStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The {@link KeysetStoreContract} run against {@link FolderKeysetStore}. */
class FolderKeysetStoreContractTest extends KeysetStoreContract {
  @TempDir
  Path dir;

  @Override
  protected KeysetStore newStore() {
    return new FolderKeysetStore(dir.resolve("keys"));
  }
}
