package io.tenantry.reports.input;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * One tenant's directory snapshot: the users of {@code users.csv} in file order, each known by its
 * position (its dense index, used by the engine as the user's dictionary code), its User Id and its
 * user principal name.
 *
 * <p>Immutable and thread-safe. User Ids are unique (compared exactly); user principal names are
 * unique ignoring case.
 */
public final class UserDirectory {
  private final TenantId tenant;
  private final String source;
  private final List<DirectoryUser> users;
  private final Map<String, Integer> byId;
  private final Map<String, Integer> byUpn;
  private volatile int[] principalNameOrder;
  private volatile DirectoryColumns columns;

  private UserDirectory(TenantId tenant, String source, List<DirectoryUser> users,
      Map<String, Integer> byId, Map<String, Integer> byUpn) {
    this.tenant = tenant;
    this.source = source;
    this.users = users;
    this.byId = byId;
    this.byUpn = byUpn;
  }

  /**
   * Builds a directory.
   *
   * @param tenant the tenant the snapshot belongs to
   * @param users the users, in order
   * @param source the file name for error locations (e.g. {@code users.csv})
   * @return the directory
   * @throws ValidationException listing every duplicate User Id and user principal name, each with
   *     the line of the later row
   */
  public static UserDirectory of(TenantId tenant, List<DirectoryUser> users, String source) {
    Objects.requireNonNull(tenant, "tenant");
    List<DirectoryUser> copy = List.copyOf(users);
    Map<String, Integer> byId = new HashMap<>(copy.size() * 2);
    Map<String, Integer> byUpn = new HashMap<>(copy.size() * 2);
    Problems problems = new Problems();
    String file = source == null || source.isBlank() ? "users" : source;
    for (int i = 0; i < copy.size(); i++) {
      DirectoryUser u = copy.get(i);
      SourceLocation at = new SourceLocation(file, u.line());
      Integer prev = byId.putIfAbsent(u.id().value(), i);
      if (prev != null) {
        problems.add(Problem.of("User Id", "duplicate User Id (first on line "
            + copy.get(prev).line() + ")", u.id().value()).at(at));
      }
      prev = byUpn.putIfAbsent(upnKey(u.userPrincipalName()), i);
      if (prev != null) {
        problems.add(Problem.of("User Principal Name",
            "duplicate User Principal Name, compared ignoring case (first on line "
                + copy.get(prev).line() + ")", u.userPrincipalName()).at(at));
      }
    }
    problems.throwIfAny();
    return new UserDirectory(tenant, file, copy, byId, byUpn);
  }

  /**
   * Builds a directory of users built in code.
   *
   * @param tenant the tenant
   * @param users the users
   * @return the directory
   * @throws ValidationException on duplicate ids or user principal names
   */
  public static UserDirectory of(TenantId tenant, List<DirectoryUser> users) {
    return of(tenant, users, "users");
  }

  static String upnKey(String upn) {
    return upn.toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the file the snapshot was read from, as given to {@link #of(TenantId, List, String)}:
   * the name later problems about its rows (e.g. a bad {@code Migration Date}) are located in.
   *
   * @return the file name, {@code users} for a directory built in code or without a name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the tenant this snapshot belongs to.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the number of users.
   *
   * @return the size
   */
  public int size() {
    return users.size();
  }

  /**
   * Returns the user at an index.
   *
   * @param index 0 ≤ index &lt; {@link #size()}
   * @return the user
   * @throws IndexOutOfBoundsException for a bad index
   */
  public DirectoryUser user(int index) {
    return users.get(index);
  }

  /**
   * Returns every user, in file order.
   *
   * @return an immutable list
   */
  public List<DirectoryUser> users() {
    return users;
  }

  /**
   * Resolves an event's {@code user} field (§3): a User Id matched exactly, or failing that a user
   * principal name matched ignoring case.
   *
   * @param reference the value of the field
   * @return the user's index, or empty when nobody matches
   */
  public OptionalInt resolve(String reference) {
    Integer i = byId.get(reference);
    if (i == null) {
      i = byUpn.get(upnKey(reference));
    }
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * Finds a user by an event-style reference (see {@link #resolve}).
   *
   * @param reference a User Id or a user principal name
   * @return the user, or empty
   */
  public Optional<DirectoryUser> find(String reference) {
    OptionalInt i = resolve(reference);
    return i.isPresent() ? Optional.of(users.get(i.getAsInt())) : Optional.empty();
  }

  /**
   * Returns the users' indexes in the order reports list users: by user principal name ignoring
   * case ({@link String#CASE_INSENSITIVE_ORDER}), then by the exact name. Computed once per
   * directory (the names do not change), so a report sorts its rows without comparing names.
   *
   * @return a new array holding a permutation of 0 … {@link #size()}−1
   */
  public int[] principalNameOrder() {
    int[] order = principalNameOrder;
    if (order == null) {
      Comparator<String> names =
          String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
      order = IntStream.range(0, users.size()).boxed()
          .sorted(Comparator.comparing(i -> users.get(i).userPrincipalName(), names))
          .mapToInt(Integer::intValue).toArray();
      principalNameOrder = order;
    }
    return Arrays.copyOf(order, order.length);
  }

  /**
   * Returns the users' fields that detail reports read, as columns by directory index. Built on
   * first use and kept (the directory does not change).
   *
   * @return the columns
   */
  public DirectoryColumns columns() {
    DirectoryColumns c = columns;
    if (c == null) {
      c = new DirectoryColumns(users);
      columns = c;
    }
    return c;
  }
}
