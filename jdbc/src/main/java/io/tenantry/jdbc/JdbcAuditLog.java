package io.tenantry.jdbc;

import io.tenantry.core.Page;
import io.tenantry.core.PageToken;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.spi.AuditLog;
import io.tenantry.core.validation.Problem;
import io.tenantry.jdbc.internal.AuditLogSql;
import io.tenantry.jdbc.internal.Transactions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@link AuditLog} port over JDBC: each tenant's audit trail in {@code tenantry_audit_record}
 * (details in {@code tenantry_audit_detail}), on PostgreSQL or H2.
 *
 * <p><b>Contract.</b> As {@link AuditLog}'s. Each record gets the next number of its tenant's own
 * sequence ({@code tenantry_audit_sequence}); queries return records by (time, sequence), i.e. by
 * time then order of appending, with keyset paging, so paging visits each matching record once even
 * while records are appended. A page token carries the tenant and a position (time and that
 * tenant's sequence number): it is refused for another tenant, and it reveals nothing about other
 * tenants. Times are stored exactly (seconds and nanoseconds), so a record reads back equal.
 *
 * <p><b>Transactions.</b> An append takes its tenant's sequence row (which serialises one tenant's
 * appends, not different tenants'), checks the id, and writes the record and its details in one
 * transaction; a purge removes details and records in one transaction: a failure at any point
 * leaves nothing behind. An append racing another append of the same id is retried and then sees
 * it: equal, a no-op; different, a {@link ConflictException} of kind {@code DUPLICATE_ID}.
 *
 * <p><b>Failures.</b> SQL failures surface as {@link io.tenantry.core.error.PortFailureException}
 * carrying the {@link SQLException}. Limits of the database apply to the stored strings: PostgreSQL
 * refuses the character U+0000, and indexes a record id or detail key of up to about 2,700 bytes.
 *
 * <p>Thread-safe; every call blocks on the database.
 */
public final class JdbcAuditLog implements AuditLog {

  private static final String TOKEN_VERSION = "a1";

  private final Transactions tx;
  private final JdbcDialect dialect;

  /**
   * Creates the audit log over an opened database.
   *
   * @param database the database, its schema migrated by {@link JdbcDatabase#open}
   * @throws NullPointerException if {@code database} is null
   */
  public JdbcAuditLog(JdbcDatabase database) {
    this.tx = Transactions.of(database);
    this.dialect = database.dialect();
  }

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    String what = "appending audit record '" + record.id() + "' of tenant '" + record.tenant() + "'";
    tx.inTransaction(what, true, c -> {
      long seq = nextSequence(c, record.tenant());
      AuditRecord stored = selectById(c, record.tenant(), record.id());
      if (stored != null) {
        c.rollback();
        if (stored.equals(record)) {
          return null;
        }
        throw new ConflictException("DUPLICATE_ID", "tenant '" + record.tenant()
            + "' already has a different audit record with id '" + record.id() + "'");
      }
      insert(c, seq, record);
      return null;
    });
  }

  @Override
  public Page<AuditRecord> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    TenantId tenant = query.tenant();
    Position lower = query.from() == null ? Position.FIRST : new Position(query.from(), 0);
    if (query.after() != null) {
      Position cursor = decode(tenant, query.after());
      lower = cursor.compareTo(lower) > 0 ? cursor : lower;
    }
    Instant to = query.to();
    AuditLogSql sql = query.actor() == null
        ? (query.activity() == null ? AuditLogSql.PAGE : AuditLogSql.PAGE_BY_ACTIVITY)
        : (query.activity() == null ? AuditLogSql.PAGE_BY_ACTOR : AuditLogSql.PAGE_BY_ACTOR_AND_ACTIVITY);
    Position from = lower;
    List<Row> rows = tx.read("querying the audit trail of tenant '" + tenant + "'", c -> {
      try (PreparedStatement p = c.prepareStatement(sql.sql(dialect))) {
        int i = 1;
        p.setString(i++, tenant.value());
        p.setLong(i++, from.seconds());
        p.setInt(i++, from.nanos());
        p.setLong(i++, from.seq());
        p.setLong(i++, to == null ? Long.MAX_VALUE : to.getEpochSecond());
        p.setInt(i++, to == null ? 0 : to.getNano());
        if (query.actor() != null) {
          p.setString(i++, query.actor());
        }
        if (query.activity() != null) {
          p.setString(i++, query.activity());
        }
        p.setInt(i++, query.limit() + 1);
        p.setString(i, tenant.value());
        try (ResultSet rs = p.executeQuery()) {
          return readRows(rs, tenant);
        }
      }
    });
    if (rows.size() <= query.limit()) {
      return Page.last(rows.stream().map(Row::record).toList());
    }
    List<Row> page = rows.subList(0, query.limit());
    Row last = page.get(page.size() - 1);
    return new Page<>(page.stream().map(Row::record).toList(),
        encode(tenant, new Position(last.record().time(), last.seq())));
  }

  @Override
  public long purgeBefore(TenantId tenant, Instant cutoff) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(cutoff, "cutoff");
    return tx.inTransaction("purging the audit trail of tenant '" + tenant + "' before " + cutoff,
        false, c -> {
          try (PreparedStatement details = c.prepareStatement(AuditLogSql.PURGE_DETAILS.sql(dialect))) {
            details.setString(1, tenant.value());
            details.setString(2, tenant.value());
            details.setLong(3, cutoff.getEpochSecond());
            details.setInt(4, cutoff.getNano());
            details.executeUpdate();
          }
          try (PreparedStatement records = c.prepareStatement(AuditLogSql.PURGE_RECORDS.sql(dialect))) {
            records.setString(1, tenant.value());
            records.setLong(2, cutoff.getEpochSecond());
            records.setInt(3, cutoff.getNano());
            return (long) records.executeUpdate();
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcAuditLog";
  }

  /** Takes the tenant's append lock and the next number of its sequence. */
  private long nextSequence(Connection c, TenantId tenant) throws SQLException {
    try (PreparedStatement bump = c.prepareStatement(AuditLogSql.BUMP_SEQUENCE.sql(dialect))) {
      bump.setString(1, tenant.value());
      if (bump.executeUpdate() == 0) {
        try (PreparedStatement first = c.prepareStatement(AuditLogSql.INSERT_SEQUENCE.sql(dialect))) {
          first.setString(1, tenant.value());
          first.executeUpdate();
          return 1;
        }
      }
    }
    try (PreparedStatement read = c.prepareStatement(AuditLogSql.SELECT_SEQUENCE.sql(dialect))) {
      read.setString(1, tenant.value());
      try (ResultSet rs = read.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the audit sequence row of tenant '" + tenant + "' vanished");
        }
        return rs.getLong(1);
      }
    }
  }

  private AuditRecord selectById(Connection c, TenantId tenant, String id)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(AuditLogSql.SELECT_BY_ID.sql(dialect))) {
      p.setString(1, tenant.value());
      p.setString(2, id);
      try (ResultSet rs = p.executeQuery()) {
        List<Row> rows = readRows(rs, tenant);
        return rows.isEmpty() ? null : rows.get(0).record();
      }
    }
  }

  private void insert(Connection c, long seq, AuditRecord r) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(AuditLogSql.INSERT_RECORD.sql(dialect))) {
      p.setString(1, r.tenant().value());
      p.setLong(2, seq);
      p.setString(3, r.id());
      p.setLong(4, r.time().getEpochSecond());
      p.setInt(5, r.time().getNano());
      p.setString(6, r.actor());
      p.setString(7, r.activity());
      if (r.target() == null) {
        p.setNull(8, Types.VARCHAR);
      } else {
        p.setString(8, r.target());
      }
      p.setString(9, r.result().name());
      p.executeUpdate();
    }
    if (r.details().isEmpty()) {
      return;
    }
    try (PreparedStatement p = c.prepareStatement(AuditLogSql.INSERT_DETAIL.sql(dialect))) {
      for (Map.Entry<String, String> d : r.details().entrySet()) {
        p.setString(1, r.tenant().value());
        p.setLong(2, seq);
        p.setString(3, d.getKey());
        p.setString(4, d.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private record Row(long seq, AuditRecord record) {}

  /**
   * Reads records from rows of (seq, record_id, time_s, time_n, actor, activity, target, result,
   * detail_key, detail_value), one row per detail (or one with null details), grouped by seq.
   */
  private static List<Row> readRows(ResultSet rs, TenantId tenant) throws SQLException {
    List<Row> rows = new ArrayList<>();
    long seq = 0;
    String[] fields = null;
    long seconds = 0;
    int nanos = 0;
    TreeMap<String, String> details = null;
    while (rs.next()) {
      long s = rs.getLong(1);
      if (fields == null || s != seq) {
        if (fields != null) {
          rows.add(new Row(seq, toRecord(tenant, fields, seconds, nanos, details)));
        }
        seq = s;
        fields = new String[] {rs.getString(2), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8)};
        seconds = rs.getLong(3);
        nanos = rs.getInt(4);
        details = new TreeMap<>();
      }
      String key = rs.getString(9);
      if (key != null) {
        details.put(key, rs.getString(10));
      }
    }
    if (fields != null) {
      rows.add(new Row(seq, toRecord(tenant, fields, seconds, nanos, details)));
    }
    return rows;
  }

  private static AuditRecord toRecord(TenantId tenant, String[] f, long seconds, int nanos,
      Map<String, String> details) throws SQLException {
    AuditResult result;
    try {
      result = AuditResult.valueOf(f[4]);
    } catch (IllegalArgumentException e) {
      throw new SQLException("audit record '" + f[0] + "' of tenant '" + tenant
          + "' has an unknown result '" + f[4] + "'", e);
    }
    return new AuditRecord(f[0], tenant, Instant.ofEpochSecond(seconds, nanos), f[1], f[2], f[3],
        result, details);
  }

  /** A position in a tenant's trail: time, then sequence number. */
  private record Position(long seconds, int nanos, long seq) implements Comparable<Position> {
    static final Position FIRST = new Position(Long.MIN_VALUE, 0, 0);

    Position(Instant time, long seq) {
      this(time.getEpochSecond(), time.getNano(), seq);
    }

    @Override
    public int compareTo(Position o) {
      int c = Long.compare(seconds, o.seconds);
      if (c == 0) {
        c = Integer.compare(nanos, o.nanos);
      }
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private static PageToken encode(TenantId tenant, Position p) {
    String raw = TOKEN_VERSION + '\n' + tenant.value() + '\n' + p.seconds() + '\n' + p.nanos() + '\n'
        + p.seq();
    return new PageToken(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
  }

  private static Position decode(TenantId tenant, PageToken token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token.value()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length == 5 && parts[0].equals(TOKEN_VERSION) && parts[1].equals(tenant.value())) {
        long seconds = Long.parseLong(parts[2]);
        int nanos = Integer.parseInt(parts[3]);
        long seq = Long.parseLong(parts[4]);
        Instant.ofEpochSecond(seconds, nanos);
        if (nanos >= 0 && nanos < 1_000_000_000 && seq >= 0) {
          return new Position(seconds, nanos, seq);
        }
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // fall through: the same answer for every malformed or foreign token
    }
    throw new ValidationException(Problem.of("after",
        "is not a page token of this tenant's audit trail", token.value()));
  }
}
