package io.tenantry.reports.score;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One of the six Usage Score scenarios of {@code usage-score.md}, in the order the spec lists them
 * (and {@code score.json} writes them).
 */
public enum Scenario {
  /** People using two or more communication modes (e-mail, Teams messages, Yammer posts). */
  COMMUNICATION("Communication"),
  /** People sharing files or working on files that somebody else also works on. */
  CONTENT_COLLABORATION("Content collaboration"),
  /** People communicating or working on files in shared workspaces (channels, groups). */
  TEAMWORK("Teamwork"),
  /** Meeting time (attendance weighted by duration) that used video or screen sharing. */
  MEETINGS("Meetings"),
  /** People using Teams, Exchange or Microsoft 365 Apps on two or more platform classes. */
  MOBILITY("Mobility"),
  /** Active people who registered for multi-factor authentication. */
  DATA_PROTECTION("Data protection");

  private static final List<Scenario> ORDER = List.of(values());

  private final String displayName;

  Scenario(String displayName) {
    this.displayName = displayName;
  }

  /**
   * Returns the scenario's name exactly as {@code usage-score.md} writes it (and {@code score.json}
   * and {@code peers.json} use it).
   *
   * @return e.g. {@code "Content collaboration"}
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Returns every scenario in the spec's order.
   *
   * @return an immutable list of the six scenarios
   */
  public static List<Scenario> inOrder() {
    return ORDER;
  }

  /**
   * Finds a scenario by its exact display name (case-sensitive, as in {@code score.json}).
   *
   * @param name the display name, e.g. {@code "Data protection"}
   * @return the scenario, or empty when no scenario has that name
   */
  public static Optional<Scenario> byName(String name) {
    return Arrays.stream(values()).filter(s -> s.displayName.equals(name)).findFirst();
  }
}
