package io.tenantry.jdbc.notices;

import io.tenantry.core.TenantId;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.NoticeStateSql;
import io.tenantry.jdbc.internal.Transactions;
import io.tenantry.notices.AdminPreferences;
import io.tenantry.notices.HealthIssue;
import io.tenantry.notices.HealthSubscription;
import io.tenantry.notices.MessageState;
import io.tenantry.notices.RolloutStage;
import io.tenantry.notices.StatusUpdate;
import io.tenantry.notices.spi.NoticeStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The notices module's {@link NoticeStateStore} over JDBC, on PostgreSQL or H2: preferences
 * ({@code tenantry_notice_preferences} with the followed services in {@code
 * tenantry_notice_followed}), message states, subscriptions ({@code tenantry_notice_subscription}
 * and {@code tenantry_notice_subscribed}) and the once-only ledger ({@code
 * tenantry_notice_ledger}), every key starting with the tenant, admins keyed by their UPN in lower
 * case ({@link Locale#ROOT}).
 *
 * <p><b>Transactions.</b> A save is one transaction (a value and its services are replaced
 * together, so a reader never sees half of a save); the last save wins. A mark reads the ledger and
 * inserts its entry in one transaction; when two mark the same entry at once, one insert wins and
 * the other, retried, finds the entry and answers false: exactly one caller gets true.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}; a failed call changes nothing. PostgreSQL refuses the
 * character U+0000 and indexes keys (UPN, message or issue id, service name) of up to about 2,700
 * bytes. Thread-safe; every call blocks on the database.
 */
public final class JdbcNoticeStateStore implements NoticeStateStore {
  /** The ledger kind of a status update, keyed by {@link NoticeStateStore#healthUpdateKey}. */
  private static final String HEALTH_UPDATE = "health-update";
  /** The ledger kind earlier versions used, keyed by the update's position. */
  private static final String LEGACY_HEALTH = "health";
  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcNoticeStateStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  private static String key(String upn) {
    return Objects.requireNonNull(upn, "upn").toLowerCase(Locale.ROOT);
  }

  private static String what(String verb, TenantId tenant, String upn) {
    return verb + " of admin '" + upn + "' in tenant '" + tenant + "'";
  }

  private PreparedStatement prepare(Connection c, NoticeStateSql sql, Object... params)
      throws SQLException {
    PreparedStatement p = c.prepareStatement(sql.sql(dialect));
    for (int i = 0; i < params.length; i++) {
      p.setObject(i + 1, params[i]);
    }
    return p;
  }

  private int update(Connection c, NoticeStateSql sql, Object... params) throws SQLException {
    try (PreparedStatement p = prepare(c, sql, params)) {
      return p.executeUpdate();
    }
  }

  private void insertAll(Connection c, NoticeStateSql sql, TenantId tenant, String upn,
      Collection<String> services) throws SQLException {
    if (services.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement(sql.sql(dialect))) {
      for (String s : services) {
        p.setString(1, tenant.value());
        p.setString(2, upn);
        p.setString(3, s);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  @Override
  public AdminPreferences preferences(TenantId tenant, String upn) {
    Objects.requireNonNull(tenant, "tenant");
    String admin = key(upn);
    return tx.read(what("reading the preferences", tenant, upn), c -> {
      try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_PREFERENCES, tenant.value(),
          admin); ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return AdminPreferences.NONE;
        }
        boolean email = rs.getBoolean(1);
        TreeSet<String> followed = new TreeSet<>();
        do {
          if (rs.getString(2) != null) {
            followed.add(rs.getString(2));
          }
        } while (rs.next());
        return new AdminPreferences(followed, email);
      }
    });
  }

  @Override
  public void savePreferences(TenantId tenant, String upn, AdminPreferences preferences) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(preferences, "preferences");
    String admin = key(upn);
    tx.inTransaction(what("saving the preferences", tenant, upn), true, c -> {
      if (update(c, NoticeStateSql.UPDATE_PREFERENCES, preferences.email(), tenant.value(),
          admin) == 0) {
        update(c, NoticeStateSql.INSERT_PREFERENCES, tenant.value(), admin, preferences.email());
      }
      update(c, NoticeStateSql.DELETE_FOLLOWED, tenant.value(), admin);
      insertAll(c, NoticeStateSql.INSERT_FOLLOWED, tenant, admin, preferences.followedServices());
      return null;
    });
  }

  @Override
  public MessageState messageState(TenantId tenant, String upn, String messageId) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(messageId, "messageId");
    String admin = key(upn);
    return tx.read(what("reading the state of message '" + messageId + "'", tenant, upn), c -> {
      try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_MESSAGE_STATE, tenant.value(),
          admin, messageId); ResultSet rs = p.executeQuery()) {
        return rs.next() ? new MessageState(rs.getBoolean(1), rs.getBoolean(2)) : MessageState.NEW;
      }
    });
  }

  @Override
  public void saveMessageState(TenantId tenant, String upn, String messageId, MessageState state) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(state, "state");
    String admin = key(upn);
    tx.inTransaction(what("saving the state of message '" + messageId + "'", tenant, upn), true,
        c -> {
          if (update(c, NoticeStateSql.UPDATE_MESSAGE_STATE, state.read(), state.archived(),
              tenant.value(), admin, messageId) == 0) {
            update(c, NoticeStateSql.INSERT_MESSAGE_STATE, tenant.value(), admin, messageId,
                state.read(), state.archived());
          }
          return null;
        });
  }

  @Override
  public Optional<HealthSubscription> subscription(TenantId tenant, String upn) {
    Objects.requireNonNull(tenant, "tenant");
    String admin = key(upn);
    return tx.read(what("reading the subscription", tenant, upn), c -> {
      try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_SUBSCRIPTION, tenant.value(),
          admin); ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        boolean advisories = rs.getBoolean(1);
        TreeSet<String> services = new TreeSet<>();
        do {
          services.add(rs.getString(2));
        } while (rs.next());
        return Optional.of(new HealthSubscription(services, advisories));
      }
    });
  }

  @Override
  public void saveSubscription(TenantId tenant, String upn, HealthSubscription subscription) {
    Objects.requireNonNull(tenant, "tenant");
    String admin = key(upn);
    tx.inTransaction(what(subscription == null ? "removing the subscription"
        : "saving the subscription", tenant, upn), true, c -> {
          update(c, NoticeStateSql.DELETE_SUBSCRIBED, tenant.value(), admin);
          update(c, NoticeStateSql.DELETE_SUBSCRIPTION, tenant.value(), admin);
          if (subscription != null) {
            update(c, NoticeStateSql.INSERT_SUBSCRIPTION, tenant.value(), admin,
                subscription.advisories());
            insertAll(c, NoticeStateSql.INSERT_SUBSCRIBED, tenant, admin, subscription.services());
          }
          return null;
        });
  }

  @Override
  public boolean markStageNotified(TenantId tenant, String messageId, RolloutStage stage) {
    Objects.requireNonNull(messageId, "messageId");
    return mark(tenant, "stage", messageId, Objects.requireNonNull(stage, "stage").name());
  }

  @Override
  public boolean markHealthUpdateNotified(TenantId tenant, String issueId, StatusUpdate update) {
    Objects.requireNonNull(issueId, "issueId");
    return mark(tenant, HEALTH_UPDATE, issueId,
        NoticeStateStore.healthUpdateKey(Objects.requireNonNull(update, "update")));
  }

  /**
   * Carries over the ledger entries that earlier versions wrote for an issue, which named a status
   * update by its 0-based position in the timeline (kind {@code health}): each becomes the entry of
   * the update now at that position ({@link NoticeStateStore#healthUpdateKey}, kind {@code
   * health-update}) and the old row is removed, in one transaction. Call it with
   * the issue's current version before dispatching, so that a database written by an earlier
   * version does not notify its updates again. It assumes the timeline has not changed since those
   * entries were written (the positions cannot say otherwise); a position beyond the timeline is
   * dropped. Idempotent: a second call finds nothing to carry over.
   *
   * @param tenant the tenant
   * @param issue the issue
   * @return how many entries were carried over
   */
  public int adoptPositionalHealthEntries(TenantId tenant, HealthIssue issue) {
    Objects.requireNonNull(issue, "issue");
    String t = Objects.requireNonNull(tenant, "tenant").value();
    return tx.inTransaction("carrying over the positional ledger entries of issue '" + issue.id()
        + "' in tenant '" + tenant + "'", true, c -> {
          List<String> old = new ArrayList<>();
          try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_LEDGER_OF, t, LEGACY_HEALTH,
              issue.id()); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              old.add(rs.getString(1));
            }
          }
          int adopted = 0;
          for (String entry : old) {
            if (entry.matches("[0-9]{1,9}")
                && Integer.parseInt(entry) < issue.timeline().size()) {
              String key = NoticeStateStore.healthUpdateKey(
                  issue.timeline().get(Integer.parseInt(entry)));
              try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_LEDGER, t,
                  HEALTH_UPDATE, issue.id(), key); ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                  update(c, NoticeStateSql.INSERT_LEDGER, t, HEALTH_UPDATE, issue.id(), key);
                }
              }
              adopted++;
            }
            update(c, NoticeStateSql.DELETE_LEDGER, t, LEGACY_HEALTH, issue.id(), entry);
          }
          return adopted;
        });
  }

  private boolean mark(TenantId tenant, String kind, String id, String entry) {
    Objects.requireNonNull(tenant, "tenant");
    return tx.inTransaction("recording that " + kind + " '" + id + "' (" + entry
        + ") was notified in tenant '" + tenant + "'", true, c -> {
          try (PreparedStatement p = prepare(c, NoticeStateSql.SELECT_LEDGER, tenant.value(), kind,
              id, entry); ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
              return false;
            }
          }
          update(c, NoticeStateSql.INSERT_LEDGER, tenant.value(), kind, id, entry);
          return true;
        });
  }

  @Override
  public String toString() {
    return "JdbcNoticeStateStore";
  }
}
