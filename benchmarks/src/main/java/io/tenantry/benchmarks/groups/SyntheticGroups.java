package io.tenantry.benchmarks.groups;

import io.tenantry.core.GroupId;
import io.tenantry.core.TenantId;
import io.tenantry.core.UserId;
import io.tenantry.groups.ExpirationPolicy;
import io.tenantry.groups.Group;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.simulation.SimulatedAction;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.SimulationFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic tenant for the lifecycle benchmarks: its groups and a simulation of the
 * first days after the expiration policy (180 days, all Microsoft 365 groups) is switched on.
 *
 * <p>90% of the groups are Microsoft 365 groups, the rest security groups; they were created over
 * the two years before the policy; half have an owner; one in ten had activity on a few days, the
 * last of them up to the end of the simulated range. One group in a thousand gets an action (a
 * delete, a restore or an owner renewal) on a simulated day, some of which the rules ignore (a
 * restore of a live group, say). The same seed gives the same tenant.
 */
public final class SyntheticGroups {
  /** The tenant of every synthetic group. */
  public static final TenantId TENANT = TenantId.of("contoso");
  /** The day the policy is switched on; the simulation starts that day. */
  public static final LocalDate ENABLED = LocalDate.of(2026, 1, 1);
  /** The policy: 180 days, every Microsoft 365 group, notices of ownerless groups to IT. */
  public static final ExpirationPolicy POLICY = ExpirationPolicy.all(180, List.of("it@contoso.com"));

  private SyntheticGroups() {}

  /**
   * Draws the groups, each with its activity days.
   *
   * @param count how many groups
   * @param lastDay the last day activity may fall on
   * @return the groups, by id order
   */
  public static List<SimulatedGroup> groups(int count, LocalDate lastDay) {
    SplittableRandom random = new SplittableRandom(42);
    List<UserId> owner = List.of(UserId.of("owner@contoso.com"));
    List<SimulatedGroup> all = new ArrayList<>(count);
    int span = (int) (lastDay.toEpochDay() - ENABLED.toEpochDay()) + 1;
    for (int i = 0; i < count; i++) {
      GroupKind kind = random.nextInt(10) == 0 ? GroupKind.SECURITY : GroupKind.MICROSOFT_365;
      LocalDate created = ENABLED.minusDays(random.nextInt(730));
      Group g = Group.of(id(i), "Group " + i, kind, created)
          .withOwners(random.nextBoolean() ? owner : List.of());
      List<LocalDate> activity = new ArrayList<>();
      if (random.nextInt(10) == 0) {
        for (int a = random.nextInt(1, 4); a > 0; a--) {
          activity.add(ENABLED.plusDays(random.nextInt(-60, span)));
        }
        activity.sort(Comparator.naturalOrder());
      }
      all.add(new SimulatedGroup(g, activity, i + 1));
    }
    return all;
  }

  /**
   * Draws a simulation of {@code days} days from {@link #ENABLED} over {@code count} groups.
   *
   * @param count how many groups
   * @param days how many days are simulated, at least 1
   * @return the simulation, its actions in date order
   */
  public static SimulationFile simulation(int count, int days) {
    LocalDate to = ENABLED.plusDays(days - 1L);
    List<SimulatedGroup> groups = groups(count, to);
    SplittableRandom random = new SplittableRandom(7);
    LifecycleAction.Kind[] kinds = LifecycleAction.Kind.values();
    List<SimulatedAction> actions = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      for (int a = 0; a < Math.max(1, count / 1000 / days); a++) {
        LifecycleAction action = new LifecycleAction(ENABLED.plusDays(day),
            id(random.nextInt(count)), kinds[random.nextInt(kinds.length)]);
        actions.add(new SimulatedAction(action, count + actions.size() + 1));
      }
    }
    return new SimulationFile("synthetic.yaml", TENANT, ENABLED, ENABLED, to, POLICY, groups,
        actions, List.of());
  }

  private static GroupId id(int i) {
    return GroupId.of(String.format("g%07d", i));
  }
}
