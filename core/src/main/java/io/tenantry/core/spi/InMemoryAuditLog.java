package io.tenantry.core.spi;

import io.tenantry.core.Page;
import io.tenantry.core.PageToken;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An {@link AuditLog} held in memory: thread-safe, lock-free for readers, fit for production use on
 * a single node whose audit trail need not survive a restart (or that copies it elsewhere).
 *
 * <p>Each tenant has its own trail, indexed by (time, per-tenant sequence number), so a range query
 * touches only the records it returns plus those its actor/activity filters skip. Page tokens name
 * a position in one tenant's trail and are bound to that tenant: a token used with another tenant is
 * rejected, and since sequence numbers are per tenant, a token reveals nothing about other tenants.
 * Memory grows with the trail; apply retention ({@link #purgeBefore}) to bound it.
 */
public final class InMemoryAuditLog implements AuditLog {

  private record Position(Instant time, long seq) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
      int c = time.compareTo(o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private static final class Trail {
    final NavigableMap<Position, AuditRecord> records = new ConcurrentSkipListMap<>();
    final Map<String, Position> byId = new ConcurrentHashMap<>();
    long nextSeq;
  }

  private final ConcurrentHashMap<TenantId, Trail> trails = new ConcurrentHashMap<>();

  /** Creates an empty log. */
  public InMemoryAuditLog() {}

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    Trail trail = trails.computeIfAbsent(record.tenant(), t -> new Trail());
    synchronized (trail) {
      Position existing = trail.byId.get(record.id());
      if (existing != null) {
        AuditRecord stored = trail.records.get(existing);
        if (record.equals(stored)) {
          return;
        }
        throw new ConflictException("DUPLICATE_ID", "tenant '" + record.tenant()
            + "' already has a different audit record with id '" + record.id() + "'");
      }
      Position p = new Position(record.time(), trail.nextSeq++);
      trail.records.put(p, record);
      trail.byId.put(record.id(), p);
    }
  }

  @Override
  public Page<AuditRecord> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    Trail trail = trails.get(query.tenant());
    Position cursor = query.after() == null ? null : decode(query.tenant(), query.after());
    if (trail == null) {
      return Page.last(List.of());
    }
    NavigableMap<Position, AuditRecord> view = trail.records;
    if (cursor != null) {
      view = view.tailMap(cursor, false);
    } else if (query.from() != null) {
      view = view.tailMap(new Position(query.from(), Long.MIN_VALUE), true);
    }
    if (query.to() != null) {
      view = view.headMap(new Position(query.to(), Long.MIN_VALUE), false);
    }
    List<AuditRecord> page = new ArrayList<>(Math.min(query.limit(), 1024));
    Position last = null;
    Iterator<Map.Entry<Position, AuditRecord>> it = view.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Position, AuditRecord> e = it.next();
      if (!query.matches(e.getValue())) {
        continue;
      }
      if (page.size() == query.limit()) {
        return new Page<>(page, encode(query.tenant(), last));
      }
      page.add(e.getValue());
      last = e.getKey();
    }
    return Page.last(page);
  }

  @Override
  public long purgeBefore(TenantId tenant, Instant cutoff) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(cutoff, "cutoff");
    Trail trail = trails.get(tenant);
    if (trail == null) {
      return 0;
    }
    synchronized (trail) {
      NavigableMap<Position, AuditRecord> old =
          trail.records.headMap(new Position(cutoff, Long.MIN_VALUE), false);
      long n = 0;
      for (Iterator<AuditRecord> it = old.values().iterator(); it.hasNext(); ) {
        trail.byId.remove(it.next().id());
        it.remove();
        n++;
      }
      return n;
    }
  }

  private static PageToken encode(TenantId tenant, Position p) {
    String raw = tenant.value() + '\n' + p.time().getEpochSecond() + '\n' + p.time().getNano()
        + '\n' + p.seq();
    return new PageToken(Base64.getUrlEncoder().withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
  }

  private static Position decode(TenantId tenant, PageToken token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token.value()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length == 4 && parts[0].equals(tenant.value())) {
        return new Position(Instant.ofEpochSecond(Long.parseLong(parts[1]),
            Long.parseLong(parts[2])), Long.parseLong(parts[3]));
      }
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      // fall through: the same answer for every malformed or foreign token
    }
    throw new ValidationException(Problem.of("after", "is not a page token of this tenant's audit"
        + " trail", token.value()));
  }
}
