package io.tenantry.groups.simulation;

import io.tenantry.groups.DayOutcome;
import io.tenantry.groups.LifecycleAction;
import io.tenantry.groups.LifecycleEngine;
import io.tenantry.groups.LifecycleEvent;
import io.tenantry.groups.LifecycleState;
import io.tenantry.groups.SkippedAction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a {@link SimulationFile} through the {@link LifecycleEngine}, one day at a time from {@code
 * from} to {@code to}: the admin's dry run of "what happens if I switch this policy on?".
 * Deterministic: the same file gives the same events and warnings.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * The outcome of a simulation.
   *
   * @param events every event, in the order it happened
   * @param warnings the reader's warnings, then one per ignored action, each naming the file and
   *     line
   */
  public record Result(List<LifecycleEvent> events, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public Result {
      events = List.copyOf(events);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Runs a simulation.
   *
   * @param file the validated simulation
   * @return the events and warnings
   */
  public static Result run(SimulationFile file) {
    Objects.requireNonNull(file, "file");
    LifecycleEngine engine = LifecycleEngine.of(file.policy(), file.policyEnabledOn());
    ActivityDays activity = new ActivityDays(file.tenant(), file.groups());
    List<io.tenantry.groups.Group> groups = new ArrayList<>(file.groups().size());
    for (SimulatedGroup g : file.groups()) {
      groups.add(g.group());
    }
    Map<LocalDate, List<LifecycleAction>> byDay = new TreeMap<>();
    Map<LifecycleAction, Integer> lines = new IdentityHashMap<>();
    for (SimulatedAction a : file.actions()) {
      byDay.computeIfAbsent(a.action().date(), d -> new ArrayList<>()).add(a.action());
      lines.put(a.action(), a.line());
    }
    List<LifecycleEvent> events = new ArrayList<>();
    List<String> warnings = new ArrayList<>(file.warnings());
    LifecycleState state = engine.start(file.tenant(), groups);
    for (LocalDate day = file.from(); !day.isAfter(file.to()); day = day.plusDays(1)) {
      DayOutcome outcome = engine.runDay(state, day, byDay.getOrDefault(day, List.of()), activity);
      events.addAll(outcome.events());
      for (SkippedAction s : outcome.skipped()) {
        warnings.add(s.message() + " (" + file.fileName() + ":" + lines.get(s.action()) + ")");
      }
      state = state.apply(outcome);
    }
    return new Result(events, warnings);
  }
}
