package io.tenantry.cli;

import io.tenantry.core.DataLocation;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.datastore.FolderStore;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.KeysetStore;
import io.tenantry.jdbc.JdbcAuditLog;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.datastore.JdbcBlobReplica;
import io.tenantry.jdbc.datastore.JdbcKeysetStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code --db JDBC-URL} of the commands that keep state ({@code cli.md}, "Persistent state"):
 * an H2 URL ({@code jdbc:h2:file:./tenantry-data/db} keeps state on the local disk between runs)
 * or a PostgreSQL one ({@code jdbc:postgresql://host/db}, user and password from {@value
 * #USER_ENV} and {@value #PASSWORD_ENV}). Opening applies the schema migrations; closing releases
 * the connections.
 */
final class DbOption implements AutoCloseable {
  /** The environment variable holding the database user. */
  static final String USER_ENV = "TENANTRY_DB_USER";
  /** The environment variable holding the database password. */
  static final String PASSWORD_ENV = "TENANTRY_DB_PASSWORD";

  /**
   * The JDBC adapters' logger, held so its level stays set: the migrator logs each migration it
   * applies at INFO, which on a command line would be noise on standard error ({@code cli.md}
   * keeps it for errors, warnings and the summary); warnings still show.
   */
  private static final java.util.logging.Logger JDBC_LOG =
      java.util.logging.Logger.getLogger("io.tenantry.jdbc");

  static {
    JDBC_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /**
   * How long opening waits while another process has the embedded H2 database open (it keeps the
   * file locked), as long as a store command waits for the store's lock.
   */
  static final Duration IN_USE_WAIT = io.tenantry.datastore.FolderStore.DEFAULT_LOCK_WAIT;

  /** H2's error code for "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private final DbConnections connections;
  private final JdbcDatabase database;

  private DbOption(DbConnections connections, JdbcDatabase database) {
    this.connections = connections;
    this.database = database;
  }

  /**
   * Opens the database of a {@code --db} value.
   *
   * @param url the value
   * @return the open database
   * @throws CliException with exit 64 for a URL of another database, 75 when another process
   *     still has the embedded H2 database open after {@link #IN_USE_WAIT}, 66 when the database
   *     cannot be reached, 65 when its Tenantry schema is newer than this build or was altered
   */
  static DbOption open(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
      throw new CliException(ExitCodes.USAGE, "--db " + redacted(url) + ": expected a"
          + " jdbc:h2:… or jdbc:postgresql:… URL (e.g. jdbc:h2:file:./tenantry-data/db)");
    }
    long deadline = System.nanoTime() + IN_USE_WAIT.toNanos();
    while (true) {
      DbConnections connections = new DbConnections(url, System.getenv(USER_ENV),
          System.getenv(PASSWORD_ENV));
      try {
        return opened(url, connections);
      } catch (CliException e) {
        if (!inUse(e) || System.nanoTime() - deadline >= 0) {
          if (inUse(e)) {
            throw new CliException(ExitCodes.TEMPORARY_FAILURE, "--db " + redacted(url)
                + " is in use by another command; waited " + IN_USE_WAIT.toSeconds() + " s", e);
          }
          throw e;
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.TEMPORARY_FAILURE, "interrupted while waiting for --db "
            + redacted(url), e);
      }
    }
  }

  /** Whether opening failed because another process has the embedded H2 database open. */
  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return true;
      }
    }
    return false;
  }

  private static DbOption opened(String url, DbConnections connections) {
    try {
      return new DbOption(connections, JdbcDatabase.open(connections));
    } catch (PortFailureException e) {
      connections.close();
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new CliException(ExitCodes.NO_INPUT, "cannot open --db " + redacted(url) + ": "
          + cause.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      connections.close();
      throw new CliException(e instanceof IllegalArgumentException ? ExitCodes.USAGE
          : ExitCodes.DATA_ERROR, "--db " + redacted(url) + ": " + e.getMessage(), e);
    }
  }

  /** Hides a password given inside a URL. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /**
   * Returns the opened database.
   *
   * @return the database, its schema up to date
   */
  JdbcDatabase database() {
    return database;
  }

  /**
   * Returns the store's external storage in this database: its replicas (one per geo and number,
   * by name), the tenants' keysets and the audit trail.
   *
   * @return the storage
   */
  FolderStore.ExternalStorage storeStorage() {
    KeysetStore keys = new JdbcKeysetStore(database);
    AuditLog audit = new JdbcAuditLog(database);
    return new FolderStore.ExternalStorage() {
      @Override
      public BlobReplica replica(DataLocation geo, int index, String name) {
        return new JdbcBlobReplica(database, name);
      }

      @Override
      public KeysetStore keysets() {
        return keys;
      }

      @Override
      public AuditLog audit() {
        return audit;
      }
    };
  }

  @Override
  public void close() {
    connections.close();
  }
}
