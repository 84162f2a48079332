package io.tenantry.jdbc.notices;

import io.tenantry.core.TenantId;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.NotificationSql;
import io.tenantry.jdbc.internal.Transactions;
import io.tenantry.notices.Channel;
import io.tenantry.notices.Notification;
import io.tenantry.notices.NotificationKind;
import io.tenantry.notices.spi.NotificationPort;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The notices module's {@link NotificationPort} over JDBC, as a durable outbox: what the engines
 * hand over is stored in {@code tenantry_notification} (the persistent counterpart of {@link
 * io.tenantry.notices.spi.InMemoryNotificationRecorder}), and the host's mailer takes it from
 * there with {@link #pending} and {@link #acknowledge}, so a notification survives a crash between
 * the engine's decision and its delivery.
 *
 * <p><b>Contract.</b> As {@link NotificationPort}'s: a notification of another tenant is refused
 * with an {@link IllegalArgumentException} and never stored; each send is one insert, committed
 * before {@code send} returns. Notifications get increasing positions from an identity column, so
 * a tenant's notifications come back in the order of the calls that stored them (calls racing on
 * several threads are ordered as the database serialised them). Times are stored exactly.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed send stores nothing. Thread-safe; every call blocks.
 */
public final class JdbcNotificationOutbox implements NotificationPort {
  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * A stored notification and its position in the tenant's outbox.
   *
   * @param position the position, to {@link #acknowledge} it
   * @param notification the notification
   */
  public record Pending(long position, Notification notification) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if the notification is null
     */
    public Pending {
      Objects.requireNonNull(notification, "notification");
    }
  }

  /**
   * Creates the outbox over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcNotificationOutbox(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  /**
   * Stores the notification in the tenant's outbox.
   *
   * @throws IllegalArgumentException if the notification belongs to another tenant
   * @throws io.tenantry.core.error.PortFailureException if the database fails
   */
  @Override
  public void send(TenantId tenant, Notification n) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(n, "notification");
    if (!n.tenant().equals(tenant)) {
      throw new IllegalArgumentException("notification of tenant " + n.tenant()
          + " sent for tenant " + tenant);
    }
    tx.inTransaction("storing notification '" + n.reference() + "' of tenant '" + tenant + "'",
        false, c -> {
          try (PreparedStatement p = c.prepareStatement(NotificationSql.INSERT.sql(dialect))) {
            p.setString(1, tenant.value());
            p.setString(2, n.kind().name());
            p.setString(3, n.channel().name());
            p.setString(4, n.recipient());
            p.setLong(5, n.at().getEpochSecond());
            p.setInt(6, n.at().getNano());
            p.setString(7, n.reference());
            p.setString(8, n.subject());
            p.setString(9, n.text());
            if (n.html() == null) {
              p.setNull(10, Types.VARCHAR);
            } else {
              p.setString(10, n.html());
            }
            p.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Returns a tenant's oldest stored notifications, in order: those not yet acknowledged. A
   * notification whose send committed late (after a later one was taken) is returned by the next
   * call, so none is skipped.
   *
   * @param tenant the tenant
   * @param limit at most this many, 1 to 10,000
   * @return the notifications, oldest first
   * @throws IllegalArgumentException if the limit is out of range
   * @throws io.tenantry.core.error.PortFailureException if the database fails
   */
  public List<Pending> pending(TenantId tenant, int limit) {
    Objects.requireNonNull(tenant, "tenant");
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1 to 10,000, got " + limit);
    }
    return tx.read("reading the notification outbox of tenant '" + tenant + "'", c -> {
      try (PreparedStatement p = c.prepareStatement(NotificationSql.OLDEST.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setInt(2, limit);
        List<Pending> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new Pending(rs.getLong(1), new Notification(tenant,
                stored(NotificationKind.class, "kind", rs.getString(2), tenant),
                stored(Channel.class, "channel", rs.getString(3), tenant),
                rs.getString(4), Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))));
          }
        }
        return out;
      }
    });
  }

  /**
   * Removes delivered notifications of a tenant from the outbox, in one transaction.
   *
   * @param tenant the tenant
   * @param positions the {@link Pending#position()}s delivered; unknown ones are ignored
   * @return how many were removed
   * @throws io.tenantry.core.error.PortFailureException if the database fails
   */
  public long acknowledge(TenantId tenant, Collection<Long> positions) {
    Objects.requireNonNull(tenant, "tenant");
    List<Long> copy = List.copyOf(positions);
    if (copy.isEmpty()) {
      return 0;
    }
    return tx.inTransaction("acknowledging " + copy.size() + " notifications of tenant '" + tenant
        + "'", false, c -> {
          try (PreparedStatement p = c.prepareStatement(NotificationSql.DELETE.sql(dialect))) {
            for (long position : copy) {
              p.setString(1, tenant.value());
              p.setLong(2, position);
              p.addBatch();
            }
            long removed = 0;
            for (int n : p.executeBatch()) {
              removed += Math.max(n, 0);
            }
            return removed;
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcNotificationOutbox";
  }

  /** An enum constant read back from a column; an unknown one is a port failure naming it. */
  private static <E extends Enum<E>> E stored(Class<E> type, String column, String value,
      TenantId tenant) throws SQLException {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SQLException("the notification outbox of tenant '" + tenant + "' holds an unknown "
          + column + " '" + value + "'", e);
    }
  }
}
