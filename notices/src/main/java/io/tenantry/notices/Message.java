package io.tenantry.notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message center post: what is changing, for which services and tenants, and when.
 *
 * <p>A <em>major update</em> carries a {@link Rollout}; the {@link MessageCenter} refuses to
 * publish one whose first-release stage is shorter than its configured minimum. A <em>security
 * message</em> is shown only to readers holding {@code
 * microsoft.office365.messageCenter/securityMessages/read} (Global Administrator, Global Reader,
 * Message Center Privacy Reader); every other message needs {@code
 * microsoft.office365.messageCenter/messages/read}.
 *
 * @param id the message id, e.g. {@code MC123456}: 1-64 letters, digits, '.', '_' or '-'
 * @param title a one-line title
 * @param body the text of the post (plain text; rendered escaped in HTML)
 * @param category plan for change, prevent or fix issues, or stay informed
 * @param services the affected services (at least one), sorted
 * @param tags free tags such as {@code User impact}, sorted
 * @param majorUpdate whether this is a major update (then {@code rollout} is required)
 * @param security whether this is a security message
 * @param published the day the message was posted; the weekly digest selects by this day
 * @param actionRequiredBy the day by which admins must act, or null
 * @param rollout the rollout stages, or null (required for a major update)
 * @param targeting which tenants see the message
 */
public record Message(String id, String title, String body, MessageCategory category,
    Set<String> services, Set<String> tags, boolean majorUpdate, boolean security,
    LocalDate published, LocalDate actionRequiredBy, Rollout rollout, Targeting targeting) {

  /**
   * Validates the message.
   *
   * @throws io.tenantry.core.error.ValidationException naming the field and the value, if a
   *     required field is missing, a name is blank, no service is listed, or a major update has no
   *     rollout
   */
  public Message {
    Checks.id("id", id);
    Checks.name("title", title);
    Checks.text("body", body);
    Checks.present("category", category);
    services = Checks.names("services", Checks.present("services", services));
    if (services.isEmpty()) {
      throw Checks.invalid("services", "must list at least one service", id);
    }
    tags = Checks.names("tags", tags == null ? Set.of() : tags);
    Checks.present("published", published);
    Checks.present("targeting", targeting);
    if (majorUpdate && rollout == null) {
      throw Checks.invalid("rollout", "a major update needs its rollout stages", id);
    }
  }

  /**
   * Returns the action-required-by day, if any.
   *
   * @return the day, or empty
   */
  public Optional<LocalDate> actionRequiredByDate() {
    return Optional.ofNullable(actionRequiredBy);
  }

  /**
   * Returns the rollout, if any.
   *
   * @return the rollout, or empty
   */
  public Optional<Rollout> rolloutStages() {
    return Optional.ofNullable(rollout);
  }

  /**
   * Tells whether any of the message's services is in the given set.
   *
   * @param followed the services someone follows
   * @return true when they share at least one service
   */
  public boolean concernsAny(Set<String> followed) {
    return services.stream().anyMatch(followed::contains);
  }

  /**
   * Starts a builder, handy for tests and for hosts building messages from their own data.
   *
   * @param id the message id
   * @return a builder with no services, no tags, not major, not security, targeting all tenants
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A mutable builder of {@link Message}; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String title;
    private String body;
    private MessageCategory category = MessageCategory.STAY_INFORMED;
    private Set<String> services = Set.of();
    private Set<String> tags = Set.of();
    private boolean majorUpdate;
    private boolean security;
    private LocalDate published;
    private LocalDate actionRequiredBy;
    private Rollout rollout;
    private Targeting targeting = Targeting.allTenants();

    private Builder(String id) {
      this.id = id;
      this.title = id;
      this.body = id;
    }

    /**
     * Sets the title.
     *
     * @param value the title
     * @return this builder
     */
    public Builder title(String value) {
      this.title = value;
      return this;
    }

    /**
     * Sets the body.
     *
     * @param value the body
     * @return this builder
     */
    public Builder body(String value) {
      this.body = value;
      return this;
    }

    /**
     * Sets the category.
     *
     * @param value the category
     * @return this builder
     */
    public Builder category(MessageCategory value) {
      this.category = Objects.requireNonNull(value, "category");
      return this;
    }

    /**
     * Sets the affected services.
     *
     * @param values the services
     * @return this builder
     */
    public Builder services(String... values) {
      this.services = Set.copyOf(List.of(values));
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param values the tags
     * @return this builder
     */
    public Builder tags(String... values) {
      this.tags = Set.copyOf(List.of(values));
      return this;
    }

    /**
     * Makes the message a major update with the given rollout.
     *
     * @param value the rollout stages
     * @return this builder
     */
    public Builder majorUpdate(Rollout value) {
      this.majorUpdate = true;
      this.rollout = Objects.requireNonNull(value, "rollout");
      return this;
    }

    /**
     * Sets the rollout without making the message a major update.
     *
     * @param value the rollout, or null
     * @return this builder
     */
    public Builder rollout(Rollout value) {
      this.rollout = value;
      return this;
    }

    /**
     * Marks the message as a security message.
     *
     * @param value whether it is one
     * @return this builder
     */
    public Builder security(boolean value) {
      this.security = value;
      return this;
    }

    /**
     * Sets the publication day.
     *
     * @param value the day
     * @return this builder
     */
    public Builder published(LocalDate value) {
      this.published = value;
      return this;
    }

    /**
     * Sets the action-required-by day.
     *
     * @param value the day, or null
     * @return this builder
     */
    public Builder actionRequiredBy(LocalDate value) {
      this.actionRequiredBy = value;
      return this;
    }

    /**
     * Sets the targeting.
     *
     * @param value the targeting
     * @return this builder
     */
    public Builder targeting(Targeting value) {
      this.targeting = value;
      return this;
    }

    /**
     * Builds and validates the message.
     *
     * @return the message
     * @throws io.tenantry.core.error.ValidationException if a field is invalid
     */
    public Message build() {
      return new Message(id, title, body, category, services, tags, majorUpdate, security,
          published, actionRequiredBy, rollout, targeting);
    }
  }
}
