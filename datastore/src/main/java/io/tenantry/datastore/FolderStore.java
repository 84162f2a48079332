package io.tenantry.datastore;

import io.tenantry.core.DataLocation;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.FolderAuditLog;
import io.tenantry.datastore.spi.FolderBlobReplica;
import io.tenantry.datastore.spi.KeysetStore;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The embedded default of the store on local folders, as {@code tenantry store} uses it:
 *
 * <pre>
 * DIR/store.properties           geos (central first), replicas, write quorum, chunk size
 * DIR/geos/G/replica-N/          the replicas of geo G ({@link FolderBlobReplica})
 * DIR/keys/                      tenant keysets, encrypted under the master key
 *                                ({@link TinkKeyEncryptionService}); master.key when generated
 * DIR/audit/                     the audit trail, JSON lines per tenant ({@link FolderAuditLog})
 * DIR/.lock                      the lock every command on DIR holds
 * </pre>
 *
 * <p>An open store holds an exclusive lock on {@code DIR/.lock} until {@link #close()}; a second
 * opener waits up to its timeout and then fails with {@link StoreLockedException}.
 *
 * <p><b>External storage.</b> A store created with an {@link ExternalStorage} (such as a database:
 * {@code tenantry store … --db}) keeps in DIR only {@code store.properties} (which records {@code
 * storage=external}), the generated master key when there is one, and the lock; its replicas,
 * tenant keysets and audit trail live in that storage. Such a store opens only with an external
 * storage, and a folder store only without one, so state is never split between the two.
 */
public final class FolderStore implements AutoCloseable {
  /** The environment variable holding the master key (base64 of 32 bytes). */
  public static final String MASTER_KEY_ENV = "TENANTRY_MASTER_KEY";
  /** How long a command waits for the lock by default. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);
  /** The default chunk size, 4 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

  /**
   * Where a store's replicas, encrypted tenant keysets and audit trail live when not under its
   * folder, e.g. in a database.
   */
  public interface ExternalStorage {
    /**
     * Returns one replica of a geo.
     *
     * @param geo the geo
     * @param index the replica's number in the geo, 1 to {@link Layout#replicas()}
     * @param name the replica's name for messages, {@code <geo>/replica-<index>}
     * @return the replica; the same arguments must denote the same replica in every run
     */
    BlobReplica replica(DataLocation geo, int index, String name);

    /**
     * Returns where the tenants' keysets are kept (encrypted under the master key).
     *
     * @return the key store
     */
    KeysetStore keysets();

    /**
     * Returns the audit trail.
     *
     * @return the audit log
     */
    AuditLog audit();
  }

  /** The {@code storage} value of {@code store.properties} of a store with external storage. */
  static final String EXTERNAL = "external";

  /**
   * A store folder's fixed configuration.
   *
   * @param geos the geos, central first, no repeats
   * @param replicas replicas per geo, 1 to 16
   * @param writeQuorum W, 1 to {@code replicas}
   * @param chunkSize bytes per chunk, 1 to 64 MiB
   */
  public record Layout(List<DataLocation> geos, int replicas, int writeQuorum, int chunkSize) {
    /**
     * Validates the layout, listing every problem.
     *
     * @throws ValidationException naming each bad setting and its value
     */
    public Layout {
      geos = List.copyOf(geos);
      Problems p = new Problems();
      if (geos.isEmpty()) {
        p.add("geos", "at least one geo is required", "");
      }
      for (int i = 0; i < geos.size(); i++) {
        if (geos.indexOf(geos.get(i)) != i) {
          p.add("geos[" + i + "]", "is listed twice", geos.get(i).code());
        }
      }
      if (replicas < 1 || replicas > 16) {
        p.add("replicas", "must be between 1 and 16", replicas);
      }
      if (writeQuorum < 1 || writeQuorum > replicas) {
        p.add("write-quorum", "must be between 1 and --replicas (" + replicas + ")", writeQuorum);
      }
      if (chunkSize < 1 || chunkSize > 64 * 1024 * 1024) {
        p.add("chunkSize", "must be between 1 byte and 64 MiB", chunkSize);
      }
      p.throwIfAny();
    }

    /**
     * Returns the geography: the first geo is central, the others satellites.
     *
     * @return the geography
     */
    public TenantGeography geography() {
      return new TenantGeography(geos.get(0), geos.subList(1, geos.size()));
    }
  }

  private final Path dir;
  private final Layout layout;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final EncryptedStore store;
  private final AuditLog audit;

  private FolderStore(Path dir, Layout layout, FileChannel lockChannel, FileLock lock,
      EncryptedStore store, AuditLog audit) {
    this.dir = dir;
    this.layout = layout;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.store = store;
    this.audit = audit;
  }

  /**
   * Creates a store folder. The folder must be absent or empty.
   *
   * @param dir the folder
   * @param layout the configuration
   * @param masterKeyBase64 the master key, or null to generate {@code DIR/keys/master.key}
   * @return true when a master key file was generated (the caller warns that a real deployment
   *     wires a key service)
   * @throws ConflictException of kind {@code STORE_NOT_EMPTY} if the folder holds anything
   * @throws ValidationException if the master key is not base64 of 32 bytes
   * @throws PortFailureException if the folders cannot be created
   */
  public static boolean init(Path dir, Layout layout, String masterKeyBase64) {
    return init(dir, layout, masterKeyBase64, false);
  }

  /**
   * Creates a store folder whose replicas, keysets and audit trail live in its folder or, when
   * {@code external}, in an {@link ExternalStorage} given to every {@link #open}. The folder must
   * be absent or empty.
   *
   * @param dir the folder
   * @param layout the configuration
   * @param masterKeyBase64 the master key, or null to generate {@code DIR/keys/master.key}
   * @param external whether the data lives in an external storage
   * @return true when a master key file was generated
   * @throws ConflictException of kind {@code STORE_NOT_EMPTY} if the folder holds anything
   * @throws ValidationException if the master key is not base64 of 32 bytes
   * @throws PortFailureException if the folders cannot be created
   */
  public static boolean init(Path dir, Layout layout, String masterKeyBase64, boolean external) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(layout, "layout");
    if (masterKeyBase64 != null) {
      MasterKey.fromBase64(masterKeyBase64);
    }
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new ConflictException("STORE_NOT_EMPTY", "cannot create a store at " + dir
              + ": it is a file, not a folder");
        }
        try (Stream<Path> s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            throw new ConflictException("STORE_NOT_EMPTY", "cannot create a store at " + dir
                + ": the folder is not empty");
          }
        }
      }
      Files.createDirectories(dir.resolve("keys"));
      if (!external) {
        for (DataLocation g : layout.geos()) {
          for (int i = 1; i <= layout.replicas(); i++) {
            Files.createDirectories(dir.resolve("geos").resolve(g.code()).resolve("replica-" + i));
          }
        }
        Files.createDirectories(dir.resolve("audit"));
      }
      Properties p = new Properties();
      p.setProperty("format", "1");
      if (external) {
        p.setProperty("storage", EXTERNAL);
      }
      List<String> codes = new ArrayList<>();
      layout.geos().forEach(g -> codes.add(g.code()));
      p.setProperty("geos", String.join(",", codes));
      p.setProperty("replicas", Integer.toString(layout.replicas()));
      p.setProperty("writeQuorum", Integer.toString(layout.writeQuorum()));
      p.setProperty("chunkSize", Integer.toString(layout.chunkSize()));
      StringWriter w = new StringWriter();
      p.store(w, "tenantry store");
      Files.writeString(dir.resolve("store.properties"), w.toString(), StandardCharsets.UTF_8);
      if (masterKeyBase64 == null) {
        Path key = dir.resolve("keys").resolve("master.key");
        Files.writeString(key, MasterKey.generateBase64() + "\n", StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file keeps the folder's default permissions
        }
        return true;
      }
      return false;
    } catch (IOException e) {
      throw new PortFailureException("cannot create the store at " + dir + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Tells whether a folder holds a store (has {@code store.properties}).
   *
   * @param dir the folder
   * @return true when it does
   */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve("store.properties"));
  }

  /**
   * Reads a store folder's configuration.
   *
   * @param dir the folder
   * @return the layout
   * @throws NotFoundException if the folder holds no store
   * @throws ValidationException if {@code store.properties} is malformed (naming the file)
   */
  public static Layout readLayout(Path dir) {
    Properties p = readProperties(dir);
    Path f = dir.resolve("store.properties");
    try {
      List<DataLocation> geos = new ArrayList<>();
      for (String code : p.getProperty("geos", "").split(",")) {
        geos.add(io.tenantry.core.GeoRegistry.withObserved().require(code));
      }
      return new Layout(geos, Integer.parseInt(p.getProperty("replicas", "")),
          Integer.parseInt(p.getProperty("writeQuorum", "")),
          Integer.parseInt(p.getProperty("chunkSize", Integer.toString(DEFAULT_CHUNK_SIZE))));
    } catch (NumberFormatException | ValidationException e) {
      throw new ValidationException(Problem.of("store.properties", f + " is malformed: "
          + e.getMessage(), null));
    }
  }

  /**
   * Opens a store folder, waiting for its lock.
   *
   * @param dir the folder
   * @param masterKeyBase64 the master key, or null to use {@code DIR/keys/master.key}
   * @param lockWait how long to wait for another command's lock
   * @param clock the clock for audit records
   * @param ids the generator of audit record ids
   * @return the open store; close it to release the lock
   * @throws NotFoundException if the folder holds no store or there is no master key
   * @throws StoreLockedException if the lock was not free within {@code lockWait}
   */
  public static FolderStore open(Path dir, String masterKeyBase64, Duration lockWait,
      InstantSource clock, IdGenerator ids) {
    return open(dir, masterKeyBase64, lockWait, clock, ids, null);
  }

  /**
   * Tells whether a store folder keeps its data in an external storage ({@link #init(Path,
   * Layout, String, boolean)} with {@code external}).
   *
   * @param dir the folder
   * @return true for a store created with external storage
   * @throws NotFoundException if the folder holds no store
   */
  public static boolean usesExternalStorage(Path dir) {
    return EXTERNAL.equals(readProperties(dir).getProperty("storage"));
  }

  /**
   * Opens a store folder, waiting for its lock, with its data in its folder (when {@code storage}
   * is null) or in an external storage.
   *
   * @param dir the folder
   * @param masterKeyBase64 the master key, or null to use {@code DIR/keys/master.key}
   * @param lockWait how long to wait for another command's lock
   * @param clock the clock for audit records
   * @param ids the generator of audit record ids
   * @param storage the external storage of a store created with one, else null
   * @return the open store; close it to release the lock
   * @throws NotFoundException if the folder holds no store or there is no master key
   * @throws ConflictException of kind {@code STORAGE_MISMATCH} if the store was created with
   *     external storage and none is given, or the other way round
   * @throws StoreLockedException if the lock was not free within {@code lockWait}
   */
  public static FolderStore open(Path dir, String masterKeyBase64, Duration lockWait,
      InstantSource clock, IdGenerator ids, ExternalStorage storage) {
    if (usesExternalStorage(dir) != (storage != null)) {
      throw new ConflictException("STORAGE_MISMATCH", storage == null
          ? "the store at " + dir + " keeps its data in an external storage (a database): give"
              + " that storage (--db) to open it"
          : "the store at " + dir + " keeps its data in its folder, not in an external storage"
              + " (--db applies to stores created with --db)");
    }
    Layout layout = readLayout(dir);
    MasterKey master = masterKey(dir, masterKeyBase64);
    FileChannel ch;
    try {
      ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new PortFailureException("cannot open the lock file of " + dir + ": "
          + e.getMessage(), e);
    }
    FileLock lock = acquire(dir, ch, lockWait);
    try {
      EncryptedStore.Builder b = EncryptedStore.builder().geography(layout.geography())
          .writeQuorum(layout.writeQuorum()).chunkSize(layout.chunkSize())
          .keys(storage == null ? TinkKeyEncryptionService.inFolder(dir.resolve("keys"), master)
              : TinkKeyEncryptionService.over(storage.keysets(), master))
          .clock(clock).ids(ids);
      AuditLog audit = storage == null ? new FolderAuditLog(dir.resolve("audit")) : storage.audit();
      b.audit(audit);
      for (DataLocation g : layout.geos()) {
        List<BlobReplica> reps = new ArrayList<>();
        for (int i = 1; i <= layout.replicas(); i++) {
          String name = g.code() + "/replica-" + i;
          reps.add(storage == null ? new FolderBlobReplica(name,
              dir.resolve("geos").resolve(g.code()).resolve("replica-" + i))
              : storage.replica(g, i, name));
        }
        b.replicas(g, reps);
      }
      return new FolderStore(dir, layout, ch, lock, b.build(), audit);
    } catch (RuntimeException e) {
      release(ch, lock);
      throw e;
    }
  }

  private static Properties readProperties(Path dir) {
    Path f = dir.resolve("store.properties");
    if (!Files.isRegularFile(f)) {
      throw new NotFoundException("no store at " + dir + " (" + f + " is missing; run"
          + " 'tenantry store init' first)");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new PortFailureException("cannot read " + f + ": " + e.getMessage(), e);
    }
    return p;
  }

  private static MasterKey masterKey(Path dir, String base64) {
    if (base64 != null) {
      return MasterKey.fromBase64(base64);
    }
    Path f = dir.resolve("keys").resolve("master.key");
    if (!Files.isRegularFile(f)) {
      throw new NotFoundException("no master key for the store at " + dir + ": set "
          + MASTER_KEY_ENV + " (base64 of 32 bytes), as when the store was created");
    }
    try {
      return MasterKey.fromBase64(Files.readString(f, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new PortFailureException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static FileLock acquire(Path dir, FileChannel ch, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      try {
        FileLock l = ch.tryLock();
        if (l != null) {
          return l;
        }
      } catch (OverlappingFileLockException e) {
        // held by this process: wait like for any other holder
      } catch (IOException e) {
        release(ch, null);
        throw new PortFailureException("cannot lock " + dir + ": " + e.getMessage(), e);
      }
      if (System.nanoTime() - deadline >= 0) {
        release(ch, null);
        throw new StoreLockedException("the store at " + dir + " is locked by another command;"
            + " waited " + wait.toSeconds() + " s");
      }
      try {
        Thread.sleep(Math.max(1, Math.min(100, wait.toMillis() / 10)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        release(ch, null);
        throw new StoreLockedException("interrupted while waiting for the lock of " + dir);
      }
    }
  }

  private static void release(FileChannel ch, FileLock lock) {
    try {
      if (lock != null) {
        lock.release();
      }
      ch.close();
    } catch (IOException e) {
      // closing the channel releases the lock; nothing more can be done
    }
  }

  /**
   * Returns the store.
   *
   * @return the store over this folder
   */
  public EncryptedStore store() {
    return store;
  }

  /**
   * Returns the audit trail of this store (under its folder, or in its external storage).
   *
   * @return the log
   */
  public AuditLog audit() {
    return audit;
  }

  /**
   * Returns the folder's configuration.
   *
   * @return the layout
   */
  public Layout layout() {
    return layout;
  }

  /**
   * Returns the folder.
   *
   * @return the store's root
   */
  public Path dir() {
    return dir;
  }

  /** Releases the lock. */
  @Override
  public void close() {
    release(lockChannel, lock);
  }
}
