package io.tenantry.cli;

import io.tenantry.core.spi.IdGenerator;
import io.tenantry.datastore.FolderStore;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Another command, run in a JVM of its own by {@link DbOptionLockTest}: opens a {@code --db} store
 * as a store command does (its lock and its H2 database), prints {@code held}, keeps both for the
 * milliseconds given, then exits.
 */
final class DbHolder {
  private DbHolder() {
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    try (DbOption db = DbOption.open(args[1]);
        FolderStore store = FolderStore.open(root, null, FolderStore.DEFAULT_LOCK_WAIT,
            InstantSource.system(), IdGenerator.random(), db.storeStorage())) {
      System.out.println("held");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[2]));
    }
  }
}
