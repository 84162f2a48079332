package io.tenantry.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The report functions Tenantry computes, named after their Microsoft Graph functions, with their
 * columns in the documented order ({@code graph-reports.md} §3: the first code block under each
 * function; §3.11's REAL headers for the SharePoint and Yammer activity reports).
 */
public enum ReportFunction {
  /** §3.1 per-user activity per service (no Report Period column). */
  GET_OFFICE365_ACTIVE_USER_DETAIL("getOffice365ActiveUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign Date,Assigned Products"),
  /** §3.1 daily active users per service. */
  GET_OFFICE365_ACTIVE_USER_COUNTS("getOffice365ActiveUserCounts", Kind.DAILY,
      "Report Refresh Date,Office 365,Exchange,OneDrive,SharePoint,Skype For Business,Yammer,Teams,Report Date,Report Period"),
  /** §3.1 licensed users active and inactive per service over the window. */
  GET_OFFICE365_SERVICES_USER_COUNTS("getOffice365ServicesUserCounts", Kind.PERIOD,
      "Report Refresh Date,Exchange Active,Exchange Inactive,OneDrive Active,OneDrive Inactive,SharePoint Active,SharePoint Inactive,Skype For Business Active,Skype For Business Inactive,Yammer Active,Yammer Inactive,Teams Active,Teams Inactive,Office 365 Active,Office 365 Inactive,Report Period"),
  /** §3.2 per-user Teams activity. */
  GET_TEAMS_USER_ACTIVITY_USER_DETAIL("getTeamsUserActivityUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period"),
  /** §3.2 daily Teams activity counts. */
  GET_TEAMS_USER_ACTIVITY_COUNTS("getTeamsUserActivityCounts", Kind.DAILY,
      "Report Refresh Date,Report Date,Team Chat Messages,Post Messages,Reply Messages,Private Chat Messages,Calls,Meetings,Audio Duration,Video Duration,Screen Share Duration,Meetings Organized,Meetings Attended,Report Period"),
  /** §3.2 daily Teams user counts. */
  GET_TEAMS_USER_ACTIVITY_USER_COUNTS("getTeamsUserActivityUserCounts", Kind.DAILY,
      "Report Refresh Date,Report Date,Team Chat Messages,Private Chat Messages,Calls,Meetings,Other Actions,Report Period"),
  /** §3.3 per-user Teams platforms. */
  GET_TEAMS_DEVICE_USAGE_USER_DETAIL("getTeamsDeviceUsageUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,Used Android Phone,Used Windows,Used Chrome OS,Used Linux,Is Licensed,Report Period"),
  /** §3.3 daily Teams users per platform. */
  GET_TEAMS_DEVICE_USAGE_USER_COUNTS("getTeamsDeviceUsageUserCounts", Kind.DAILY,
      "Report Refresh Date,Web,Windows Phone,Android Phone,iOS,Mac,Windows,Chrome OS,Linux,Report Date,Report Period"),
  /** §3.3 Teams users per platform over the window. */
  GET_TEAMS_DEVICE_USAGE_DISTRIBUTION_USER_COUNTS("getTeamsDeviceUsageDistributionUserCounts",
      Kind.PERIOD,
      "Report Refresh Date,Web,Windows Phone,Android Phone,iOS,Mac,Windows,Chrome OS,Linux,Report Period"),
  /** §3.4 per-group Yammer activity. */
  GET_YAMMER_GROUPS_ACTIVITY_DETAIL("getYammerGroupsActivityDetail", Kind.GROUP_DETAIL,
      "Report Refresh Date,Group Display Name,Is Deleted,Owner Principal Name,Last Activity Date,Group Type,Office 365 Connected,Member Count,Posted Count,Read Count,Liked Count,Report Period"),
  /** §3.4 daily total and active Yammer groups. */
  GET_YAMMER_GROUPS_ACTIVITY_GROUP_COUNTS("getYammerGroupsActivityGroupCounts", Kind.DAILY,
      "Report Refresh Date,Total,Active,Report Date,Report Period"),
  /** §3.4 daily Yammer group message counts. */
  GET_YAMMER_GROUPS_ACTIVITY_COUNTS("getYammerGroupsActivityCounts", Kind.DAILY,
      "Report Refresh Date,Liked,Posted,Read,Report Date,Report Period"),
  /** §3.5 per-group Microsoft 365 group activity. */
  GET_OFFICE365_GROUPS_ACTIVITY_DETAIL("getOffice365GroupsActivityDetail", Kind.GROUP_DETAIL,
      "Report Refresh Date,Group Display Name,Is Deleted,Owner Principal Name,Last Activity Date,Group Type,Member Count,External Member Count,Exchange Received Email Count,SharePoint Active File Count,Yammer Posted Message Count,Yammer Read Message Count,Yammer Liked Message Count,Exchange Mailbox Total Item Count,Exchange Mailbox Storage Used (Byte),SharePoint Total File Count,SharePoint Site Storage Used (Byte),Group Id,Report Period"),
  /** §3.5 daily group activity counts. */
  GET_OFFICE365_GROUPS_ACTIVITY_COUNTS("getOffice365GroupsActivityCounts", Kind.DAILY,
      "Report Refresh Date,Exchange Emails Received,Yammer Messages Posted,Yammer Messages Read,Yammer Messages Liked,Report Date,Report Period"),
  /** §3.5 daily total and active groups. */
  GET_OFFICE365_GROUPS_ACTIVITY_GROUP_COUNTS("getOffice365GroupsActivityGroupCounts", Kind.DAILY,
      "Report Refresh Date,Total,Active,Report Date,Report Period"),
  /** §3.7 per-user OneDrive activity. */
  GET_ONEDRIVE_ACTIVITY_USER_DETAIL("getOneDriveActivityUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Assigned Products,Report Period"),
  /** §3.7 daily OneDrive users per activity. */
  GET_ONEDRIVE_ACTIVITY_USER_COUNTS("getOneDriveActivityUserCounts", Kind.DAILY,
      "Report Refresh Date,Viewed Or Edited,Synced,Shared Internally,Shared Externally,Report Date,Report Period"),
  /** §3.7 daily OneDrive file activity counts. */
  GET_ONEDRIVE_ACTIVITY_FILE_COUNTS("getOneDriveActivityFileCounts", Kind.DAILY,
      "Report Refresh Date,Viewed Or Edited,Synced,Shared Internally,Shared Externally,Report Date,Report Period"),
  /** §3.11 per-user SharePoint activity. */
  GET_SHAREPOINT_ACTIVITY_USER_DETAIL("getSharePointActivityUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Visited Page Count,Assigned Products,Report Period"),
  /** §3.11 daily SharePoint users per activity. */
  GET_SHAREPOINT_ACTIVITY_USER_COUNTS("getSharePointActivityUserCounts", Kind.DAILY,
      "Report Refresh Date,Visited Page,Viewed Or Edited,Synced,Shared Internally,Shared Externally,Report Date,Report Period"),
  /** §3.11 daily SharePoint file activity counts. */
  GET_SHAREPOINT_ACTIVITY_FILE_COUNTS("getSharePointActivityFileCounts", Kind.DAILY,
      "Report Refresh Date,Viewed Or Edited,Synced,Shared Internally,Shared Externally,Report Date,Report Period"),
  /** §3.11 daily SharePoint page views. */
  GET_SHAREPOINT_ACTIVITY_PAGES("getSharePointActivityPages", Kind.DAILY,
      "Report Refresh Date,Visited Page Count,Report Date,Report Period"),
  /** §3.11 per-user Yammer activity. */
  GET_YAMMER_ACTIVITY_USER_DETAIL("getYammerActivityUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period"),
  /** §3.11 daily Yammer message counts. */
  GET_YAMMER_ACTIVITY_COUNTS("getYammerActivityCounts", Kind.DAILY,
      "Report Refresh Date,Liked,Posted,Read,Report Date,Report Period"),
  /** §3.11 daily Yammer users per activity. */
  GET_YAMMER_ACTIVITY_USER_COUNTS("getYammerActivityUserCounts", Kind.DAILY,
      "Report Refresh Date,Liked,Posted,Read,Report Date,Report Period"),
  /** §3.8 per-user e-mail activity. */
  GET_EMAIL_ACTIVITY_USER_DETAIL("getEmailActivityUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,Meeting Interacted Count,Assigned Products,Report Period"),
  /** §3.8 daily e-mail activity counts. */
  GET_EMAIL_ACTIVITY_COUNTS("getEmailActivityCounts", Kind.DAILY,
      "Report Refresh Date,Send,Receive,Read,Meeting Created,Meeting Interacted,Report Date,Report Period"),
  /** §3.8 daily e-mail users per activity. */
  GET_EMAIL_ACTIVITY_USER_COUNTS("getEmailActivityUserCounts", Kind.DAILY,
      "Report Refresh Date,Send,Receive,Read,Meeting Created,Meeting Interacted,Report Date,Report Period"),
  /** §3.10 per-user Microsoft 365 Apps usage. */
  GET_M365_APP_USER_DETAIL("getM365AppUserDetail", Kind.USER_DETAIL,
      "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period,Windows,Mac,Mobile,Web,Outlook,Word,Excel,PowerPoint,OneNote,Teams,Outlook (Windows),Word (Windows),Excel (Windows),PowerPoint (Windows),OneNote (Windows),Teams (Windows),Outlook (Mac),Word (Mac),Excel (Mac),PowerPoint (Mac),OneNote (Mac),Teams (Mac),Outlook (Mobile),Word (Mobile),Excel (Mobile),PowerPoint (Mobile),OneNote (Mobile),Teams (Mobile),Outlook (Web),Word (Web),Excel (Web),PowerPoint (Web),OneNote (Web),Teams (Web)"),
  /** §3.10 daily users per app. */
  GET_M365_APP_USER_COUNTS("getM365AppUserCounts", Kind.DAILY,
      "Report Refresh Date,Report Period,Report Date,Outlook,Word,Excel,PowerPoint,OneNote,Teams"),
  /** §3.10 daily users per platform. */
  GET_M365_APP_PLATFORM_USER_COUNTS("getM365AppPlatformUserCounts", Kind.DAILY,
      "Report Refresh Date,Report Period,Report Date,Windows,Mac,Mobile,Web");

  /** The shape of a report. */
  public enum Kind {
    /** One row per user; accepts {@code date}. */
    USER_DETAIL,
    /** One row per group; accepts {@code date}. */
    GROUP_DETAIL,
    /** One row per day of the window, newest first. */
    DAILY,
    /** One row for the whole window. */
    PERIOD
  }

  /** Column-name sets, in a holder because enum constants initialise before static fields. */
  private static final class Names {
    static final Set<String> TEXT = Set.of("User Principal Name", "Display Name", "User Id",
        "Tenant Display Name", "Shared Channel Tenant Display Names", "Group Display Name",
        "Owner Principal Name", "Group Type", "Group Id", "User State");
    static final Set<String> NOT_MEASURED = Set.of("Exchange Mailbox Total Item Count",
        "Exchange Mailbox Storage Used (Byte)", "SharePoint Total File Count",
        "SharePoint Site Storage Used (Byte)");
  }

  private final String graphName;
  private final Kind kind;
  private final List<Column> columns;

  ReportFunction(String graphName, Kind kind, String header) {
    this.graphName = graphName;
    this.kind = kind;
    List<Column> cols = new ArrayList<>();
    boolean afterPeriod = false;
    for (String h : header.split(",")) {
      ColumnType type = typeOf(h, graphName.equals("getM365AppUserDetail") && afterPeriod);
      if (h.equals("Report Period")) {
        afterPeriod = true;
      }
      Column.Concealment c = switch (h) {
        case "User Principal Name", "Display Name", "Owner Principal Name", "Group Display Name" ->
            Column.Concealment.TOKEN;
        case "User Id", "Group Id" -> Column.Concealment.ZERO_GUID;
        default -> Column.Concealment.NONE;
      };
      cols.add(new Column(h, jsonName(h), type, c));
    }
    this.columns = List.copyOf(cols);
  }

  private static ColumnType typeOf(String h, boolean m365Flag) {
    if (m365Flag) {
      return ColumnType.YES_NO;
    }
    if (h.equals("Report Period")) {
      return ColumnType.PERIOD;
    }
    if (h.endsWith(" Date")) {
      return ColumnType.DATE;
    }
    if (h.equals("Is Deleted") || (h.startsWith("Has ") && h.endsWith(" License"))) {
      return ColumnType.TRUE_FALSE;
    }
    if (h.equals("Is Licensed") || h.equals("Has Other Action") || h.startsWith("Used ")
        || h.equals("Office 365 Connected")) {
      return ColumnType.YES_NO;
    }
    if (h.endsWith(" Duration")) {
      return ColumnType.DURATION;
    }
    if (h.equals("Assigned Products")) {
      return ColumnType.PRODUCTS;
    }
    if (Names.TEXT.contains(h)) {
      return ColumnType.TEXT;
    }
    if (Names.NOT_MEASURED.contains(h)) {
      return ColumnType.NOT_MEASURED;
    }
    return ColumnType.COUNT;
  }

  /**
   * Derives the camelCase JSON property name of a header the way Graph's beta JSON names them:
   * words joined, the first lower-cased at its first letter, {@code (Byte)} as {@code InBytes},
   * {@code (Windows)} as {@code Windows}, {@code One-time} as {@code OneTime}, {@code Used iOS} as
   * {@code usediOS}.
   *
   * @param header the CSV header
   * @return the JSON name
   */
  static String jsonName(String header) {
    String h = header.replace("(Byte)", "In Bytes");
    StringBuilder sb = new StringBuilder();
    for (String word : h.split("[\\s()\\-]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() == 0) {
        sb.append(Character.toLowerCase(word.charAt(0))).append(word.substring(1));
      } else if (word.length() > 1 && Character.isLowerCase(word.charAt(0))
          && Character.isUpperCase(word.charAt(1))) {
        sb.append(word); // a name spelled with a lower-case first letter: iOS
      } else {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return sb.toString();
  }

  /**
   * Returns the Graph function name, e.g. {@code getTeamsUserActivityUserDetail}; also the output
   * file name without extension.
   *
   * @return the name
   */
  public String graphName() {
    return graphName;
  }

  /**
   * Returns the report's shape.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Tells whether the function accepts a single {@code date} (the detail reports).
   *
   * @return true for user and group detail reports
   */
  public boolean acceptsDate() {
    return kind == Kind.USER_DETAIL || kind == Kind.GROUP_DETAIL;
  }

  /**
   * Returns the columns in the documented order.
   *
   * @return an immutable list
   */
  public List<Column> columns() {
    return columns;
  }

  /**
   * Finds a function by its Graph name, ignoring case.
   *
   * @param name e.g. {@code getEmailActivityCounts}
   * @return the function, or empty
   */
  public static Optional<ReportFunction> byGraphName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (ReportFunction f : values()) {
      if (f.graphName.toLowerCase(Locale.ROOT).equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
