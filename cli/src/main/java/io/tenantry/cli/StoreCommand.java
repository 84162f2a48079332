package io.tenantry.cli;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.Page;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.NotFoundException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.spi.IdGenerator;
import io.tenantry.core.validation.Problem;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.FolderStore;
import io.tenantry.datastore.NoIntactCopyException;
import io.tenantry.datastore.Listing;
import io.tenantry.datastore.ObjectInfo;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.ReadResult;
import io.tenantry.datastore.StoreLockedException;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.VerifyFinding;
import io.tenantry.datastore.VerifyReport;
import io.tenantry.datastore.WriteQuorumException;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.FolderAuditLog;
import io.tenantry.datastore.spi.KeysetStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenantry store}: the encrypted, replicated, geo-placed store of the datastore module on
 * local folders ({@link FolderStore}), exactly as {@code cli.md} specifies: {@code init}, {@code
 * put}, {@code get}, {@code list}, {@code delete}, {@code rotate-key}, {@code shred-tenant}, {@code
 * verify} and {@code audit}. Every subcommand holds the store's lock (waiting up to 30 s, then exit
 * 75) and records its accesses in the audit trail under {@code DIR/audit/}. With {@code --db
 * JDBC-URL} (given to {@code init} and then to every command on the store), the replicas, the
 * tenants' encrypted keysets and the audit trail live in that database instead (the JDBC adapters),
 * and DIR keeps only {@code store.properties}, a generated master key and the lock.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = {"The encrypted, replicated, geo-placed store on local folders (with --db:",
        "replicas, keys and audit in a database).",
        "Master key: TENANTRY_MASTER_KEY (base64 of 32 bytes), else DIR/keys/master.key."},
    subcommands = {StoreCommand.Init.class, StoreCommand.Put.class, StoreCommand.Get.class,
        StoreCommand.ListObjects.class, StoreCommand.Delete.class, StoreCommand.RotateKey.class,
        StoreCommand.ShredTenant.class, StoreCommand.Verify.class, StoreCommand.Audit.class,
        StoreCommand.Export.class, StoreCommand.Move.class})
public final class StoreCommand extends CommandGroup {
  /** The options every store subcommand takes. */
  static final class Common {
    @Option(names = "--root", required = true, paramLabel = "DIR",
        description = "The store's folder.")
    Path root;

    @Option(names = "--actor", paramLabel = "NAME",
        description = "Who acts, recorded in the audit trail (default: the OS user name).")
    String actor;

    @Option(names = "--db", paramLabel = "JDBC-URL",
        description = {"Keep the replicas, tenant keys and audit trail in this database",
            "(jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB, user and password from",
            "TENANTRY_DB_USER/TENANTRY_DB_PASSWORD); --root then holds only the",
            "configuration, a generated master key and the lock. A store created with",
            "--db is always opened with it."})
    String db;
  }

  /** The shared behaviour of the subcommands: options, opening the store, exit-code mapping. */
  abstract static class Base implements Callable<Integer> {
    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    /** The database of {@code --db}, opened by the first {@link #open()}; null without. */
    private DbOption database;

    @Override
    public final Integer call() throws Exception {
      try {
        return run();
      } catch (WriteQuorumException | StoreLockedException e) {
        throw new CliException(ExitCodes.TEMPORARY_FAILURE, e.getMessage(), e);
      } catch (TenantShreddedException | NoIntactCopyException e) {
        throw new CliException(ExitCodes.DATA_ERROR, e.getMessage(), e);
      } finally {
        if (database != null) {
          database.close();
        }
      }
    }

    /** Opens the database of {@code --db} (once), or returns null without the option. */
    DbOption database() {
      if (common.db != null && database == null) {
        database = DbOption.open(common.db);
      }
      return database;
    }

    /**
     * The store's storage in the database of {@code --db}, opened only when the store first asks
     * for it: {@link FolderStore#open} asks after it holds the store's lock, so a second command
     * waits for that lock (up to 30 s, then exit 75) instead of failing to open an embedded H2
     * file the first command still has open ("Database may be already in use", exit 66).
     */
    private FolderStore.ExternalStorage storageUnderLock() {
      return new FolderStore.ExternalStorage() {
        private FolderStore.ExternalStorage opened;

        private FolderStore.ExternalStorage storage() {
          if (opened == null) {
            opened = database().storeStorage();
          }
          return opened;
        }

        @Override
        public BlobReplica replica(DataLocation geo, int index, String name) {
          return storage().replica(geo, index, name);
        }

        @Override
        public KeysetStore keysets() {
          return storage().keysets();
        }

        @Override
        public AuditLog audit() {
          return storage().audit();
        }
      };
    }

    abstract int run() throws Exception;

    String actor() {
      String a = common.actor != null ? common.actor : System.getProperty("user.name", "");
      if (a == null || a.isBlank()) {
        throw new CliException(ExitCodes.USAGE, "--actor: no actor given and the operating-system"
            + " user name is unknown; pass --actor NAME");
      }
      return a;
    }

    FolderStore open() {
      Path root = common.root;
      if (!FolderStore.exists(root)) {
        throw new CliException(ExitCodes.NO_INPUT, "no store at " + root
            + " (store.properties is missing; run 'tenantry store init --root " + root
            + "' first)");
      }
      if (FolderStore.usesExternalStorage(root) != (common.db != null)) {
        throw new CliException(ExitCodes.USAGE, common.db == null
            ? "the store at " + root + " keeps its data in a database: pass the --db it was"
                + " created with"
            : "the store at " + root + " keeps its data under --root, not in a database: --db"
                + " applies to stores created with 'store init --db'");
      }
      try {
        return FolderStore.open(root, System.getenv(FolderStore.MASTER_KEY_ENV),
            FolderStore.DEFAULT_LOCK_WAIT, InstantSource.system(), IdGenerator.random(),
            common.db == null ? null : storageUnderLock());
      } catch (NotFoundException e) {
        throw new CliException(ExitCodes.NO_INPUT, e.getMessage(), e);
      } catch (ValidationException e) {
        if (e.problems().stream().allMatch(p -> p.path().equals("masterKey"))) {
          throw new CliException(ExitCodes.NO_INPUT, FolderStore.MASTER_KEY_ENV + " is unusable: "
              + e.problems().get(0).message() + " (it must be base64 of 32 bytes)", e);
        }
        throw new CliException(ExitCodes.NO_INPUT, "the store at " + root + " is unreadable: "
            + e.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")), e);
      }
    }

    boolean quiet() {
      return ((TenantryCommand) spec.root().userObject()).global.quiet();
    }

    PrintStream rawOut() {
      return ((TenantryCommand) spec.root().userObject()).rawOut;
    }

    private Console console;

    /** The command's console: warnings, the summary and progress bars on standard error. */
    Console console() {
      if (console == null) {
        console = Console.of(spec);
      }
      return console;
    }

    void warn(String message) {
      console().warning(message);
    }

    void summary(String message) {
      console().summary(message);
    }

    /**
     * Reports progress of {@code label} as bytes flow through a stream: at most once per MiB, so a
     * large object draws about a thousand updates, not one per buffer.
     */
    LongConsumer progress(String label, long total) {
      long[] drawn = {-1};
      return done -> {
        if (done >> 20 != drawn[0] || done == total) {
          drawn[0] = done >> 20;
          console().progress(label, done, total);
        }
      };
    }

  }

  /** The subcommands that name one tenant. */
  abstract static class TenantBase extends Base {
    @Option(names = "--tenant", required = true, paramLabel = "T",
        description = "The tenant: 1-64 letters, digits, '-' and '.'.")
    String tenant;

    TenantId tenant() {
      return CliException.option("--tenant", () -> TenantId.of(tenant));
    }
  }

  /** The subcommands that name one object. */
  abstract static class KeyBase extends TenantBase {
    @Option(names = "--key", required = true, paramLabel = "K",
        description = "The object key: 1-1,024 characters, no control characters, '/' allowed.")
    String key;

    ObjectKey key() {
      return CliException.option("--key", () -> ObjectKey.of(key));
    }
  }

  /** {@code store init}. */
  @Command(name = "init", mixinStandardHelpOptions = true,
      description = {"Create a store in DIR (absent or empty, else exit 73).",
          "The first geo is the central location."})
  static final class Init extends Base {
    @Option(names = "--replicas", defaultValue = "3", paramLabel = "N",
        description = "Replica folders per geo (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--write-quorum", defaultValue = "2", paramLabel = "W",
        description = "Replicas a write must reach, 1 to --replicas (default ${DEFAULT-VALUE}).")
    int writeQuorum;

    @Option(names = "--geos", defaultValue = "NAM,EUR", paramLabel = "G,G",
        description = "Geo codes of directory-semantics.md 5.2, central first"
            + " (default ${DEFAULT-VALUE}).")
    String geos;

    @Override
    int run() {
      List<DataLocation> locations = new ArrayList<>();
      for (String code : geos.split(",", -1)) {
        locations.add(CliException.option("--geos", () -> GeoRegistry.withObserved().require(code)));
      }
      FolderStore.Layout layout = CliException.option("--geos/--replicas/--write-quorum",
          () -> new FolderStore.Layout(locations, replicas, writeQuorum,
              FolderStore.DEFAULT_CHUNK_SIZE));
      String master = System.getenv(FolderStore.MASTER_KEY_ENV);
      boolean generated;
      database();
      try {
        generated = FolderStore.init(common.root, layout, master, common.db != null);
      } catch (ConflictException e) {
        throw new CliException(ExitCodes.CANNOT_CREATE, e.getMessage(), e);
      } catch (PortFailureException e) {
        throw new CliException(ExitCodes.CANNOT_CREATE, e.getMessage(), e);
      } catch (ValidationException e) {
        throw new CliException(ExitCodes.USAGE, FolderStore.MASTER_KEY_ENV
            + " must be base64 of 32 bytes", e);
      }
      if (generated) {
        warn("no " + FolderStore.MASTER_KEY_ENV + " set: generated " + common.root
            .resolve("keys").resolve("master.key") + "; a real deployment wires a key service"
            + " (KMS) instead of a key file beside the data");
      }
      summary("created a store at " + common.root + ": geos " + geos + " (central "
          + locations.get(0).code() + "), " + replicas + " replicas per geo, write quorum "
          + writeQuorum + (common.db == null ? ""
              : "; replicas, keys and audit in the database " + DbOption.redacted(common.db)));
      return ExitCodes.OK;
    }
  }

  /** {@code store put}. */
  @Command(name = "put", mixinStandardHelpOptions = true,
      description = {"Store a file as a new version of K, placed in --geo G, in the preferred",
          "data location of --user UPN (read from --users users.csv), or centrally."})
  static final class Put extends KeyBase {
    @Option(names = "--geo", paramLabel = "G", description = "Place the object in this geo.")
    String geo;

    @Option(names = "--user", paramLabel = "UPN",
        description = "Place the object in this user's preferred data location.")
    String user;

    @Option(names = "--users", paramLabel = "users.csv",
        description = "The users export with 'User Principal Name' and 'Preferred Data Location'.")
    Path users;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The content.")
    Path file;

    @Override
    int run() throws IOException {
      TenantId t = tenant();
      ObjectKey k = key();
      if (geo != null && (user != null || users != null)) {
        throw new CliException(ExitCodes.USAGE, "--geo and --user/--users exclude each other");
      }
      if ((user == null) != (users == null)) {
        throw new CliException(ExitCodes.USAGE, "--user and --users go together");
      }
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      Placement placement = Placement.central();
      if (geo != null) {
        placement = Placement.geo(CliException.option("--geo", () -> GeoRegistry.withObserved().require(geo)));
      } else if (user != null) {
        placement = Placement.preferred(UsersCsv.preferredDataLocation(users, user).orElse(null));
      }
      long size = Files.size(file);
      try (FolderStore fs = open(); InputStream in = new CountingInputStream(
          Files.newInputStream(file), progress("storing " + k, size))) {
        if (placement instanceof Placement.InGeo g && !fs.store().geography().contains(g.geo())) {
          throw new CliException(ExitCodes.USAGE, "--geo: " + g.geo().code() + " is not one of"
              + " the store's geos (" + fs.layout().geos().stream().map(DataLocation::code)
              .collect(Collectors.joining(",")) + ")");
        }
        ObjectInfo info = fs.store().put(t, k, in, placement, actor());
        summary("stored " + t + "/" + k + " version " + info.version() + " (" + info.size()
            + " bytes) in " + info.geo().code());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code store get}. */
  @Command(name = "get", mixinStandardHelpOptions = true,
      description = {"Write the current version of K to --out F, or to standard output.",
          "Repairs the damaged or missing copies it meets; exit 65 when no intact copy is left."})
  static final class Get extends KeyBase {
    @Option(names = "--out", paramLabel = "F", description = "Write the content here (atomically).")
    Path out;

    @Override
    int run() throws IOException {
      TenantId t = tenant();
      ObjectKey k = key();
      ReadResult result;
      try (FolderStore fs = open()) {
        EncryptedStore store = fs.store();
        String actor = actor();
        if (out != null) {
          ReadResult[] holder = new ReadResult[1];
          try {
            AtomicFiles.write(out, os -> {
              try {
                holder[0] = store.get(t, k, new CountingOutputStream(os, progress("reading " + k,
                    0)), actor);
              } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
              }
            });
          } catch (IOException e) {
            throw new CliException(ExitCodes.CANNOT_CREATE, "cannot write --out " + out + ": "
                + e.getMessage(), e);
          }
          result = holder[0];
        } else {
          ByteArrayOutputStream buffer = new ByteArrayOutputStream();
          result = store.get(t, k, new CountingOutputStream(buffer, progress("reading " + k, 0)),
              actor);
          PrintStream raw = rawOut();
          buffer.writeTo(raw);
          raw.flush();
        }
      }
      for (String r : result.repaired()) {
        warn("repaired " + r);
      }
      for (String r : result.unrepaired()) {
        warn("could not repair " + r);
      }
      summary("read " + t + "/" + k + " version " + result.object().version() + " ("
          + result.object().size() + " bytes) from " + result.object().geo().code());
      return ExitCodes.OK;
    }
  }

  /** {@code store list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print one line per live object, sorted by key: key, size, version, geo"
          + " (tab-separated).")
  static final class ListObjects extends TenantBase {
    @Override
    int run() {
      TenantId t = tenant();
      Listing listing;
      try (FolderStore fs = open()) {
        listing = fs.store().listing(t, actor());
      }
      List<ObjectInfo> objects = listing.objects();
      if (listing.unreadable() > 0) {
        // nothing leaves the list silently: say how many objects could not be read, and why
        warn(listing.unreadable() + (listing.unreadable() == 1 ? " object" : " objects")
            + " of tenant " + t + " could not be read and " + (listing.unreadable() == 1 ? "is" : "are")
            + " not listed: no intact copy of the chunk map, or the store's keys do not open it"
            + " (another master key?); run 'tenantry store verify'");
      }
      StringBuilder sb = new StringBuilder();
      for (ObjectInfo o : objects) {
        sb.append(o.key().value()).append('\t').append(o.size()).append('\t')
            .append(o.version()).append('\t').append(o.geo().code()).append('\n');
      }
      PrintWriter w = spec.commandLine().getOut();
      w.print(sb);
      w.flush();
      summary(objects.size() + " objects in tenant " + t);
      return ExitCodes.OK;
    }
  }

  /** {@code store delete}. */
  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete K by writing a tombstone; idempotent (a warning when K did not exist).")
  static final class Delete extends KeyBase {
    @Override
    int run() {
      TenantId t = tenant();
      ObjectKey k = key();
      boolean existed;
      try (FolderStore fs = open()) {
        existed = fs.store().delete(t, k, actor());
      }
      if (!existed) {
        warn("tenant " + t + " has no object '" + k + "'; nothing to delete");
      } else {
        summary("deleted " + t + "/" + k);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code store rotate-key}. */
  @Command(name = "rotate-key", mixinStandardHelpOptions = true,
      description = "Make a new tenant key and re-wrap every data key under it; content untouched.")
  static final class RotateKey extends TenantBase {
    @Override
    int run() {
      TenantId t = tenant();
      long n;
      try (FolderStore fs = open()) {
        n = fs.store().rotateKey(t, actor());
      }
      summary("rotated the key of tenant " + t + ": " + n + " data keys re-wrapped");
      return ExitCodes.OK;
    }
  }

  /** {@code store shred-tenant}. */
  @Command(name = "shred-tenant", mixinStandardHelpOptions = true,
      description = "Destroy every key of the tenant: its data is unreadable forever.")
  static final class ShredTenant extends TenantBase {
    @Override
    int run() {
      TenantId t = tenant();
      try (FolderStore fs = open()) {
        fs.store().shredTenant(t, actor());
      }
      summary("shredded tenant " + t + ": its keys are destroyed, its data unreadable for good");
      return ExitCodes.OK;
    }
  }

  /** {@code store verify}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Authenticate every chunk of every replica; print one line per finding",
          "(status, replica, tenant, object, detail). Exit 0 when intact, 1 when damage remains."})
  static final class Verify extends Base {
    @Option(names = "--repair", description = "Repair from intact copies.")
    boolean repair;

    @Override
    int run() {
      VerifyReport report;
      try (FolderStore fs = open()) {
        report = fs.store().verify(repair, actor());
      }
      StringBuilder sb = new StringBuilder();
      for (VerifyFinding f : report.findings()) {
        sb.append(f.toLine()).append('\n');
      }
      PrintWriter w = spec.commandLine().getOut();
      w.print(sb);
      w.flush();
      summary("verified " + report.objects() + " objects, " + report.chunks() + " chunk copies: "
          + report.count(VerifyFinding.Status.DAMAGED) + " damaged, "
          + report.count(VerifyFinding.Status.REPAIRED) + " repaired, "
          + report.count(VerifyFinding.Status.SHREDDED) + " shredded leftovers, "
          + report.count(VerifyFinding.Status.ORPHAN) + " orphan findings");
      return report.intact() ? ExitCodes.OK : ExitCodes.CHECKS_FAILED;
    }
  }

  /**
   * {@code store export}: an addition to {@code cli.md} for tenant exit. Writes every live object
   * of the tenant, decrypted, to {@code OUT/objects/NNNNNN} and a manifest {@code
   * OUT/manifest.jsonl} (one JSON object per object: {@code key}, {@code file}, {@code size},
   * {@code sha256}, {@code version}, {@code geo}), each file atomically. OUT must lie outside the
   * store's folder (no plaintext at rest under DIR).
   */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Export every live object of the tenant, decrypted, with a manifest",
          "(key, file, size, sha256, version, geo), to a folder outside DIR."})
  static final class Export extends TenantBase {
    @Option(names = "--out", required = true, paramLabel = "FOLDER",
        description = "Where objects/ and manifest.jsonl go.")
    Path out;

    @Override
    int run() throws IOException {
      TenantId t = tenant();
      Path target = out.toAbsolutePath().normalize();
      if (target.startsWith(common.root.toAbsolutePath().normalize())) {
        throw new CliException(ExitCodes.USAGE, "--out " + out + " lies inside the store's"
            + " folder; plaintext is never written under --root");
      }
      Path objects = target.resolve("objects");
      Files.createDirectories(objects);
      List<io.tenantry.datastore.ExportEntry> manifest;
      java.util.Map<ObjectKey, String> files = new java.util.HashMap<>();
      try (FolderStore fs = open()) {
        manifest = fs.store().exportTenant(t, new io.tenantry.datastore.ExportSink() {
          @Override
          public java.io.OutputStream open(ObjectInfo o) throws IOException {
            String name = String.format("%06d", files.size() + 1);
            files.put(o.key(), name);
            Path tmp = objects.resolve("." + name + ".tmp");
            java.io.OutputStream os = Files.newOutputStream(tmp);
            return new java.io.FilterOutputStream(os) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                super.close();
                Files.move(tmp, objects.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
              }
            };
          }

          @Override
          public void discard(ObjectInfo o) throws IOException {
            Files.deleteIfExists(objects.resolve(files.get(o.key())));
          }
        }, actor());
      } catch (RuntimeException e) {
        // a failed export leaves none of its plaintext behind (cli.md: a failed run never leaves
        // a half-written result); files of earlier runs in the same folder are left alone
        for (String name : files.values()) {
          try {
            Files.deleteIfExists(objects.resolve(name));
            Files.deleteIfExists(objects.resolve("." + name + ".tmp"));
          } catch (IOException cleanup) {
            e.addSuppressed(cleanup);
          }
        }
        throw e;
      }
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      AtomicFiles.write(target.resolve("manifest.jsonl"), os -> {
        for (io.tenantry.datastore.ExportEntry e : manifest) {
          java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
          line.put("key", e.object().key().value());
          line.put("file", "objects/" + files.get(e.object().key()));
          line.put("size", e.object().size());
          line.put("sha256", e.sha256());
          line.put("version", e.object().version());
          line.put("geo", e.object().geo().code());
          os.write((json.writeValueAsString(line) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      });
      summary("exported " + manifest.size() + " objects of tenant " + t + " to " + out);
      return ExitCodes.OK;
    }
  }

  /**
   * {@code store move}: an addition to {@code cli.md}, the geo move of §5.6. Moves every live
   * object of the tenant to geo G; prints one JSON object per object ({@code key}, {@code from},
   * {@code to}, {@code outcome} of {@code MOVED}, {@code ALREADY_IN_TARGET}, {@code DELETED} or
   * {@code FAILED}, {@code state}, the last {@link io.tenantry.datastore.GeoMoveState} it reached
   * ({@code SOURCE_CLEANED} when complete, {@code ROLLED_BACK} when failed), {@code version},
   * {@code bytes}, {@code verified}, {@code reason} when there is one) and a summary with
   * duration, throughput and the verification result. Exit 0, or 75 when an object failed
   * (rolled back; run the move again to resume: an interrupted move is finished the same way).
   */
  @Command(name = "move", mixinStandardHelpOptions = true,
      description = {"Move every live object of the tenant to geo G, each through copying, a",
          "read-only window, switch and source cleaning (or rollback); resumable: a re-run",
          "finishes an interrupted move. One JSON line per object, exit 75 when one failed."})
  static final class Move extends TenantBase {
    @Option(names = "--to", required = true, paramLabel = "G", description = "The target geo.")
    String to;

    @Override
    int run() {
      TenantId t = tenant();
      DataLocation target = CliException.option("--to", () -> GeoRegistry.withObserved().require(to));
      io.tenantry.datastore.GeoMoveReport report;
      try (FolderStore fs = open()) {
        if (!fs.store().geography().contains(target)) {
          throw new CliException(ExitCodes.USAGE, "--to: " + target.code()
              + " is not one of the store's geos");
        }
        report = fs.store().moveTenant(t, target, actor());
      }
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      StringBuilder sb = new StringBuilder();
      for (io.tenantry.datastore.GeoMoveReport.Item i : report.items()) {
        java.util.Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("key", i.key().value());
        line.put("from", i.from().code());
        line.put("to", target.code());
        line.put("outcome", i.outcome().name());
        line.put("state", i.state().name());
        line.put("version", i.version());
        line.put("bytes", i.bytes());
        line.put("verified", i.verified());
        if (!i.reason().isEmpty()) {
          line.put("reason", i.reason());
        }
        try {
          sb.append(json.writeValueAsString(line)).append('\n');
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("cannot render a move report line", e);
        }
      }
      PrintWriter w = spec.commandLine().getOut();
      w.print(sb);
      w.flush();
      long failed = report.count(io.tenantry.datastore.GeoMoveReport.Outcome.FAILED);
      summary("geo move of tenant " + t + " to " + target.code() + ": "
          + report.count(io.tenantry.datastore.GeoMoveReport.Outcome.MOVED) + " moved ("
          + report.bytesMoved() + " bytes), "
          + report.count(io.tenantry.datastore.GeoMoveReport.Outcome.ALREADY_IN_TARGET)
          + " already there, " + failed + " failed"
          + (report.withoutIntactCopy() == 0 ? ""
              : ", " + report.withoutIntactCopy() + " without an intact copy (see verify)")
          + "; " + report.duration().toMillis() + " ms, "
          + Math.round(report.bytesPerSecond()) + " bytes/s; verification "
          + (report.verified() ? "passed" : "FAILED"));
      if (failed > 0) {
        throw new CliException(ExitCodes.TEMPORARY_FAILURE, failed + " objects could not be"
            + " moved and stay in their source geo; run the move again to resume");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code store audit}. */
  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Print the tenant's audit trail, one JSON object per line, oldest first.")
  static final class Audit extends TenantBase {
    @Override
    int run() {
      TenantId t = tenant();
      StringBuilder sb = new StringBuilder();
      long n = 0;
      try (FolderStore fs = open()) {
        AuditQuery q = AuditQuery.of(t).withLimit(AuditQuery.MAX_LIMIT);
        while (true) {
          Page<AuditRecord> page = fs.audit().query(q);
          for (AuditRecord r : page.items()) {
            sb.append(FolderAuditLog.toJsonLine(r)).append('\n');
            n++;
          }
          if (!page.hasNext()) {
            break;
          }
          q = q.after(page.next());
        }
      }
      PrintWriter w = spec.commandLine().getOut();
      w.print(sb);
      w.flush();
      summary(n + " audit records of tenant " + t);
      return ExitCodes.OK;
    }
  }

  /** An input stream that tells a listener how many bytes have been read so far. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private final LongConsumer onBytes;
    private long count;

    CountingInputStream(InputStream in, LongConsumer onBytes) {
      super(in);
      this.onBytes = onBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        onBytes.accept(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        onBytes.accept(count);
      }
      return n;
    }
  }

  /** An output stream that tells a listener how many bytes have been written so far. */
  static final class CountingOutputStream extends java.io.FilterOutputStream {
    private final LongConsumer onBytes;
    private long count;

    CountingOutputStream(java.io.OutputStream out, LongConsumer onBytes) {
      super(out);
      this.onBytes = onBytes;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      onBytes.accept(++count);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
      onBytes.accept(count);
    }
  }
}
