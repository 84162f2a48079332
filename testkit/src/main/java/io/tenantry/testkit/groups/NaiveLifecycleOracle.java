package io.tenantry.testkit.groups;

import io.tenantry.core.GroupId;
import io.tenantry.groups.DeletionReason;
import io.tenantry.groups.GroupKind;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.RenewalReason;
import io.tenantry.groups.simulation.SimulatedAction;
import io.tenantry.groups.simulation.SimulatedGroup;
import io.tenantry.groups.simulation.SimulationFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A naive reference implementation of {@code groups simulate}'s eight rules (cli.md), written
 * straight from the rule text with mutable per-group records and no shared code with the engine:
 * the oracle that the lifecycle engine is compared against in differential property tests.
 *
 * <p>Slow on purpose (it rescans every action every day); for tests only.
 */
public final class NaiveLifecycleOracle {
  private NaiveLifecycleOracle() {}

  private static final class Tracked {
    final SimulatedGroup source;
    final boolean managed;
    LocalDate expires;
    LocalDate lastRenewal;
    String state = "live";
    LocalDate deletedOn;

    Tracked(SimulatedGroup source, boolean managed) {
      this.source = source;
      this.managed = managed;
    }
  }

  /**
   * Runs a simulation by the rules.
   *
   * @param f the simulation
   * @return the events in the order the rules give
   */
  public static List<LifecycleEvent> run(SimulationFile f) {
    int lifetime = f.policy().lifetimeDays();
    LocalDate p = f.policyEnabledOn();
    TreeMap<String, Tracked> groups = new TreeMap<>();
    for (SimulatedGroup sg : f.groups()) {
      boolean managed = sg.group().kind() == GroupKind.MICROSOFT_365
          && switch (f.policy().managedGroupTypes()) {
            case ALL -> true;
            case SELECTED -> f.policy().selected().contains(sg.group().id());
            case NONE -> false;
          };
      Tracked t = new Tracked(sg, managed);
      LocalDate created = sg.group().createdOn();
      t.lastRenewal = created;
      if (managed) {
        t.expires = created.plusDays(lifetime);
        if (created.isBefore(p) && t.expires.isBefore(p.plusDays(35))) {
          t.expires = p.plusDays(35);
        }
      }
      groups.put(sg.group().id().value(), t);
    }
    List<LifecycleEvent> out = new ArrayList<>();
    for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
      for (Tracked t : groups.values()) {
        if (t.state.equals("deleted") && t.deletedOn.plusDays(30).equals(d)) {
          t.state = "purged";
          out.add(new LifecycleEvent.Purged(d, id(t)));
        }
      }
      Set<String> ownerRenewed = new HashSet<>();
      for (SimulatedAction sa : f.actions()) {
        LifecycleAction a = sa.action();
        if (!a.date().equals(d)) {
          continue;
        }
        Tracked t = groups.get(a.group().value());
        if (t == null || t.state.equals("purged") || t.source.group().createdOn().isAfter(d)) {
          continue;
        }
        boolean deleted = t.state.equals("deleted");
        if (a.kind() == LifecycleAction.Kind.RENEW) {
          if (!deleted && t.managed) {
            ownerRenewed.add(a.group().value());
          }
        } else if (a.kind() == LifecycleAction.Kind.DELETE) {
          if (deleted) {
            continue;
          }
          if (t.source.group().kind() == GroupKind.MICROSOFT_365) {
            t.state = "deleted";
            t.deletedOn = d;
            out.add(new LifecycleEvent.SoftDeleted(d, id(t), DeletionReason.DELETED));
          } else {
            t.state = "purged";
            out.add(new LifecycleEvent.Purged(d, id(t)));
          }
        } else if (deleted) {
          t.state = "live";
          if (t.managed) {
            t.expires = d.plusDays(lifetime);
            t.lastRenewal = d;
          }
          out.add(new LifecycleEvent.Restored(d, id(t), t.managed ? t.expires : null));
        }
      }
      if (d.isBefore(p)) {
        continue;
      }
      for (Tracked t : groups.values()) {
        if (!t.managed || !t.state.equals("live") || t.source.group().createdOn().isAfter(d)) {
          continue;
        }
        LocalDate e = t.expires;
        final LocalDate day = d;
        boolean active = t.source.activity().stream()
            .anyMatch(x -> x.isAfter(t.lastRenewal) && !x.isAfter(day));
        if (ownerRenewed.contains(id(t).value())) {
          t.expires = d.plusDays(lifetime);
          t.lastRenewal = d;
          out.add(new LifecycleEvent.Renewed(d, id(t), RenewalReason.OWNER, t.expires));
        } else if (!d.isBefore(e.minusDays(35)) && !d.isAfter(e) && active) {
          t.expires = d.plusDays(lifetime);
          t.lastRenewal = d;
          out.add(new LifecycleEvent.Renewed(d, id(t), RenewalReason.ACTIVITY, t.expires));
        } else if (d.equals(e.minusDays(30)) || d.equals(e.minusDays(15)) || d.equals(e.minusDays(1))) {
          int before = d.equals(e.minusDays(30)) ? 30 : d.equals(e.minusDays(15)) ? 15 : 1;
          List<String> to = t.source.group().owners().isEmpty()
              ? f.policy().alternateNotificationEmails()
              : t.source.group().owners().stream().map(Object::toString).toList();
          out.add(new LifecycleEvent.ExpiryNotificationSent(d, id(t), before, to, e));
        } else if (d.equals(e.plusDays(1))) {
          t.state = "deleted";
          t.deletedOn = d;
          out.add(new LifecycleEvent.SoftDeleted(d, id(t), DeletionReason.EXPIRED));
        }
      }
    }
    return out;
  }

  private static GroupId id(Tracked t) {
    return t.source.group().id();
  }
}
