package io.tenantry.jdbc.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.ConflictException;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.ExpirationSetting;
import io.tenantry.groups.GuestDomainPolicy;
import io.tenantry.groups.ManagedGroupTypes;
import io.tenantry.groups.NamingPolicy;
import io.tenantry.groups.TenantGroupSettings;
import io.tenantry.groups.spi.GroupSettingsStore;
import io.tenantry.jdbc.JdbcDatabase;
import io.tenantry.jdbc.JdbcDialect;
import io.tenantry.jdbc.internal.GroupSettingsSql;
import io.tenantry.jdbc.internal.OptimisticWrite;
import io.tenantry.jdbc.internal.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@link GroupSettingsStore} port over JDBC: a tenant's group settings in a row of {@code
 * tenantry_group_settings} (with a version) and their lists (blocked words, guest domains, the
 * expiration policy's selected groups and notification addresses) in {@code
 * tenantry_group_settings_item}, on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link GroupSettingsStore}'s: one tenant per call; a tenant that never
 * stored settings reads {@link TenantGroupSettings#defaults(TenantId)}; a read sees one committed
 * state (one statement). Settings read back equal to what was put, field by field (sets, such as
 * the guest domains and the selected groups, are stored sorted; an empty naming policy reads back
 * as {@link NamingPolicy#none()}).
 *
 * <p><b>Optimistic concurrency.</b> Every write bumps the version. Two admins changing different
 * settings from the same read (one the naming policy, the other the expiration policy) would lose
 * one change with the port's unconditional {@link #put(TenantId, TenantGroupSettings)}; {@link
 * #getVersioned} and {@link #put(TenantId, TenantGroupSettings, long)} refuse the stale write with a
 * {@link ConflictException} of kind {@code STALE_VERSION} instead.
 *
 * <p><b>Transactions.</b> A write replaces the row and its lists in one transaction; a failure
 * leaves the previous settings whole. SQL failures, and stored values this Tenantry cannot read,
 * surface as {@link io.tenantry.core.error.PortFailureException} carrying the cause. Thread-safe;
 * every call blocks on the database.
 */
public final class JdbcGroupSettingsStore implements GroupSettingsStore {

  /**
   * A tenant's settings with the version they had when read.
   *
   * @param settings the settings (the defaults when none were stored)
   * @param version their version: 0 when none were stored, then 1, bumped by every write
   */
  public record Versioned(TenantGroupSettings settings, long version) {
    /**
     * Validates the pair.
     *
     * @throws NullPointerException if {@code settings} is null
     * @throws IllegalArgumentException if the version is negative
     */
    public Versioned {
      Objects.requireNonNull(settings, "settings");
      if (version < 0) {
        throw new IllegalArgumentException("version must not be negative, got " + version);
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
  public JdbcGroupSettingsStore(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  @Override
  public TenantGroupSettings get(TenantId tenant) {
    return getVersioned(tenant).settings();
  }

  /**
   * Reads a tenant's settings with their version, for a later {@link #put(TenantId,
   * TenantGroupSettings, long)}.
   *
   * @param tenant the tenant
   * @return the settings (or the defaults, at version 0)
   * @throws io.tenantry.core.error.PortFailureException if the database failed
   */
  public Versioned getVersioned(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Optional<Versioned> stored = tx.read("reading the group settings of tenant '" + tenant + "'",
        c -> {
          try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.SELECT.sql(dialect))) {
            p.setString(1, tenant.value());
            try (ResultSet rs = p.executeQuery()) {
              return read(rs, tenant);
            }
          }
        });
    return stored.orElseGet(() -> new Versioned(TenantGroupSettings.defaults(tenant), 0));
  }

  @Override
  public void put(TenantId tenant, TenantGroupSettings settings) {
    put(tenant, settings, OptimisticWrite.ANY);
  }

  /**
   * Replaces a tenant's settings if they are still at the version the caller read.
   *
   * @param tenant the tenant
   * @param settings the new settings
   * @param expectedVersion the version read with {@link #getVersioned} ({@code 0}: none stored), or
   *     {@code -1} to write whatever is stored
   * @return the new version
   * @throws ConflictException of kind {@code STALE_VERSION} if the settings are not at that version;
   *     nothing is written
   * @throws IllegalArgumentException if {@code expectedVersion} is below -1
   * @throws io.tenantry.core.error.PortFailureException if the database failed; nothing is written
   */
  public long put(TenantId tenant, TenantGroupSettings settings, long expectedVersion) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(settings, "settings");
    String what = "the group settings of tenant '" + tenant + "'";
    return tx.inTransaction("writing " + what, true, c -> {
      Long current;
      try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.LOCK_VERSION.sql(dialect))) {
        p.setString(1, tenant.value());
        try (ResultSet rs = p.executeQuery()) {
          current = rs.next() ? rs.getLong(1) : null;
        }
      }
      long next = OptimisticWrite.write(current, expectedVersion, what, () -> {
        try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.INSERT.sql(dialect))) {
          p.setString(1, tenant.value());
          bind(p, 2, settings);
          p.executeUpdate();
        }
      }, version -> {
        try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.UPDATE.sql(dialect))) {
          int i = bind(p, 1, settings);
          p.setString(i++, tenant.value());
          p.setLong(i, version);
          return p.executeUpdate();
        }
      });
      if (current != null) {
        try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.DELETE_ITEMS.sql(dialect))) {
          p.setString(1, tenant.value());
          p.executeUpdate();
        }
      }
      insertItems(c, tenant, settings);
      return next;
    });
  }

  @Override
  public String toString() {
    return "JdbcGroupSettingsStore";
  }

  /** Binds enable_group_creation … expiration_enabled_on from {@code first}; returns the next. */
  private static int bind(PreparedStatement p, int first, TenantGroupSettings s)
      throws SQLException {
    int i = first;
    p.setBoolean(i++, s.enableGroupCreation());
    p.setString(i++, s.groupCreationAllowedGroupId() == null ? null
        : s.groupCreationAllowedGroupId().value());
    p.setBoolean(i++, s.usersCanCreateSecurityGroups());
    p.setString(i++, s.namingPolicy().pattern());
    p.setBoolean(i++, s.allowGuestsToBeGroupOwner());
    p.setBoolean(i++, s.allowGuestsToAccessGroups());
    p.setBoolean(i++, s.allowToAddGuests());
    p.setString(i++, s.guestDomains().mode().name());
    p.setBoolean(i++, s.guestDomains().matchSubdomains());
    p.setString(i++, s.mailDomain());
    ExpirationSetting x = s.expiration();
    if (x == null) {
      p.setNull(i++, Types.INTEGER);
      p.setNull(i++, Types.VARCHAR);
      p.setNull(i++, Types.BIGINT);
    } else {
      p.setInt(i++, x.policy().lifetimeDays());
      p.setString(i++, x.policy().managedGroupTypes().name());
      p.setLong(i++, x.enabledOn().toEpochDay());
    }
    return i;
  }

  private void insertItems(Connection c, TenantId tenant, TenantGroupSettings s)
      throws SQLException {
    List<String[]> items = new ArrayList<>();
    s.namingPolicy().blockedWords().forEach(w -> items.add(new String[] {"W", w}));
    new TreeSet<>(s.guestDomains().domains()).forEach(d -> items.add(new String[] {"D", d}));
    if (s.expiration() != null) {
      ExpirationPolicy policy = s.expiration().policy();
      new TreeSet<>(policy.selected()).forEach(g -> items.add(new String[] {"S", g.value()}));
      policy.alternateNotificationEmails().forEach(e -> items.add(new String[] {"E", e}));
    }
    if (items.isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement(GroupSettingsSql.INSERT_ITEM.sql(dialect))) {
      for (int i = 0; i < items.size(); i++) {
        p.setString(1, tenant.value());
        p.setString(2, items.get(i)[0]);
        p.setInt(3, i);
        p.setString(4, items.get(i)[1]);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static Optional<Versioned> read(ResultSet rs, TenantId tenant) throws SQLException {
    if (!rs.next()) {
      return Optional.empty();
    }
    long version = rs.getLong(1);
    boolean enableCreation = rs.getBoolean(2);
    String allowedGroup = rs.getString(3);
    boolean securityGroups = rs.getBoolean(4);
    String pattern = rs.getString(5);
    boolean guestOwners = rs.getBoolean(6);
    boolean guestAccess = rs.getBoolean(7);
    boolean addGuests = rs.getBoolean(8);
    String domainMode = rs.getString(9);
    boolean subdomains = rs.getBoolean(10);
    String mailDomain = rs.getString(11);
    int lifetime = rs.getInt(12);
    boolean expires = !rs.wasNull();
    String managed = rs.getString(13);
    long enabledOn = rs.getLong(14);
    List<String> words = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    List<GroupId> selected = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    do {
      String list = rs.getString(15);
      String item = rs.getString(16);
      if (list == null) {
        continue;
      }
      switch (list) {
        case "W" -> words.add(item);
        case "D" -> domains.add(item);
        case "S" -> selected.add(GroupId.of(item));
        case "E" -> emails.add(item);
        default -> throw new SQLException("the group settings of tenant '" + tenant
            + "' have an element of unknown list '" + list + "'");
      }
    } while (rs.next());
    try {
      NamingPolicy naming = pattern.isEmpty() && words.isEmpty() ? NamingPolicy.none()
          : NamingPolicy.of(pattern, words);
      ExpirationSetting expiration = expires
          ? new ExpirationSetting(new ExpirationPolicy(lifetime, ManagedGroupTypes.valueOf(managed),
              new TreeSet<>(selected), emails), LocalDate.ofEpochDay(enabledOn))
          : null;
      TenantGroupSettings s = new TenantGroupSettings(enableCreation,
          allowedGroup == null ? null : GroupId.of(allowedGroup), securityGroups, naming,
          guestOwners, guestAccess, addGuests,
          new GuestDomainPolicy(GuestDomainPolicy.Mode.valueOf(domainMode), new TreeSet<>(domains),
              subdomains),
          expiration, mailDomain);
      return Optional.of(new Versioned(s, version));
    } catch (RuntimeException e) {
      throw new SQLException("the group settings of tenant '" + tenant
          + "' cannot be read back: " + e.getMessage(), e);
    }
  }
}
