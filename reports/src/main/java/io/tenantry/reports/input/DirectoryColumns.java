package io.tenantry.reports.input;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a {@link UserDirectory}'s users that every detail report reads, as columns indexed
 * by the user's directory index: dates as epoch days in {@code long}s and the listed strings by
 * reference. A report reads its users' rows from these arrays instead of following each {@link
 * DirectoryUser} and its maps. Built once per directory by {@link UserDirectory#columns()};
 * immutable and thread-safe.
 */
public final class DirectoryColumns {
  /** The created day of a user without a Created Date: before every day. */
  public static final long ALWAYS = Long.MIN_VALUE;
  /** The deleted or licence day of a user without one: after every day. */
  public static final long NEVER = Long.MAX_VALUE;
  private static final Workload[] WORKLOADS = Workload.values();

  private final long[] created;
  private final long[] deleted;
  private final long[][] licensed;
  private final String[] ids;
  private final String[] principalNames;
  private final String[] products;

  DirectoryColumns(List<DirectoryUser> users) {
    int n = users.size();
    created = new long[n];
    deleted = new long[n];
    licensed = new long[WORKLOADS.length][n];
    ids = new String[n];
    principalNames = new String[n];
    products = new String[n];
    for (int u = 0; u < n; u++) {
      DirectoryUser user = users.get(u);
      created[u] = day(user.createdDate(), ALWAYS);
      deleted[u] = day(user.deletedDate(), NEVER);
      for (Workload w : WORKLOADS) {
        licensed[w.ordinal()][u] = day(user.licenceAssignDates().get(w), NEVER);
      }
      ids[u] = user.id().value();
      principalNames[u] = user.userPrincipalName();
      products[u] = user.assignedProducts();
    }
  }

  private static long day(LocalDate d, long none) {
    return d == null ? none : d.toEpochDay();
  }

  /**
   * Returns a user's Created Date.
   *
   * @param user the directory index
   * @return the epoch day, or {@link #ALWAYS} when blank
   * @throws IndexOutOfBoundsException for a bad index
   */
  public long created(int user) {
    return created[user];
  }

  /**
   * Returns a user's Deleted Date.
   *
   * @param user the directory index
   * @return the epoch day, or {@link #NEVER} when blank
   * @throws IndexOutOfBoundsException for a bad index
   */
  public long deleted(int user) {
    return deleted[user];
  }

  /**
   * Returns a user's licence assign date for a service.
   *
   * @param service the service
   * @param user the directory index
   * @return the epoch day, or {@link #NEVER} when the user has no licence for it
   * @throws IndexOutOfBoundsException for a bad index
   */
  public long licensed(Workload service, int user) {
    return licensed[service.ordinal()][user];
  }

  /**
   * Returns a user's User Id.
   *
   * @param user the directory index
   * @return the id's value
   * @throws IndexOutOfBoundsException for a bad index
   */
  public String id(int user) {
    return ids[user];
  }

  /**
   * Returns a user's principal name.
   *
   * @param user the directory index
   * @return the name as written
   * @throws IndexOutOfBoundsException for a bad index
   */
  public String principalName(int user) {
    return principalNames[user];
  }

  /**
   * Returns a user's Assigned Products.
   *
   * @param user the directory index
   * @return the products as written ("" for none)
   * @throws IndexOutOfBoundsException for a bad index
   */
  public String assignedProducts(int user) {
    return products[user];
  }
}
