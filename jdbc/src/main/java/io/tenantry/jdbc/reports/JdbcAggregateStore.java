package io.tenantry.jdbc.reports;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.ReportsSql;
import io.tenantry.jdbc.internal.Transactions;
import io.tenantry.reports.spi.AggregateSnapshot;
import io.tenantry.reports.spi.AggregateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reports module's {@link AggregateStore} over JDBC: a tenant's named aggregate snapshots in
 * {@code tenantry_aggregate_snapshot}, keyed by (tenant, name), the version in {@code row_version},
 * on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link AggregateStore}'s. A put of a new name reads and inserts in one
 * transaction (a racing insert of the same name loses on the primary key, is retried, and then
 * finds the winner: a {@link ConflictException}); a put over a version is one {@code UPDATE … WHERE
 * row_version = ?}, whose zero row count becomes a {@link ConflictException} of kind {@code
 * STALE_VERSION} naming the stored version. Names are listed sorted in Java ({@link
 * String#compareTo}), whatever the database's collation.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed put changes nothing. Thread-safe; every call blocks.
 */
public final class JdbcAggregateStore implements AggregateStore {
  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcAggregateStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  private static String what(String verb, TenantId tenant, String name) {
    return verb + " aggregate snapshot '" + name + "' of tenant '" + tenant + "'";
  }

  /** The snapshot's version by {@code query} (select, or lock in a write), 0 when there is none. */
  private long version(Connection c, TenantId tenant, String name, ReportsSql query)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(query.sql(dialect))) {
      p.setString(1, tenant.value());
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @Override
  public long put(TenantId tenant, String name, long expectedVersion, byte[] bytes) {
    Objects.requireNonNull(tenant, "tenant");
    AggregateSnapshot.checkName(name);
    byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0, got " + expectedVersion);
    }
    return tx.inTransaction(what("storing", tenant, name), true, c -> {
      long stored = version(c, tenant, name, ReportsSql.LOCK_SNAPSHOT_VERSION);
      if (stored != expectedVersion) {
        throw conflict(tenant, name, stored, expectedVersion);
      }
      if (expectedVersion == 0) {
        try (PreparedStatement p = c.prepareStatement(ReportsSql.INSERT_SNAPSHOT.sql(dialect))) {
          p.setString(1, tenant.value());
          p.setString(2, name);
          p.setBytes(3, copy);
          p.executeUpdate();
        }
        return 1L;
      }
      try (PreparedStatement p = c.prepareStatement(ReportsSql.REPLACE_SNAPSHOT.sql(dialect))) {
        p.setBytes(1, copy);
        p.setString(2, tenant.value());
        p.setString(3, name);
        p.setLong(4, expectedVersion);
        if (p.executeUpdate() > 0) {
          return expectedVersion + 1;
        }
      }
      throw conflict(tenant, name, version(c, tenant, name, ReportsSql.SELECT_SNAPSHOT_VERSION),
          expectedVersion);
    });
  }

  private static ConflictException conflict(TenantId tenant, String name, long stored,
      long expected) {
    return new ConflictException(ConflictException.STALE_VERSION, "snapshot '" + name + "' of tenant '"
        + tenant + "' is at version " + stored + ", not " + expected);
  }

  @Override
  public Optional<AggregateSnapshot> get(TenantId tenant, String name) {
    Objects.requireNonNull(tenant, "tenant");
    AggregateSnapshot.checkName(name);
    return tx.read(what("reading", tenant, name), c -> {
      try (PreparedStatement p = c.prepareStatement(ReportsSql.SELECT_SNAPSHOT.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setString(2, name);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? Optional.of(new AggregateSnapshot(name, rs.getLong(1),
              rs.getBytes(2))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public List<String> list(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tx.read("listing the aggregate snapshots of tenant '" + tenant + "'", c -> {
      try (PreparedStatement p = c.prepareStatement(ReportsSql.LIST_SNAPSHOTS.sql(dialect))) {
        p.setString(1, tenant.value());
        List<String> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        out.sort(null);
        return out;
      }
    });
  }

  @Override
  public boolean delete(TenantId tenant, String name) {
    Objects.requireNonNull(tenant, "tenant");
    AggregateSnapshot.checkName(name);
    return tx.inTransaction(what("deleting", tenant, name), false, c -> {
      try (PreparedStatement p = c.prepareStatement(ReportsSql.DELETE_SNAPSHOT.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setString(2, name);
        return p.executeUpdate() > 0;
      }
    });
  }

  @Override
  public String toString() {
    return "JdbcAggregateStore";
  }
}
