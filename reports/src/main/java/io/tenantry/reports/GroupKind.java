package io.tenantry.reports;

import io.tenantry.reports.input.DirectoryGroup;

/**
 * The two group reports: Yammer groups ({@code Is Yammer Group} = Yes) and Microsoft 365 groups
 * (every group that is not a Yammer-only group: {@code Is Yammer Group} = No, or {@code Office 365
 * Connected} = Yes). A connected Yammer group belongs to both.
 */
public enum GroupKind {
  /** Yammer (Viva Engage) groups; active = a message posted, read or liked in it. */
  YAMMER,
  /**
   * Microsoft 365 groups; active = its mailbox received e-mail (an {@code EmailSent} to the group or
   * an {@code EmailReceived} through it: an Exchange mail event with the group), a SharePoint file
   * or page activity with the group, or a Yammer message activity with the group.
   */
  MICROSOFT_365;

  /**
   * Tells whether a group belongs to this kind.
   *
   * @param group the group
   * @return true when the group's report lists it
   */
  public boolean includes(DirectoryGroup group) {
    return this == YAMMER ? group.yammerGroup()
        : !group.yammerGroup() || group.office365Connected();
  }
}
