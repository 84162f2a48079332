package io.tenantry.reports;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Workload;

/**
 * A summed quantity of the engine: the sum of {@code count} (or of seconds × {@code count}) of the
 * events of one kind ({@code activity-events.md} §4).
 */
public enum Measure {
  /** Exchange {@code EmailSent}. */
  EMAIL_SENT,
  /** Exchange {@code EmailReceived}. */
  EMAIL_RECEIVED,
  /** Exchange {@code EmailRead}. */
  EMAIL_READ,
  /** Exchange {@code MeetingCreated}. */
  MEETING_CREATED,
  /** Exchange {@code MeetingInteracted}. */
  MEETING_INTERACTED,
  /** OneDrive {@code FileViewedOrEdited}. */
  ONEDRIVE_VIEWED_OR_EDITED,
  /** OneDrive {@code FileSynced}. */
  ONEDRIVE_SYNCED,
  /** OneDrive {@code FileSharedInternally}. */
  ONEDRIVE_SHARED_INTERNALLY,
  /** OneDrive {@code FileSharedExternally}. */
  ONEDRIVE_SHARED_EXTERNALLY,
  /** SharePoint {@code FileViewedOrEdited}. */
  SHAREPOINT_VIEWED_OR_EDITED,
  /** SharePoint {@code FileSynced}. */
  SHAREPOINT_SYNCED,
  /** SharePoint {@code FileSharedInternally}. */
  SHAREPOINT_SHARED_INTERNALLY,
  /** SharePoint {@code FileSharedExternally}. */
  SHAREPOINT_SHARED_EXTERNALLY,
  /** SharePoint {@code PageViewed}. */
  SHAREPOINT_PAGE_VIEWED,
  /** Teams {@code TeamChatMessage}. */
  TEAM_CHAT_MESSAGES,
  /** Teams {@code PostMessage}. */
  POST_MESSAGES,
  /** Teams {@code ReplyMessage}. */
  REPLY_MESSAGES,
  /** Teams {@code UrgentMessage}. */
  URGENT_MESSAGES,
  /** Teams {@code PrivateChatMessage}. */
  PRIVATE_CHAT_MESSAGES,
  /** Teams {@code Call}. */
  CALLS,
  /** Teams {@code MeetingAttended} (Meeting Count and Meetings Attended Count). */
  MEETINGS_ATTENDED,
  /** Teams {@code MeetingOrganized}. */
  MEETINGS_ORGANIZED,
  /** Teams {@code MeetingOrganized} of type AdHoc. */
  AD_HOC_ORGANIZED,
  /** Teams {@code MeetingAttended} of type AdHoc. */
  AD_HOC_ATTENDED,
  /** Teams {@code MeetingOrganized} of type ScheduledOneTime. */
  SCHEDULED_ONE_TIME_ORGANIZED,
  /** Teams {@code MeetingAttended} of type ScheduledOneTime. */
  SCHEDULED_ONE_TIME_ATTENDED,
  /** Teams {@code MeetingOrganized} of type ScheduledRecurring. */
  SCHEDULED_RECURRING_ORGANIZED,
  /** Teams {@code MeetingAttended} of type ScheduledRecurring. */
  SCHEDULED_RECURRING_ATTENDED,
  /** Teams audio seconds × count of calls and attended meetings. */
  AUDIO_SECONDS,
  /** Teams video seconds × count of calls and attended meetings. */
  VIDEO_SECONDS,
  /** Teams screen-share seconds × count of calls and attended meetings. */
  SCREEN_SHARE_SECONDS,
  /** Teams {@code OtherAction}. */
  OTHER_ACTIONS,
  /** Yammer {@code MessagePosted}. */
  YAMMER_POSTED,
  /** Yammer {@code MessageRead}. */
  YAMMER_READ,
  /** Yammer {@code MessageLiked}. */
  YAMMER_LIKED,
  /** Skype for Business {@code PeerToPeerSession}. */
  SKYPE_PEER_TO_PEER,
  /** Skype for Business {@code ConferenceOrganized}. */
  SKYPE_CONFERENCE_ORGANIZED,
  /** Skype for Business {@code ConferenceParticipated}. */
  SKYPE_CONFERENCE_PARTICIPATED,
  /** Microsoft 365 Apps {@code AppUsed}. */
  APPS_USED;

  private static final Measure[] VALUES = values();

  /**
   * Returns the measure that counts an activity in a workload (the meeting-type and seconds
   * measures are added separately).
   *
   * @param workload the event's workload
   * @param activity the event's activity
   * @return the measure
   */
  public static Measure of(Workload workload, Activity activity) {
    boolean sp = workload == Workload.SHARE_POINT;
    return switch (activity) {
      case EMAIL_SENT -> EMAIL_SENT;
      case EMAIL_RECEIVED -> EMAIL_RECEIVED;
      case EMAIL_READ -> EMAIL_READ;
      case MEETING_CREATED -> MEETING_CREATED;
      case MEETING_INTERACTED -> MEETING_INTERACTED;
      case FILE_VIEWED_OR_EDITED -> sp ? SHAREPOINT_VIEWED_OR_EDITED : ONEDRIVE_VIEWED_OR_EDITED;
      case FILE_SYNCED -> sp ? SHAREPOINT_SYNCED : ONEDRIVE_SYNCED;
      case FILE_SHARED_INTERNALLY -> sp ? SHAREPOINT_SHARED_INTERNALLY : ONEDRIVE_SHARED_INTERNALLY;
      case FILE_SHARED_EXTERNALLY -> sp ? SHAREPOINT_SHARED_EXTERNALLY : ONEDRIVE_SHARED_EXTERNALLY;
      case PAGE_VIEWED -> SHAREPOINT_PAGE_VIEWED;
      case TEAM_CHAT_MESSAGE -> TEAM_CHAT_MESSAGES;
      case POST_MESSAGE -> POST_MESSAGES;
      case REPLY_MESSAGE -> REPLY_MESSAGES;
      case URGENT_MESSAGE -> URGENT_MESSAGES;
      case PRIVATE_CHAT_MESSAGE -> PRIVATE_CHAT_MESSAGES;
      case CALL -> CALLS;
      case MEETING_ATTENDED -> MEETINGS_ATTENDED;
      case MEETING_ORGANIZED -> MEETINGS_ORGANIZED;
      case OTHER_ACTION -> OTHER_ACTIONS;
      case MESSAGE_POSTED -> YAMMER_POSTED;
      case MESSAGE_READ -> YAMMER_READ;
      case MESSAGE_LIKED -> YAMMER_LIKED;
      case PEER_TO_PEER_SESSION -> SKYPE_PEER_TO_PEER;
      case CONFERENCE_ORGANIZED -> SKYPE_CONFERENCE_ORGANIZED;
      case CONFERENCE_PARTICIPATED -> SKYPE_CONFERENCE_PARTICIPATED;
      case APP_USED -> APPS_USED;
    };
  }

  /**
   * Returns the typed meeting measure of a Teams meeting event, or null for unclassified meetings
   * and other activities.
   *
   * @param activity the activity
   * @param type the meeting type
   * @return the typed measure, or null
   */
  public static Measure typedMeeting(Activity activity, MeetingType type) {
    boolean organized = activity == Activity.MEETING_ORGANIZED;
    if (!organized && activity != Activity.MEETING_ATTENDED) {
      return null;
    }
    return switch (type) {
      case AD_HOC -> organized ? AD_HOC_ORGANIZED : AD_HOC_ATTENDED;
      case SCHEDULED_ONE_TIME -> organized ? SCHEDULED_ONE_TIME_ORGANIZED
          : SCHEDULED_ONE_TIME_ATTENDED;
      case SCHEDULED_RECURRING -> organized ? SCHEDULED_RECURRING_ORGANIZED
          : SCHEDULED_RECURRING_ATTENDED;
      case UNCLASSIFIED -> null;
    };
  }

  static Measure byIndex(int i) {
    return VALUES[i];
  }
}
