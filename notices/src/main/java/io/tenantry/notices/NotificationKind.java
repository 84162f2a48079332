package io.tenantry.notices;

/** What a {@link Notification} is about. */
public enum NotificationKind {
  /** A major update reached one of its rollout stages. */
  STAGE_REACHED,
  /** The weekly message center digest. */
  WEEKLY_DIGEST,
  /** A service health incident or advisory was posted. */
  ISSUE_STARTED,
  /** A service health issue changed status. */
  ISSUE_STATUS_CHANGED,
  /** A service health issue ended: service restored. */
  ISSUE_ENDED
}
