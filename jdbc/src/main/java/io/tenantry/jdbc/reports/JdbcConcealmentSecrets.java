package io.tenantry.jdbc.reports;

import io.tenantry.core.TenantId;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.ReportsSql;
import io.tenantry.jdbc.internal.Transactions;
import io.tenantry.reports.spi.ConcealmentSecrets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The reports module's {@link ConcealmentSecrets} over JDBC: each tenant's secret is 32 bytes drawn
 * from the host's {@link SecureRandom} the first time the tenant needs one, stored in {@code
 * tenantry_concealment_secret} and never changed, so a tenant's concealed tokens stay stable across
 * runs and processes.
 *
 * <p><b>Contract.</b> As {@link ConcealmentSecrets}'s. The first request reads and, when there is
 * no secret, inserts one in one transaction; when several processes or threads ask first at once,
 * one insert wins and the others, retried, read the winner's secret: every caller gets the same.
 * Each call returns a fresh copy.
 *
 * <p><b>Secrets at rest.</b> The table holds the secrets as they are: whoever reads it can
 * re-identify concealed names by trying candidates. Restrict access to it as to any key store; a
 * host that needs the secrets encrypted at rest wires a KMS-backed {@link ConcealmentSecrets}.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}. Thread-safe; every call blocks on the database.
 */
public final class JdbcConcealmentSecrets implements ConcealmentSecrets {
  /** The length of a generated secret, in bytes. */
  public static final int SECRET_LENGTH = 32;

  private final Transactions tx;
  private final JdbcDialect dialect;
  private final SecureRandom random;

  /**
   * Creates the port over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @param random where new secrets come from (the host's; used under its own lock)
   * @throws NullPointerException if an argument is null
   */
  public JdbcConcealmentSecrets(JdbcDatabase database, SecureRandom random) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
    this.random = Objects.requireNonNull(random, "random");
  }

  private byte[] select(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(ReportsSql.SELECT_SECRET.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }

  @Override
  public byte[] secretFor(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    String what = "reading the concealment secret of tenant '" + tenant + "'";
    byte[] stored = tx.read(what, c -> select(c, tenant));
    if (stored != null) {
      return stored;
    }
    byte[] fresh = new byte[SECRET_LENGTH];
    synchronized (random) {
      random.nextBytes(fresh);
    }
    return tx.inTransaction(what, true, c -> {
      byte[] winner = select(c, tenant);
      if (winner != null) {
        return winner;
      }
      try (PreparedStatement p = c.prepareStatement(ReportsSql.INSERT_SECRET.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setBytes(2, fresh);
        p.executeUpdate();
      }
      return fresh.clone();
    });
  }

  /**
   * Never reveals a secret.
   *
   * @return a fixed description
   */
  @Override
  public String toString() {
    return "JdbcConcealmentSecrets";
  }
}
