package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The Usage Score of the people who hold one value of a {@link GroupDimension}. Views of values
 * held by fewer than {@link #PRIVACY_FLOOR} people are never built.
 *
 * @param value the attribute value, e.g. {@code "Sales"}
 * @param users how many people hold the value (at least {@link #PRIVACY_FLOOR})
 * @param percent the total percentage computed over those people, or null when no scenario
 *     applies to them
 */
public record GroupView(String value, int users, BigDecimal percent) {

  /** The privacy floor: a value held by fewer people is not shown. */
  public static final int PRIVACY_FLOOR = 10;

  /**
   * Validates the view.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank or {@code users} is below the
   *     privacy floor
   */
  public GroupView {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a group value must not be blank");
    }
    if (users < PRIVACY_FLOOR) {
      throw new IllegalArgumentException("group '" + value + "' has " + users
          + " people, below the privacy floor of " + PRIVACY_FLOOR);
    }
  }
}
