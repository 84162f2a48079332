package io.tenantry.jdbc.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.GroupMember;
import io.tenantry.groups.GroupState;
import io.tenantry.groups.GuestSetting;
import io.tenantry.groups.LifecycleStatus;
import io.tenantry.groups.spi.GroupStore;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.GroupSql;
import io.tenantry.jdbc.internal.OptimisticWrite;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link GroupStore} port over JDBC: each group a row of {@code tenantry_group} (its fields, its
 * lifecycle status and a version) and its owners, members, member groups and proxy addresses rows
 * of {@code tenantry_group_item}, on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link GroupStore}'s: every call is scoped to one tenant; {@link #put}
 * replaces the group's state (putting the same state twice changes nothing but the version);
 * {@link #list} returns groups by id, ordinal ({@link GroupId#compareTo}, sorted in Java so that no
 * database collation decides); a read sees one committed state of a group, fields and lists
 * together (one statement).
 *
 * <p><b>Optimistic concurrency.</b> Every write bumps the group's version. A caller that must not
 * lose a concurrent change (a renewal racing a deletion: both read the live group, and the later
 * unconditional write would silently undo the earlier) reads with {@link #findVersioned} and writes
 * with {@link #put(TenantId, GroupState, long)}, which is refused with a {@link ConflictException}
 * of kind {@code STALE_VERSION} when the group has moved on; the caller reads again and decides
 * (a renewal of a group deleted meanwhile no longer applies). The port's own conditional write,
 * {@link #replace}, compares states instead of versions and uses the same mechanism; {@link
 * #put(TenantId, GroupState)} is the unconditional write ("last writer wins") the port documents.
 *
 * <p><b>Transactions.</b> A write replaces the row and all its list rows in one transaction: a
 * failure at any point leaves the previous state whole. SQL failures surface as {@link
 * io.tenantry.core.error.PortFailureException} carrying the {@link SQLException}. Thread-safe;
 * every call blocks on the database.
 */
public final class JdbcGroupStore implements GroupStore {

  /**
   * A group's state with the version it had when read.
   *
   * @param state the state
   * @param version its version: 1 after the first write, bumped by every write
   */
  public record Versioned(GroupState state, long version) {
    /**
     * Validates the pair.
     *
     * @throws NullPointerException if {@code state} is null
     * @throws IllegalArgumentException if the version is not positive
     */
    public Versioned {
      Objects.requireNonNull(state, "state");
      if (version < 1) {
        throw new IllegalArgumentException("version must be positive, got " + version);
      }
    }
  }

  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcGroupStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  @Override
  public Optional<GroupState> find(TenantId tenant, GroupId id) {
    return findVersioned(tenant, id).map(Versioned::state);
  }

  /**
   * Looks up a group with its version, for a later {@link #put(TenantId, GroupState, long)}.
   *
   * @param tenant the tenant
   * @param id the group id
   * @return the state and its version, or empty
   * @throws io.tenantry.core.error.PortFailureException if the database failed
   */
  public Optional<Versioned> findVersioned(TenantId tenant, GroupId id) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(id, "id");
    List<Versioned> found = tx.read("reading group '" + id + "' of tenant '" + tenant + "'", c -> {
      try (PreparedStatement p = c.prepareStatement(GroupSql.SELECT_ONE.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setString(2, id.value());
        try (ResultSet rs = p.executeQuery()) {
          return readGroups(rs, tenant);
        }
      }
    });
    return found.stream().findFirst();
  }

  @Override
  public List<GroupState> list(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    List<Versioned> all = tx.read("listing the groups of tenant '" + tenant + "'", c -> {
      try (PreparedStatement p = c.prepareStatement(GroupSql.SELECT_ALL.sql(dialect))) {
        p.setString(1, tenant.value());
        try (ResultSet rs = p.executeQuery()) {
          return readGroups(rs, tenant);
        }
      }
    });
    return all.stream().map(Versioned::state)
        .sorted(Comparator.comparing(s -> s.group().id())).toList();
  }

  @Override
  public void put(TenantId tenant, GroupState state) {
    put(tenant, state, OptimisticWrite.ANY);
  }

  /**
   * Creates or replaces a group's state if the group is still at the version the caller read.
   *
   * @param tenant the tenant
   * @param state the new state
   * @param expectedVersion the version read with {@link #findVersioned}, {@code 0} to create a group
   *     that must not exist yet, or {@code -1} to write whatever is stored
   * @return the group's new version
   * @throws ConflictException of kind {@code STALE_VERSION} if the group is not at that version
   *     (another write won the race); nothing is written
   * @throws IllegalArgumentException if {@code expectedVersion} is below -1
   * @throws io.tenantry.core.error.PortFailureException if the database failed; nothing is written
   */
  public long put(TenantId tenant, GroupState state, long expectedVersion) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(state, "state");
    Group g = state.group();
    String what = "group '" + g.id() + "' of tenant '" + tenant + "'";
    return tx.inTransaction("writing " + what, true,
        c -> write(c, tenant, state, lockedVersion(c, tenant, g.id()), expectedVersion, what));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: in one transaction, the stored group is read with its version and compared with
   * {@code expected}, and written with an update conditioned on that version; a write that came in
   * between makes the update miss, and the call is refused like a mismatch.
   */
  @Override
  public void replace(TenantId tenant, GroupState expected, GroupState next) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(next, "next");
    GroupId id = next.group().id();
    if (expected != null && !expected.group().id().equals(id)) {
      throw new IllegalArgumentException("expected state of group '" + expected.group().id()
          + "' cannot be replaced by a state of group '" + id + "'");
    }
    String what = "group '" + id + "' of tenant '" + tenant + "'";
    tx.inTransaction("replacing " + what, true, c -> {
      lockedVersion(c, tenant, id);
      List<Versioned> stored;
      try (PreparedStatement p = c.prepareStatement(GroupSql.SELECT_ONE.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setString(2, id.value());
        try (ResultSet rs = p.executeQuery()) {
          stored = readGroups(rs, tenant);
        }
      }
      GroupState current = stored.isEmpty() ? null : stored.get(0).state();
      if (!Objects.equals(current, expected)) {
        throw new ConflictException(STALE_STATE, what + " changed since it was read: another"
            + " change came first; read it again");
      }
      write(c, tenant, next, stored.isEmpty() ? null : stored.get(0).version(),
          stored.isEmpty() ? OptimisticWrite.ABSENT : stored.get(0).version(), what);
      return null;
    });
  }

  @Override
  public String toString() {
    return "JdbcGroupStore";
  }

  /** Writes a group's row and list rows over what {@code current} says is stored. */
  private long write(Connection c, TenantId tenant, GroupState state, Long current,
      long expectedVersion, String what) throws SQLException {
    long next = OptimisticWrite.write(current, expectedVersion, what,
        () -> insert(c, tenant, state),
        version -> update(c, tenant, state, version));
    if (current != null) {
      try (PreparedStatement p = c.prepareStatement(GroupSql.DELETE_ITEMS.sql(dialect))) {
        p.setString(1, tenant.value());
        p.setString(2, state.group().id().value());
        p.executeUpdate();
      }
    }
    insertItems(c, tenant, state.group());
    return next;
  }

  /**
   * The group's version with its row locked until the transaction ends, so writes of one group
   * take turns and each compares with what the one before committed; null when there is none.
   */
  private Long lockedVersion(Connection c, TenantId tenant, GroupId id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(GroupSql.LOCK_VERSION.sql(dialect))) {
      p.setString(1, tenant.value());
      p.setString(2, id.value());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private void insert(Connection c, TenantId tenant, GroupState s) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(GroupSql.INSERT_GROUP.sql(dialect))) {
      p.setString(1, tenant.value());
      p.setString(2, s.group().id().value());
      bindFields(p, 3, s);
      p.executeUpdate();
    }
  }

  private int update(Connection c, TenantId tenant, GroupState s, long version)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(GroupSql.UPDATE_GROUP.sql(dialect))) {
      int i = bindFields(p, 1, s);
      p.setString(i++, tenant.value());
      p.setString(i++, s.group().id().value());
      p.setLong(i, version);
      return p.executeUpdate();
    }
  }

  /** Binds display name … deletion reason from {@code first}; returns the next index. */
  private static int bindFields(PreparedStatement p, int first, GroupState s) throws SQLException {
    Group g = s.group();
    int i = first;
    p.setString(i++, g.displayName());
    p.setString(i++, g.mailNickname());
    p.setString(i++, g.kind().name());
    p.setLong(i++, g.createdOn().toEpochDay());
    p.setString(i++, g.guestSetting().name());
    LocalDate expires = null;
    String reason = null;
    if (s.status() instanceof LifecycleStatus.Active a) {
      p.setString(i++, "ACTIVE");
      p.setLong(i++, a.lastRenewedOn().toEpochDay());
      expires = a.expiresOn();
    } else if (s.status() instanceof LifecycleStatus.SoftDeleted d) {
      p.setString(i++, "SOFT_DELETED");
      p.setLong(i++, d.deletedOn().toEpochDay());
      reason = d.reason().name();
    } else {
      p.setString(i++, "PURGED");
      p.setLong(i++, ((LifecycleStatus.Purged) s.status()).purgedOn().toEpochDay());
    }
    if (expires == null) {
      p.setNull(i++, Types.BIGINT);
    } else {
      p.setLong(i++, expires.toEpochDay());
    }
    p.setString(i++, reason);
    return i;
  }

  private void insertItems(Connection c, TenantId tenant, Group g) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(GroupSql.INSERT_ITEM.sql(dialect))) {
      int n = 0;
      for (int i = 0; i < g.owners().size(); i++) {
        n += addItem(p, tenant, g, "O", i, g.owners().get(i).value(), false);
      }
      for (int i = 0; i < g.members().size(); i++) {
        GroupMember m = g.members().get(i);
        n += addItem(p, tenant, g, "M", i, m.user().value(), m.guest());
      }
      for (int i = 0; i < g.memberGroups().size(); i++) {
        n += addItem(p, tenant, g, "G", i, g.memberGroups().get(i).value(), false);
      }
      for (int i = 0; i < g.proxyAddresses().size(); i++) {
        n += addItem(p, tenant, g, "A", i, g.proxyAddresses().get(i), false);
      }
      if (n > 0) {
        p.executeBatch();
      }
    }
  }

  private static int addItem(PreparedStatement p, TenantId tenant, Group g, String list, int no,
      String item, boolean flag) throws SQLException {
    p.setString(1, tenant.value());
    p.setString(2, g.id().value());
    p.setString(3, list);
    p.setInt(4, no);
    p.setString(5, item);
    p.setBoolean(6, flag);
    p.addBatch();
    return 1;
  }

  /** Reads rows of {@link GroupSql#SELECT_ONE}/{@code SELECT_ALL}, one group after the other. */
  private static List<Versioned> readGroups(ResultSet rs, TenantId tenant) throws SQLException {
    List<Versioned> out = new ArrayList<>();
    GroupRows current = null;
    while (rs.next()) {
      String id = rs.getString(1);
      if (current == null || !current.id.equals(id)) {
        if (current != null) {
          out.add(current.toVersioned(tenant));
        }
        current = new GroupRows(rs);
      }
      String list = rs.getString(12);
      if (list != null) {
        current.add(list, rs.getString(13), rs.getBoolean(14));
      }
    }
    if (current != null) {
      out.add(current.toVersioned(tenant));
    }
    return out;
  }

  /** The rows of one group while they are read. */
  private static final class GroupRows {
    final String id;
    final long version;
    final String displayName;
    final String mailNickname;
    final String kind;
    final long createdOn;
    final String guestSetting;
    final String status;
    final long statusOn;
    final Long expiresOn;
    final String deletionReason;
    final List<UserId> owners = new ArrayList<>();
    final List<GroupMember> members = new ArrayList<>();
    final List<GroupId> memberGroups = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();

    GroupRows(ResultSet rs) throws SQLException {
      id = rs.getString(1);
      version = rs.getLong(2);
      displayName = rs.getString(3);
      mailNickname = rs.getString(4);
      kind = rs.getString(5);
      createdOn = rs.getLong(6);
      guestSetting = rs.getString(7);
      status = rs.getString(8);
      statusOn = rs.getLong(9);
      long e = rs.getLong(10);
      expiresOn = rs.wasNull() ? null : e;
      deletionReason = rs.getString(11);
    }

    void add(String list, String item, boolean flag) throws SQLException {
      switch (list) {
        case "O" -> owners.add(UserId.of(item));
        case "M" -> members.add(new GroupMember(UserId.of(item), flag));
        case "G" -> memberGroups.add(GroupId.of(item));
        case "A" -> addresses.add(item);
        default -> throw new SQLException("group '" + id + "' has an element of unknown list '"
            + list + "'");
      }
    }

    Versioned toVersioned(TenantId tenant) throws SQLException {
      try {
        Group g = new Group(GroupId.of(id), displayName, mailNickname, GroupKind.valueOf(kind),
            LocalDate.ofEpochDay(createdOn), owners, members, memberGroups, addresses,
            GuestSetting.valueOf(guestSetting));
        LocalDate on = LocalDate.ofEpochDay(statusOn);
        LifecycleStatus s = switch (status) {
          case "ACTIVE" -> new LifecycleStatus.Active(on,
              expiresOn == null ? null : LocalDate.ofEpochDay(expiresOn));
          case "SOFT_DELETED" -> new LifecycleStatus.SoftDeleted(on,
              DeletionReason.valueOf(deletionReason));
          case "PURGED" -> new LifecycleStatus.Purged(on);
          default -> throw new IllegalArgumentException("unknown status '" + status + "'");
        };
        return new Versioned(new GroupState(g, s), version);
      } catch (RuntimeException e) {
        throw new SQLException("group '" + id + "' of tenant '" + tenant
            + "' cannot be read back: " + e.getMessage(), e);
      }
    }
  }
}
