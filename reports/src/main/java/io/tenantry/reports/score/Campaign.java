package io.tenantry.reports.score;

import java.util.Objects;

/**
 * A campaign that promotes one scenario: a subject and a message template. Both may hold the
 * placeholders {@value #DISPLAY_NAME} (the recipient's display name, or principal name when the
 * directory has none) and {@value #SCENARIO} (the scenario's name); {@link #render} replaces them
 * literally, with no further template syntax.
 *
 * @param subject the subject line template
 * @param template the message template
 */
public record Campaign(String subject, String template) {

  /** The placeholder for the recipient's name. */
  public static final String DISPLAY_NAME = "{{displayName}}";
  /** The placeholder for the scenario's name. */
  public static final String SCENARIO = "{{scenario}}";

  /**
   * Validates the campaign.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the subject or template is blank
   */
  public Campaign {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(template, "template");
    if (subject.isBlank() || template.isBlank()) {
      throw new IllegalArgumentException("a campaign needs a subject and a template");
    }
  }

  /**
   * Renders the campaign for one person.
   *
   * @param scenario the scenario the campaign promotes
   * @param person the recipient
   * @return the message with every placeholder replaced
   * @throws NullPointerException if an argument is null
   */
  public CampaignMessage render(Scenario scenario, TargetPerson person) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(person, "person");
    return new CampaignMessage(scenario, person, fill(subject, scenario, person),
        fill(template, scenario, person));
  }

  private static String fill(String text, Scenario scenario, TargetPerson person) {
    // one left-to-right pass, so a display name that itself contains "{{scenario}}" stays as is
    StringBuilder out = new StringBuilder(text.length() + 32);
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith(DISPLAY_NAME, i)) {
        out.append(person.greetingName());
        i += DISPLAY_NAME.length();
      } else if (text.startsWith(SCENARIO, i)) {
        out.append(scenario.displayName());
        i += SCENARIO.length();
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString();
  }
}
