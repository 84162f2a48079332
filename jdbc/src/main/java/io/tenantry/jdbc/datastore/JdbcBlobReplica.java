package io.tenantry.jdbc.datastore;

import io.tenantry.core.TenantId;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.BlobReplicaSql;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The datastore's {@link BlobReplica} port over JDBC: the blobs of one replica in {@code
 * tenantry_blob}, keyed by (tenant, replica name, kind, id), on PostgreSQL or H2. Several replicas
 * (of one geo or of several) may share one database: each is the rows of its name.
 *
 * <p><b>Contract.</b> As {@link BlobReplica}'s. The replica stores opaque bytes: the store's
 * versions and tombstones live inside the maps it writes, and {@link #delete} removes a row. A
 * {@link #put} is one transaction that updates the row in place (counting the write in its {@code
 * row_version}) or inserts it; two writers racing on a new name both succeed in turn (the loser of
 * the insert is retried as an update), the last one's bytes remain, and a reader sees one complete
 * blob or the other — never a mix, never a partly written blob. {@link #list} sorts ids in Java
 * ({@link BlobName#compareTo}), whatever the database's collation.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed put leaves the previous blob. Blob sizes are bounded
 * by the database (1 GB a value on both). Thread-safe; every call blocks on the database.
 */
public final class JdbcBlobReplica implements BlobReplica {
  private final Transactions tx;
  private final JdbcDialect dialect;
  private final String name;

  /**
   * Creates the replica of a name over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @param name the replica's name, e.g. {@code NAM/replica-1}: 1 to 200 characters, the key of
   *     its rows (the same name is the same replica)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name is empty or longer than 200 characters
   */
  public JdbcBlobReplica(JdbcDatabase database, String name) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
    this.name = Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.length() > 200) {
      throw new IllegalArgumentException("a replica name has 1 to 200 characters, got '" + name
          + "'");
    }
  }

  @Override
  public String name() {
    return name;
  }

  private String what(String verb, TenantId tenant, BlobName blob) {
    return verb + " blob " + blob + " of tenant '" + tenant + "' in replica " + name;
  }

  private void bind(PreparedStatement p, int from, TenantId tenant, BlobName blob)
      throws SQLException {
    p.setString(from, tenant.value());
    p.setString(from + 1, name);
    p.setString(from + 2, blob.kind().name());
    p.setString(from + 3, blob.id());
  }

  @Override
  public void put(TenantId tenant, BlobName blob, byte[] content) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(blob, "blob");
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    tx.inTransaction(what("storing", tenant, blob), true, c -> {
      try (PreparedStatement update = c.prepareStatement(BlobReplicaSql.UPDATE.sql(dialect))) {
        update.setBytes(1, copy);
        bind(update, 2, tenant, blob);
        if (update.executeUpdate() > 0) {
          return null;
        }
      }
      try (PreparedStatement insert = c.prepareStatement(BlobReplicaSql.INSERT.sql(dialect))) {
        bind(insert, 1, tenant, blob);
        insert.setBytes(5, copy);
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, BlobName blob) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(blob, "blob");
    return tx.read(what("reading", tenant, blob), c -> {
      try (PreparedStatement p = c.prepareStatement(BlobReplicaSql.SELECT.sql(dialect))) {
        bind(p, 1, tenant, blob);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
        }
      }
    });
  }

  @Override
  public boolean delete(TenantId tenant, BlobName blob) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(blob, "blob");
    return tx.inTransaction(what("deleting", tenant, blob), false, c -> {
      try (PreparedStatement p = c.prepareStatement(BlobReplicaSql.DELETE.sql(dialect))) {
        bind(p, 1, tenant, blob);
        return p.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<BlobName> list(TenantId tenant, BlobKind kind) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    return tx.read("listing the " + kind.folder() + " of tenant '" + tenant + "' in replica "
        + name, c -> {
          try (PreparedStatement p = c.prepareStatement(BlobReplicaSql.LIST.sql(dialect))) {
            p.setString(1, tenant.value());
            p.setString(2, name);
            p.setString(3, kind.name());
            List<BlobName> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(BlobName.of(kind, rs.getString(1)));
              }
            }
            out.sort(null);
            return out;
          }
        });
  }

  @Override
  public Set<TenantId> tenants() {
    return tx.read("listing the tenants of replica " + name, c -> {
      try (PreparedStatement p = c.prepareStatement(BlobReplicaSql.TENANTS.sql(dialect))) {
        p.setString(1, name);
        Set<TenantId> out = new TreeSet<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(TenantId.of(rs.getString(1)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcBlobReplica[" + name + "]";
  }
}
