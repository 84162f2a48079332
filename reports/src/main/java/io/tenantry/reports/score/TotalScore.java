package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The total of a Usage Score: the sum of the applicable scenarios' rounded points, the maximum
 * (100 per applicable scenario) and the sum as a percentage of the maximum, rounded half-up to one
 * decimal.
 *
 * @param points the sum of the applicable scenarios' points (0 when none applies)
 * @param max 100 × the number of applicable scenarios
 * @param percent {@code points ÷ max × 100}, rounded half-up to one decimal; null when {@code max}
 *     is 0
 */
public record TotalScore(BigDecimal points, int max, BigDecimal percent) {

  /**
   * Validates the total.
   *
   * @throws NullPointerException if {@code points} is null
   * @throws IllegalArgumentException if {@code max} is not a multiple of 100 within 0..600, or
   *     {@code percent} is null exactly when {@code max} is not 0
   */
  public TotalScore {
    Objects.requireNonNull(points, "points");
    if (max < 0 || max > 600 || max % 100 != 0) {
      throw new IllegalArgumentException("max must be 100 × the applicable scenarios, got " + max);
    }
    if ((max == 0) != (percent == null)) {
      throw new IllegalArgumentException("percent is null exactly when max is 0 (max " + max
          + ", percent " + percent + ")");
    }
  }
}
