package io.tenantry.reports.score;

import java.util.Objects;

/**
 * A campaign message rendered for one person, ready to be handed to a {@link
 * io.tenantry.reports.score.spi.CampaignSender}.
 *
 * @param scenario the scenario the campaign promotes
 * @param recipient the person
 * @param subject the rendered subject
 * @param body the rendered message
 */
public record CampaignMessage(Scenario scenario, TargetPerson recipient, String subject,
    String body) {

  /**
   * Validates the message.
   *
   * @throws NullPointerException if any component is null
   */
  public CampaignMessage {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }
}
