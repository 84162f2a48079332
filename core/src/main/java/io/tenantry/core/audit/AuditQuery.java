package io.tenantry.core.audit;

import io.tenantry.core.PageToken;
import io.tenantry.core.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over one tenant's audit trail: a time range, optionally one actor and one activity, and a
 * page size. Results come oldest first (by time, then by order of appending).
 *
 * <p>Build one with {@link #of(TenantId)} and the {@code with…} methods; each returns a new query.
 *
 * @param tenant the tenant whose trail is read; the query never returns another tenant's records
 * @param from the earliest time included, or null for no lower bound
 * @param to the first time excluded, or null for no upper bound
 * @param actor only records by this actor, or null for all actors
 * @param activity only records of this activity, or null for all activities
 * @param limit the largest number of records on one page, 1 to {@value #MAX_LIMIT}
 * @param after the token of the previous page, or null for the first page
 */
public record AuditQuery(TenantId tenant, Instant from, Instant to, String actor, String activity,
    int limit, PageToken after) {

  /** The default page size. */
  public static final int DEFAULT_LIMIT = 1000;
  /** The largest page size accepted. */
  public static final int MAX_LIMIT = 100_000;

  /**
   * Validates the query.
   *
   * @throws NullPointerException if {@code tenant} is null
   * @throws IllegalArgumentException if {@code limit} is out of range or {@code from} is after {@code to}
   */
  public AuditQuery {
    Objects.requireNonNull(tenant, "tenant");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    }
  }

  /**
   * Starts a query over a tenant's whole trail, first page, default page size.
   *
   * @param tenant the tenant
   * @return the query
   */
  public static AuditQuery of(TenantId tenant) {
    return new AuditQuery(tenant, null, null, null, null, DEFAULT_LIMIT, null);
  }

  /**
   * Restricts the query to {@code [from, to)}.
   *
   * @param from the earliest time included, or null
   * @param to the first time excluded, or null
   * @return a new query
   */
  public AuditQuery withTimeRange(Instant from, Instant to) {
    return new AuditQuery(tenant, from, to, actor, activity, limit, after);
  }

  /**
   * Restricts the query to one actor.
   *
   * @param actor the actor, or null for all
   * @return a new query
   */
  public AuditQuery withActor(String actor) {
    return new AuditQuery(tenant, from, to, actor, activity, limit, after);
  }

  /**
   * Restricts the query to one activity.
   *
   * @param activity the activity, or null for all
   * @return a new query
   */
  public AuditQuery withActivity(String activity) {
    return new AuditQuery(tenant, from, to, actor, activity, limit, after);
  }

  /**
   * Sets the page size.
   *
   * @param limit 1 to {@value #MAX_LIMIT}
   * @return a new query
   */
  public AuditQuery withLimit(int limit) {
    return new AuditQuery(tenant, from, to, actor, activity, limit, after);
  }

  /**
   * Asks for the page after the one that returned {@code token}.
   *
   * @param token the previous page's token, or null for the first page
   * @return a new query
   */
  public AuditQuery after(PageToken token) {
    return new AuditQuery(tenant, from, to, actor, activity, limit, token);
  }

  /**
   * Tells whether a record matches the query's filters (tenant, time range, actor, activity).
   *
   * @param r the record
   * @return true when the record belongs on some page of this query
   */
  public boolean matches(AuditRecord r) {
    return r.tenant().equals(tenant)
        && (from == null || !r.time().isBefore(from))
        && (to == null || r.time().isBefore(to))
        && (actor == null || actor.equals(r.actor()))
        && (activity == null || activity.equals(r.activity()));
  }

  /**
   * Returns the previous page's token.
   *
   * @return the token, or empty for the first page
   */
  public Optional<PageToken> afterToken() {
    return Optional.ofNullable(after);
  }
}
