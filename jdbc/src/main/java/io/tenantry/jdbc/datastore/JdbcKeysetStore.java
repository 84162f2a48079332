package io.tenantry.jdbc.datastore;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.TenantShreddedException;
import io.tenantry.datastore.spi.KeysetStore;
import io.tenantry.datastore.spi.StoredKeyset;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.KeysetSql;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The key store behind the default {@link io.tenantry.datastore.spi.KeyEncryptionService} over
 * JDBC: each tenant's Tink keyset in {@code tenantry_keyset}, encrypted under the master key by
 * {@link TinkKeyEncryptionService} exactly as in its local key store (the database never sees key
 * material in the clear). Wire it with {@link #keyEncryptionService}.
 *
 * <p><b>Contract.</b> As {@link KeysetStore}'s. Create and replace are compare-and-set on the
 * row's {@code row_version}, so processes sharing the database that create or rotate one tenant's
 * keys at once never lose a key. Shredding, in one transaction, sets the row's keyset to NULL and
 * marks it shredded (or inserts that tombstone for a tenant that had no keys): from its commit on,
 * no process reads, creates or replaces the tenant's keys. Like any database, PostgreSQL and H2
 * may keep the old row's bytes on disk until they reuse the space (PostgreSQL until {@code VACUUM}),
 * and in backups; those bytes stay encrypted under the master key, so a deployment that must make
 * them unrecoverable rotates the master key (or keeps it in a KMS) and vacuums.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed call changes nothing. Thread-safe; every call blocks
 * on the database.
 */
public final class JdbcKeysetStore implements KeysetStore {
  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the key store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcKeysetStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  /**
   * Builds the default key-encryption service over this database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @param master the master key that encrypts the keysets
   * @return a {@link TinkKeyEncryptionService} whose keysets live in {@code tenantry_keyset}
   * @throws NullPointerException if an argument is null
   */
  public static TinkKeyEncryptionService keyEncryptionService(JdbcDatabase database,
      io.tenantry.datastore.spi.MasterKey master) {
    return TinkKeyEncryptionService.over(new JdbcKeysetStore(database), master);
  }

  /** A tenant's row: the keyset (null once shredded), its version, and whether it is shredded. */
  private record Row(byte[] encrypted, long version, boolean shredded) {}

  private Row select(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(KeysetSql.SELECT.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? new Row(rs.getBytes(1), rs.getLong(2), rs.getBoolean(3)) : null;
      }
    }
  }

  private static Row checkNotShredded(TenantId tenant, Row row) {
    if (row != null && row.shredded()) {
      throw new TenantShreddedException(tenant);
    }
    return row;
  }

  @Override
  public Optional<StoredKeyset> read(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Row row = checkNotShredded(tenant, tx.read("reading the keys of tenant '" + tenant + "'",
        c -> select(c, tenant)));
    return row == null ? Optional.empty()
        : Optional.of(new StoredKeyset(row.encrypted(), row.version()));
  }

  @Override
  public boolean create(TenantId tenant, byte[] encryptedKeyset) {
    Objects.requireNonNull(tenant, "tenant");
    byte[] copy = Objects.requireNonNull(encryptedKeyset, "encryptedKeyset").clone();
    return tx.inTransaction("creating the keys of tenant '" + tenant + "'", true, c -> {
      if (checkNotShredded(tenant, select(c, tenant)) != null) {
        return false;
      }
      try (PreparedStatement p = c.prepareStatement(KeysetSql.INSERT.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setBytes(2, copy);
        p.executeUpdate();
      }
      return true;
    });
  }

  @Override
  public boolean replace(TenantId tenant, long expectedVersion, byte[] encryptedKeyset) {
    Objects.requireNonNull(tenant, "tenant");
    byte[] copy = Objects.requireNonNull(encryptedKeyset, "encryptedKeyset").clone();
    return tx.inTransaction("replacing the keys of tenant '" + tenant + "'", false, c -> {
      try (PreparedStatement p = c.prepareStatement(KeysetSql.REPLACE.sql(dialect))) {
        p.setBytes(1, copy);
        p.setString(2, tenant.value());
        p.setLong(3, expectedVersion);
        if (p.executeUpdate() > 0) {
          return true;
        }
      }
      checkNotShredded(tenant, select(c, tenant));
      return false;
    });
  }

  @Override
  public void shred(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    tx.inTransaction("destroying the keys of tenant '" + tenant + "'", true, c -> {
      try (PreparedStatement p = c.prepareStatement(KeysetSql.SHRED.sql(dialect))) {
        p.setString(1, tenant.value());
        if (p.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement p = c.prepareStatement(KeysetSql.INSERT_TOMBSTONE.sql(dialect))) {
        p.setString(1, tenant.value());
        p.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean isShredded(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Row row = tx.read("reading the keys of tenant '" + tenant + "'", c -> select(c, tenant));
    return row != null && row.shredded();
  }

  @Override
  public String toString() {
    return "JdbcKeysetStore";
  }
}
