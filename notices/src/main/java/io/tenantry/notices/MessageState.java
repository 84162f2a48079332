package io.tenantry.notices;

/**
 * One admin's state of one message: read and archived are independent flags, as in the message
 * center (an archived message may be unread).
 *
 * @param read whether the admin has read the message
 * @param archived whether the admin has archived it
 */
public record MessageState(boolean read, boolean archived) {

  /** The state of a message the admin has not touched. */
  public static final MessageState NEW = new MessageState(false, false);

  /**
   * Returns this state marked read.
   *
   * @return a state with {@code read} true
   */
  public MessageState markRead() {
    return new MessageState(true, archived);
  }

  /**
   * Returns this state archived.
   *
   * @return a state with {@code archived} true
   */
  public MessageState archive() {
    return new MessageState(read, true);
  }
}
