package io.tenantry.reports.input;

import java.util.Optional;

/**
 * The {@code meetingType} of a Teams meeting event ({@code activity-events.md} §3); {@link
 * #UNCLASSIFIED} when absent. Unclassified meetings count in the meeting totals but in no typed
 * column.
 */
public enum MeetingType {
  /** An ad hoc (meet now) meeting. */
  AD_HOC("AdHoc"),
  /** A scheduled one-time meeting. */
  SCHEDULED_ONE_TIME("ScheduledOneTime"),
  /** A scheduled recurring meeting. */
  SCHEDULED_RECURRING("ScheduledRecurring"),
  /** A meeting of no known type (the default). */
  UNCLASSIFIED("Unclassified");

  private final String wireName;

  MeetingType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used in {@code events.jsonl}.
   *
   * @return the wire name, e.g. {@code ScheduledOneTime}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Finds a meeting type by its exact (case-sensitive) wire name.
   *
   * @param wireName the value of the {@code meetingType} field
   * @return the type, or empty when unknown
   */
  public static Optional<MeetingType> fromWireName(String wireName) {
    for (MeetingType t : values()) {
      if (t.wireName.equals(wireName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
