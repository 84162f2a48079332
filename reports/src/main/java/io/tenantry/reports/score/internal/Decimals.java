package io.tenantry.reports.score.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The rounding rules of {@code usage-score.md}: every figure is an exact ratio of integers rounded
 * half-up to one decimal. Computed with {@link BigDecimal}, never with {@code double}, so 0.05
 * rounds to 0.1 and not to whatever the nearest binary fraction gives.
 */
public final class Decimals {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Decimals() {}

  /**
   * Returns {@code 100 × n ÷ m} rounded half-up to one decimal.
   *
   * @param n the numerator, at least 0
   * @param m the denominator
   * @return the points with scale 1, or null when {@code m} is 0
   */
  public static BigDecimal points(long n, long m) {
    if (m == 0) {
      return null;
    }
    return BigDecimal.valueOf(n).multiply(HUNDRED).divide(BigDecimal.valueOf(m), 1,
        RoundingMode.HALF_UP);
  }

  /**
   * Returns {@code 100 × n ÷ m} rounded half-up to one decimal, for arbitrarily large operands.
   *
   * @param n the numerator
   * @param m the denominator, above 0
   * @return the points with scale 1
   */
  public static BigDecimal points(BigInteger n, BigInteger m) {
    return new BigDecimal(n).multiply(HUNDRED).divide(new BigDecimal(m), 1, RoundingMode.HALF_UP);
  }

  /**
   * Returns a sum of points as a percentage of a maximum, rounded half-up to one decimal.
   *
   * @param sum the sum of rounded points
   * @param max the maximum (100 × applicable scenarios)
   * @return the percentage with scale 1, or null when {@code max} is 0
   */
  public static BigDecimal percent(BigDecimal sum, int max) {
    if (max == 0) {
      return null;
    }
    return sum.multiply(HUNDRED).divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP);
  }

  /**
   * Rounds a value half-up to one decimal.
   *
   * @param value the value
   * @return the value with scale 1
   */
  public static BigDecimal oneDecimal(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }
}
