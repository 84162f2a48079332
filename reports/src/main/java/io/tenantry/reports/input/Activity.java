package io.tenantry.reports.input;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An activity of the vocabulary of {@code activity-events.md} §4, with the workloads it may appear
 * under (the four file activities belong to both OneDrive and SharePoint).
 */
public enum Activity {
  /** Exchange: an e-mail sent. */
  EMAIL_SENT("EmailSent", Workload.EXCHANGE),
  /** Exchange: an e-mail received; the only activity that makes nobody active. */
  EMAIL_RECEIVED("EmailReceived", Workload.EXCHANGE),
  /** Exchange: an e-mail read. */
  EMAIL_READ("EmailRead", Workload.EXCHANGE),
  /** Exchange: a meeting request sent. */
  MEETING_CREATED("MeetingCreated", Workload.EXCHANGE),
  /** Exchange: a meeting request accepted, tentatively accepted, declined or cancelled. */
  MEETING_INTERACTED("MeetingInteracted", Workload.EXCHANGE),
  /** OneDrive or SharePoint: a file viewed or edited. */
  FILE_VIEWED_OR_EDITED("FileViewedOrEdited", Workload.ONE_DRIVE, Workload.SHARE_POINT),
  /** OneDrive or SharePoint: a file synced. */
  FILE_SYNCED("FileSynced", Workload.ONE_DRIVE, Workload.SHARE_POINT),
  /** OneDrive or SharePoint: a file shared inside the organisation. */
  FILE_SHARED_INTERNALLY("FileSharedInternally", Workload.ONE_DRIVE, Workload.SHARE_POINT),
  /** OneDrive or SharePoint: a file shared outside the organisation. */
  FILE_SHARED_EXTERNALLY("FileSharedExternally", Workload.ONE_DRIVE, Workload.SHARE_POINT),
  /** SharePoint: a page viewed. */
  PAGE_VIEWED("PageViewed", Workload.SHARE_POINT),
  /** Teams: a message in a team chat (channel). */
  TEAM_CHAT_MESSAGE("TeamChatMessage", Workload.TEAMS),
  /** Teams: a channel post. */
  POST_MESSAGE("PostMessage", Workload.TEAMS),
  /** Teams: a channel reply. */
  REPLY_MESSAGE("ReplyMessage", Workload.TEAMS),
  /** Teams: an urgent message. */
  URGENT_MESSAGE("UrgentMessage", Workload.TEAMS),
  /** Teams: a private chat message. */
  PRIVATE_CHAT_MESSAGE("PrivateChatMessage", Workload.TEAMS),
  /** Teams: a call; its seconds add to the durations. */
  CALL("Call", Workload.TEAMS),
  /** Teams: a meeting attended; its seconds add to the durations. */
  MEETING_ATTENDED("MeetingAttended", Workload.TEAMS),
  /** Teams: a meeting organised. */
  MEETING_ORGANIZED("MeetingOrganized", Workload.TEAMS),
  /** Teams: any other action (status change, like, search...). */
  OTHER_ACTION("OtherAction", Workload.TEAMS),
  /** Yammer: a message posted. */
  MESSAGE_POSTED("MessagePosted", Workload.YAMMER),
  /** Yammer: a message read. */
  MESSAGE_READ("MessageRead", Workload.YAMMER),
  /** Yammer: a message liked. */
  MESSAGE_LIKED("MessageLiked", Workload.YAMMER),
  /** Skype for Business: a peer-to-peer session. */
  PEER_TO_PEER_SESSION("PeerToPeerSession", Workload.SKYPE_FOR_BUSINESS),
  /** Skype for Business: a conference organised. */
  CONFERENCE_ORGANIZED("ConferenceOrganized", Workload.SKYPE_FOR_BUSINESS),
  /** Skype for Business: a conference participated in. */
  CONFERENCE_PARTICIPATED("ConferenceParticipated", Workload.SKYPE_FOR_BUSINESS),
  /** Microsoft 365 Apps: an app used (with {@code app} and {@code platform}). */
  APP_USED("AppUsed", Workload.M365_APPS);

  private final String wireName;
  private final Set<Workload> workloads;

  Activity(String wireName, Workload first, Workload... more) {
    this.wireName = wireName;
    this.workloads = EnumSet.of(first, more);
  }

  /**
   * Returns the name used in {@code events.jsonl}, e.g. {@code FileViewedOrEdited}.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether this activity may appear under a workload.
   *
   * @param workload the event's workload
   * @return true when §4 lists the activity for that workload
   */
  public boolean belongsTo(Workload workload) {
    return workloads.contains(workload);
  }

  /**
   * Tells whether this activity makes its user active in the event's workload: every activity
   * except {@link #EMAIL_RECEIVED} (§4).
   *
   * @return false only for {@code EmailReceived}
   */
  public boolean makesActive() {
    return this != EMAIL_RECEIVED;
  }

  /**
   * Finds an activity by its exact (case-sensitive) wire name under a workload.
   *
   * @param workload the event's workload
   * @param wireName the value of the {@code activity} field
   * @return the activity, or empty when §4 has no such activity for that workload
   */
  public static Optional<Activity> find(Workload workload, String wireName) {
    for (Activity a : values()) {
      if (a.wireName.equals(wireName) && a.belongsTo(workload)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
