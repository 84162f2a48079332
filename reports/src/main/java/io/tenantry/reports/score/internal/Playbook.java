package io.tenantry.reports.score.internal;

import io.tenantry.reports.score.Campaign;
import io.tenantry.reports.score.Scenario;

/**
 * The action and campaign the engine recommends for each scenario. Texts are plain data; {@code
 * {{displayName}}} and {@code {{scenario}}} are filled per person by {@link Campaign#render}.
 */
public final class Playbook {
  private Playbook() {}

  /**
   * Returns what to do about a scenario, in one sentence.
   *
   * @param scenario the scenario
   * @return the action
   */
  public static String action(Scenario scenario) {
    return switch (scenario) {
      case COMMUNICATION -> "Show people who use only one way to communicate how to combine "
          + "e-mail, Teams chat and community posts.";
      case CONTENT_COLLABORATION -> "Encourage people to share files from OneDrive and "
          + "SharePoint and to co-author instead of sending attachments.";
      case TEAMWORK -> "Move conversations and files into shared workspaces: Teams channels, "
          + "group mailboxes and group sites.";
      case MEETINGS -> "Encourage turning on video and sharing the screen in online meetings.";
      case MOBILITY -> "Help people install and use Outlook, Teams and the Microsoft 365 Apps on "
          + "the web and on their phones as well as on the desktop.";
      case DATA_PROTECTION -> "Ask every active person to register for multi-factor "
          + "authentication.";
    };
  }

  /**
   * Returns the campaign for a scenario.
   *
   * @param scenario the scenario
   * @return the subject and template
   */
  public static Campaign campaign(Scenario scenario) {
    String greeting = "Hello " + Campaign.DISPLAY_NAME + ",\n\n";
    String closing = "\n\nThank you,\nYour IT team";
    return switch (scenario) {
      case COMMUNICATION -> new Campaign(Campaign.SCENARIO + ": reach your colleagues your way",
          greeting + "Quick questions land faster in a Teams chat, news travels further in a "
              + "community post, and e-mail stays right for formal messages. Try the mode you "
              + "use least this week." + closing);
      case CONTENT_COLLABORATION -> new Campaign(Campaign.SCENARIO + ": share a link, not an "
          + "attachment", greeting + "Store your files in OneDrive or SharePoint and share a "
          + "link: everyone works on the same copy, at the same time." + closing);
      case TEAMWORK -> new Campaign(Campaign.SCENARIO + ": work in your team's space",
          greeting + "Post in your team's channel and keep files on the team site, so everyone "
              + "sees the conversation and the latest version." + closing);
      case MEETINGS -> new Campaign(Campaign.SCENARIO + ": turn on your camera",
          greeting + "Meetings with video and screen sharing are shorter and clearer. In your "
              + "next Teams meeting, turn on your camera and share your screen." + closing);
      case MOBILITY -> new Campaign(Campaign.SCENARIO + ": your work, on every device",
          greeting + "Outlook, Teams and the Office apps run on the web and on your phone too. "
              + "Install the mobile apps and sign in to stay in touch on the go." + closing);
      case DATA_PROTECTION -> new Campaign(Campaign.SCENARIO + ": protect your account in two "
          + "minutes", greeting + "Register for multi-factor authentication at "
          + "https://aka.ms/mfasetup so a stolen password is not enough to get into your account."
          + closing);
    };
  }
}
