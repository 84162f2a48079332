package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What to do about an applicable scenario below level 400 (Managed): the action, the people to
 * reach, the points the scenario is expected to gain and the campaign to send them.
 *
 * <p>The expected gain is the points the scenario would reach if a tenth of the target people
 * adopted it, minus its points today. "A tenth" is rounded up ({@code ceil(targets ÷ 10)}), so a
 * scenario with any target person expects at least one adopter. Adopters move from M∖N into N; for
 * Meetings, whose N and M are weighted, each adopter brings the average meeting weight of the
 * target people.
 *
 * @param scenario the scenario
 * @param action what to do, in one sentence
 * @param expectedGain the points gained if a tenth of the targets adopted, rounded half-up to one
 *     decimal (difference of the two rounded point values)
 * @param targets the people to reach, ordered by principal name (case-insensitive, then exact)
 * @param campaign the campaign to send them
 */
public record Recommendation(Scenario scenario, String action, BigDecimal expectedGain,
    List<TargetPerson> targets, Campaign campaign) {

  /**
   * Validates the recommendation and copies the targets.
   *
   * @throws NullPointerException if a component or a target is null
   * @throws IllegalArgumentException if the expected gain is negative
   */
  public Recommendation {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(expectedGain, "expectedGain");
    Objects.requireNonNull(campaign, "campaign");
    targets = List.copyOf(targets);
    if (expectedGain.signum() < 0) {
      throw new IllegalArgumentException(scenario.displayName() + ": expected gain "
          + expectedGain + " must not be negative");
    }
  }

  /**
   * Renders the campaign for every target person, in the order of {@link #targets()}.
   *
   * @return one message per target
   */
  public List<CampaignMessage> renderCampaign() {
    return targets.stream().map(p -> campaign.render(scenario, p)).toList();
  }
}
