package io.tenantry.notices.spi;

/**
 * What an admin may read in the notices module, each right standing for one Entra action of
 * {@code directory-semantics.md} §2.3.
 *
 * @param messages may read message center posts that are not security messages ({@link
 *     #MESSAGES_READ})
 * @param securityMessages may read security messages ({@link #SECURITY_MESSAGES_READ})
 * @param serviceHealth may read service health and receive its notifications ({@link
 *     #SERVICE_HEALTH})
 */
public record ReadingRights(boolean messages, boolean securityMessages, boolean serviceHealth) {

  /** Reading message center posts, excluding security messages. */
  public static final String MESSAGES_READ = "microsoft.office365.messageCenter/messages/read";
  /** Reading security messages in the message center. */
  public static final String SECURITY_MESSAGES_READ =
      "microsoft.office365.messageCenter/securityMessages/read";
  /** Reading and configuring service health in the Microsoft 365 admin center. */
  public static final String SERVICE_HEALTH = "microsoft.office365.serviceHealth/allEntities/allTasks";

  /** No right at all: what an admin without a suitable role gets. */
  public static final ReadingRights NONE = new ReadingRights(false, false, false);

  /**
   * Tells whether the holder may read any message center post.
   *
   * @return true when messages or security messages may be read
   */
  public boolean anyMessages() {
    return messages || securityMessages;
  }

  /**
   * Combines two sets of rights (the union, as role permissions add up).
   *
   * @param other the other rights
   * @return rights holding every right of either
   */
  public ReadingRights or(ReadingRights other) {
    return new ReadingRights(messages || other.messages,
        securityMessages || other.securityMessages, serviceHealth || other.serviceHealth);
  }
}
