package io.tenantry.reports.input;

import io.tenantry.core.TenantId;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One tenant's groups snapshot ({@code groups.csv}): the groups in file order, each known by its
 * dense index and its Group Id (unique, compared exactly). Immutable and thread-safe.
 */
public final class GroupDirectory {
  private final TenantId tenant;
  private final List<DirectoryGroup> groups;
  private final Map<String, Integer> byId;

  private GroupDirectory(TenantId tenant, List<DirectoryGroup> groups, Map<String, Integer> byId) {
    this.tenant = tenant;
    this.groups = groups;
    this.byId = byId;
  }

  /**
   * Builds a snapshot.
   *
   * @param tenant the tenant
   * @param groups the groups, in order
   * @param source the file name for error locations
   * @return the snapshot
   * @throws io.tenantry.core.error.ValidationException listing every duplicate Group Id
   */
  public static GroupDirectory of(TenantId tenant, List<DirectoryGroup> groups, String source) {
    Objects.requireNonNull(tenant, "tenant");
    List<DirectoryGroup> copy = List.copyOf(groups);
    Map<String, Integer> byId = new HashMap<>();
    Problems problems = new Problems();
    for (int i = 0; i < copy.size(); i++) {
      DirectoryGroup g = copy.get(i);
      Integer prev = byId.putIfAbsent(g.id().value(), i);
      if (prev != null) {
        problems.add(Problem.of("Group Id", "duplicate Group Id (first on line "
            + copy.get(prev).line() + ")", g.id().value())
            .at(new SourceLocation(source == null || source.isBlank() ? "groups" : source,
                g.line())));
      }
    }
    problems.throwIfAny();
    return new GroupDirectory(tenant, copy, byId);
  }

  /**
   * Returns an empty snapshot (no {@code groups.csv}).
   *
   * @param tenant the tenant
   * @return a snapshot without groups
   */
  public static GroupDirectory empty(TenantId tenant) {
    return new GroupDirectory(Objects.requireNonNull(tenant, "tenant"), List.of(), Map.of());
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return tenant;
  }

  /**
   * Returns the number of groups.
   *
   * @return the size
   */
  public int size() {
    return groups.size();
  }

  /**
   * Returns the group at an index.
   *
   * @param index the index
   * @return the group
   * @throws IndexOutOfBoundsException for a bad index
   */
  public DirectoryGroup group(int index) {
    return groups.get(index);
  }

  /**
   * Returns every group in file order.
   *
   * @return an immutable list
   */
  public List<DirectoryGroup> groups() {
    return groups;
  }

  /**
   * Finds a group by its exact Group Id.
   *
   * @param id the id
   * @return its index, or empty
   */
  public OptionalInt indexOf(String id) {
    Integer i = byId.get(id);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }
}
