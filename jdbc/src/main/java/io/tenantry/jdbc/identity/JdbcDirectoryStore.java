package io.tenantry.jdbc.identity;

import io.tenantry.core.AdminUnitId;
import io.tenantry.core.GroupId;
import io.tenantry.core.RoleId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.identity.AdministrativeUnit;
import io.tenantry.identity.AllowInvitesFrom;
import io.tenantry.identity.GuestAccessLevel;
import io.tenantry.identity.Directory;
import io.tenantry.identity.Group;
import io.tenantry.identity.GroupKind;
import io.tenantry.identity.MembershipRule;
import io.tenantry.identity.Permission;
import io.tenantry.identity.RoleAssignment;
import io.tenantry.identity.RoleDefinition;
import io.tenantry.identity.RuleProcessingState;
import io.tenantry.identity.Scope;
import io.tenantry.identity.ServicePrincipal;
import io.tenantry.identity.TenantLimits;
import io.tenantry.identity.User;
import io.tenantry.identity.UserType;
import io.tenantry.identity.spi.DirectoryStore;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.DirectorySql;
import io.tenantry.jdbc.internal.OptimisticWrite;
import io.tenantry.jdbc.internal.SqlStates;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link DirectoryStore} port over JDBC, with the write path the port leaves to the host: each
 * tenant's directory in relational rows (a tenant row with the version, invitation setting and
 * limits; users, groups, administrative units, service principals and custom roles with their
 * lists; role assignments in order), on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link DirectoryStore}'s: one tenant per call; the version starts at 1
 * and every {@link #put} bumps it by one, so it strictly increases with every change (a put of an
 * equal directory is a change too: the Authorizer recompiles once, harmlessly); {@link #load}
 * returns one committed directory together with the version it belongs to (it reads the version
 * before and after its reads and reads again when a write came between); {@link #version} is one
 * primary-key lookup. A directory reads back with every object, list and assignment in the order
 * it was built with, and is validated again on the way out ({@link Directory.Builder#build()}).
 *
 * <p><b>Optimistic concurrency.</b> Two admins changing role assignments from the same loaded
 * directory would lose one change with the unconditional {@link #put(Directory)}; {@link
 * #put(Directory, long)} takes the version that was loaded and is refused with a {@link
 * ConflictException} of kind {@code STALE_VERSION} when another write came first: the caller loads
 * again, re-applies its change and retries.
 *
 * <p><b>Transactions.</b> A write replaces the tenant's rows and bumps the version in one
 * transaction: a failure at any point leaves the previous directory and version whole. SQL
 * failures, and stored rows this Tenantry cannot read back, surface as {@link
 * io.tenantry.core.error.PortFailureException} carrying the cause (so the Authorizer denies).
 * Thread-safe; every call blocks on the database. A write costs a statement per table and a batch
 * per kind of row, whatever the directory's size: suited to directories that change by admin
 * actions, not to streams of changes.
 */
public final class JdbcDirectoryStore implements DirectoryStore {

  /** How often a load starts again when writes keep coming between its reads. */
  private static final int LOAD_ATTEMPTS = 8;

  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the store over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcDirectoryStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  @Override
  public OptionalLong version(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Long v = tx.read("reading the directory version of tenant '" + tenant + "'",
        c -> version(c, tenant, DirectorySql.SELECT_VERSION));
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public Optional<Versioned> load(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    return tx.read("loading the directory of tenant '" + tenant + "'", c -> {
      for (int attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
        Rows rows = readRows(c, tenant);
        if (rows == null) {
          return Optional.empty();
        }
        Long after = version(c, tenant, DirectorySql.SELECT_VERSION);
        if (after != null && after == rows.version) {
          return Optional.of(new Versioned(rows.toDirectory(tenant), rows.version));
        }
      }
      throw new SQLException("the directory of tenant '" + tenant + "' changed during each of "
          + LOAD_ATTEMPTS + " reads", SqlStates.SERIALIZATION_FAILURE);
    });
  }

  /**
   * Stores (or replaces) a tenant's directory, under the directory's own tenant, whatever version
   * is stored.
   *
   * @param directory the directory
   * @return the new version (1 for the tenant's first directory)
   * @throws NullPointerException if {@code directory} is null
   * @throws io.tenantry.core.error.PortFailureException if the database failed; nothing is written
   */
  public long put(Directory directory) {
    return put(directory, OptimisticWrite.ANY);
  }

  /**
   * Replaces a tenant's directory if it is still at the version the caller loaded.
   *
   * @param directory the new directory, stored under its own tenant
   * @param expectedVersion the version {@link #load} returned, {@code 0} when the tenant must have
   *     no directory yet, or {@code -1} to replace whatever is stored
   * @return the new version
   * @throws ConflictException of kind {@code STALE_VERSION} if the stored version differs (another
   *     write won the race), or of kind {@link DirectoryStore#RESTRICTED_FLAG_CHANGED} if the
   *     directory flips the restricted flag of a stored AU; nothing is written
   * @throws IllegalArgumentException if {@code expectedVersion} is below -1
   * @throws io.tenantry.core.error.PortFailureException if the database failed; nothing is written
   */
  public long put(Directory directory, long expectedVersion) {
    Objects.requireNonNull(directory, "directory");
    TenantId tenant = directory.tenant();
    String what = "the directory of tenant '" + tenant + "'";
    return tx.inTransaction("writing " + what, true, c -> {
      Long current = version(c, tenant, DirectorySql.LOCK_VERSION);
      if (current != null) {
        DirectoryStore.requireRestrictedFlagsKept(restrictedFlags(c, tenant), directory);
      }
      long next = OptimisticWrite.write(current, expectedVersion, what,
          () -> writeHead(c, DirectorySql.INSERT_HEAD, directory, -1),
          version -> writeHead(c, DirectorySql.UPDATE_HEAD, directory, version));
      if (current != null) {
        for (DirectorySql delete : List.of(DirectorySql.DELETE_ITEMS, DirectorySql.DELETE_OBJECTS,
            DirectorySql.DELETE_ASSIGNMENTS)) {
          try (PreparedStatement p = c.prepareStatement(delete.sql(dialect))) {
            p.setString(1, tenant.value());
            p.executeUpdate();
          }
        }
      }
      writeObjects(c, directory);
      writeAssignments(c, directory);
      return next;
    });
  }

  @Override
  public String toString() {
    return "JdbcDirectoryStore";
  }

  private Map<String, Boolean> restrictedFlags(Connection c, TenantId tenant) throws SQLException {
    Map<String, Boolean> flags = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement(DirectorySql.SELECT_AU_FLAGS.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          flags.put(rs.getString(1), rs.getBoolean(2));
        }
      }
    }
    return flags;
  }

  /** The tenant's version by {@code SELECT_VERSION}, or by {@code LOCK_VERSION} in a write. */
  private Long version(Connection c, TenantId tenant, DirectorySql query) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(query.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** Inserts (version &lt; 0) or updates the tenant row; returns the rows written. */
  private int writeHead(Connection c, DirectorySql sql, Directory d, long version)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql.sql(dialect))) {
      int i = 1;
      if (version < 0) {
        p.setString(i++, d.tenant().value());
      }
      TenantLimits l = d.limits();
      p.setString(i++, d.allowInvitesFrom().name());
      for (int limit : new int[] {l.maxAdminUnitsPerObject(), l.maxRestrictedAdminUnits(),
          l.maxCustomRoles(), l.maxCustomRoleAssignmentsPerPrincipal(),
          l.maxBuiltInScopedAssignmentsPerPrincipal(), l.maxRoleAssignableGroups(), l.maxDynamicGroupsAndAUs()}) {
        p.setInt(i++, limit);
      }
      p.setBoolean(i++, d.allowAuScopedUserAdminOnLimitedAdmins());
      p.setString(i++, d.guestAccess().name());
      if (version >= 0) {
        p.setString(i++, d.tenant().value());
        p.setLong(i, version);
      }
      return p.executeUpdate();
    }
  }

  private void writeObjects(Connection c, Directory d) throws SQLException {
    String t = d.tenant().value();
    try (PreparedStatement o = c.prepareStatement(DirectorySql.INSERT_OBJECT.sql(dialect));
        PreparedStatement item = c.prepareStatement(DirectorySql.INSERT_ITEM.sql(dialect))) {
      Batch objects = new Batch(o);
      Batch items = new Batch(item);
      for (int n = 0; n < d.users().size(); n++) {
        User u = d.users().get(n);
        objects.add(t, "U", n, u.id().value(), u.userPrincipalName(), u.type().name(),
            u.accountEnabled(), u.deletedDate() == null ? null : u.deletedDate().toEpochDay(), null);
        int k = 0;
        for (Map.Entry<String, String> a : u.attributes().entrySet()) {
          items.add(t, "U", n, "A", k++, a.getKey(), a.getValue());
        }
      }
      for (int n = 0; n < d.groups().size(); n++) {
        Group g = d.groups().get(n);
        objects.add(t, "G", n, g.id().value(), g.name(), g.kind().name(), g.roleAssignable(), null,
            null);
        addAll(items, t, "G", n, "M", g.members());
        addAll(items, t, "G", n, "O", g.owners());
      }
      for (int n = 0; n < d.adminUnits().size(); n++) {
        AdministrativeUnit au = d.adminUnits().get(n);
        // an AU's subtype is its rule processing state when paused (null, the default, is On)
        objects.add(t, "A", n, au.id().value(), au.name(),
            au.isPaused() ? au.processing().name() : null, au.restricted(), null,
            au.rule() == null ? null : au.rule().text());
        addAll(items, t, "A", n, "U", au.memberUsers());
        addAll(items, t, "A", n, "G", au.memberGroups().stream().map(GroupId::value).toList());
      }
      for (int n = 0; n < d.servicePrincipals().size(); n++) {
        ServicePrincipal sp = d.servicePrincipals().get(n);
        objects.add(t, "S", n, sp.id(), sp.name(), null, false, null, null);
      }
      for (int n = 0; n < d.customRoles().size(); n++) {
        RoleDefinition r = d.customRoles().get(n);
        objects.add(t, "R", n, r.id().value(), r.name(), null, r.auAssignable(), null, null);
        addAll(items, t, "R", n, "P", r.permissions().stream().map(Permission::toString).toList());
      }
      objects.run();
      items.run();
    }
  }

  private static void addAll(Batch items, String tenant, String kind, int n, String list,
      Iterable<String> values) throws SQLException {
    int k = 0;
    for (String v : values) {
      items.add(tenant, kind, n, list, k++, v, null);
    }
  }

  private void writeAssignments(Connection c, Directory d) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(DirectorySql.INSERT_ASSIGNMENT.sql(dialect))) {
      Batch batch = new Batch(p);
      for (int n = 0; n < d.assignments().size(); n++) {
        RoleAssignment a = d.assignments().get(n);
        batch.add(d.tenant().value(), n, a.principalId(), a.roleId().value(), a.scope().text());
      }
      batch.run();
    }
  }

  /** A batch of one insert statement, run only when it holds rows. */
  private static final class Batch {
    private final PreparedStatement statement;
    private int rows;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        // a null goes as an untyped null, which both drivers accept for any column
        statement.setObject(i + 1, values[i]);
      }
      statement.addBatch();
      rows++;
    }

    void run() throws SQLException {
      if (rows > 0) {
        statement.executeBatch();
      }
    }
  }

  /** Reads a tenant's rows; null when the tenant has no directory. */
  private Rows readRows(Connection c, TenantId tenant) throws SQLException {
    Rows rows;
    try (PreparedStatement p = c.prepareStatement(DirectorySql.SELECT_HEAD.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        rows = new Rows(rs.getLong(1), rs.getString(2), new int[] {rs.getInt(3), rs.getInt(4),
            rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)}, rs.getBoolean(10),
            rs.getString(11));
      }
    }
    try (PreparedStatement p = c.prepareStatement(DirectorySql.SELECT_OBJECTS.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long deleted = rs.getLong(7);
          Long deletedOn = rs.wasNull() ? null : deleted;
          rows.objects.put(rs.getString(1) + rs.getInt(2), new ObjectRow(rs.getString(1),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), deletedOn,
              rs.getString(8)));
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(DirectorySql.SELECT_ITEMS.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          ObjectRow o = rows.objects.get(rs.getString(1) + rs.getInt(2));
          if (o == null) {
            throw new SQLException("the directory of tenant '" + tenant + "' has a list element of"
                + " a missing object " + rs.getString(1) + rs.getInt(2));
          }
          o.items.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
              .add(new String[] {rs.getString(4), rs.getString(5)});
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement(DirectorySql.SELECT_ASSIGNMENTS.sql(dialect))) {
      p.setString(1, tenant.value());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          rows.assignments.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
      }
    }
    return rows;
  }

  /** One object row and its list elements (by list name, in order). */
  private record ObjectRow(String kind, String id, String name, String subtype, boolean flag,
      Long deletedOn, String rule, Map<String, List<String[]>> items) {
    ObjectRow(String kind, String id, String name, String subtype, boolean flag, Long deletedOn,
        String rule) {
      this(kind, id, name, subtype, flag, deletedOn, rule, new LinkedHashMap<>());
    }

    List<String> list(String listName) {
      return items.getOrDefault(listName, List.of()).stream().map(v -> v[0]).toList();
    }
  }

  /** A tenant's rows while they are read. */
  private static final class Rows {
    final long version;
    final String allowInvitesFrom;
    final int[] limits;
    final boolean userAdminOnLimitedAdmins;
    final String guestAccess;
    final Map<String, ObjectRow> objects = new LinkedHashMap<>();
    final List<String[]> assignments = new ArrayList<>();

    Rows(long version, String allowInvitesFrom, int[] limits, boolean userAdminOnLimitedAdmins,
        String guestAccess) {
      this.version = version;
      this.allowInvitesFrom = allowInvitesFrom;
      this.limits = limits;
      this.userAdminOnLimitedAdmins = userAdminOnLimitedAdmins;
      this.guestAccess = guestAccess;
    }

    Directory toDirectory(TenantId tenant) throws SQLException {
      try {
        Directory.Builder b = Directory.builder(tenant)
            .allowInvitesFrom(AllowInvitesFrom.valueOf(allowInvitesFrom))
            .limits(new TenantLimits(limits[0], limits[1], limits[2], limits[3], limits[4],
                limits[5], limits[6]))
            .allowAuScopedUserAdminOnLimitedAdmins(userAdminOnLimitedAdmins)
            .guestAccess(GuestAccessLevel.valueOf(guestAccess));
        for (ObjectRow o : objects.values()) {
          switch (o.kind()) {
            case "U" -> {
              Map<String, String> attributes = new LinkedHashMap<>();
              o.items().getOrDefault("A", List.of()).forEach(a -> attributes.put(a[0], a[1]));
              b.user(new User(UserId.of(o.id()), o.name(), UserType.valueOf(o.subtype()),
                  attributes, o.flag(),
                  o.deletedOn() == null ? null : LocalDate.ofEpochDay(o.deletedOn())));
            }
            case "G" -> b.group(new Group(GroupId.of(o.id()), o.name(),
                GroupKind.valueOf(o.subtype()), new LinkedHashSet<>(o.list("M")),
                new LinkedHashSet<>(o.list("O")), o.flag()));
            case "A" -> {
              LinkedHashSet<GroupId> groups = new LinkedHashSet<>();
              o.list("G").forEach(g -> groups.add(GroupId.of(g)));
              b.adminUnit(new AdministrativeUnit(AdminUnitId.of(o.id()), o.name(),
                  new LinkedHashSet<>(o.list("U")), groups,
                  o.rule() == null ? null : MembershipRule.parse(o.rule()), o.flag(),
                  o.subtype() == null ? RuleProcessingState.ON : RuleProcessingState.valueOf(o.subtype())));
            }
            case "S" -> b.servicePrincipal(new ServicePrincipal(o.id(), o.name()));
            case "R" -> b.customRole(new RoleDefinition(RoleId.of(o.id()), o.name(),
                o.list("P").stream().map(Permission::parse).toList(), false, o.flag()));
            default -> throw new IllegalArgumentException("unknown object kind '" + o.kind()
                + "' of object '" + o.id() + "'");
          }
        }
        for (String[] a : assignments) {
          b.assign(new RoleAssignment(a[0], RoleId.of(a[1]), Scope.parse(a[2])));
        }
        return b.build();
      } catch (RuntimeException e) {
        throw new SQLException("the directory of tenant '" + tenant + "' cannot be read back: "
            + e.getMessage(), e);
      }
    }
  }
}
