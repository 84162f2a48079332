package io.tenantry.reports.score;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The five maturity levels of {@code usage-score.md}, read from a scenario's rounded points:
 * 0–19.9 Initial (100), 20–39.9 Repeatable (200), 40–59.9 Defined (300), 60–79.9 Managed (400),
 * 80–100 Optimizing (500).
 */
public enum MaturityLevel {
  /** Points below 20. */
  INITIAL(100, "Initial", 0),
  /** Points from 20 to 39.9. */
  REPEATABLE(200, "Repeatable", 20),
  /** Points from 40 to 59.9. */
  DEFINED(300, "Defined", 40),
  /** Points from 60 to 79.9. */
  MANAGED(400, "Managed", 60),
  /** Points from 80 to 100. */
  OPTIMIZING(500, "Optimizing", 80);

  private final int level;
  private final String displayName;
  private final BigDecimal lowerBound;

  MaturityLevel(int level, String displayName, int lowerBound) {
    this.level = level;
    this.displayName = displayName;
    this.lowerBound = BigDecimal.valueOf(lowerBound);
  }

  /**
   * Returns the numeric level.
   *
   * @return 100, 200, 300, 400 or 500
   */
  public int level() {
    return level;
  }

  /**
   * Returns the level's name as {@code score.json} writes it.
   *
   * @return e.g. {@code "Managed"}
   */
  public String displayName() {
    return displayName;
  }

  /**
   * Returns the level of a scenario's points. The points must already be rounded to one decimal
   * (the spec reads the level from the rounded points, so 19.95 rounded to 20.0 is Repeatable).
   *
   * @param roundedPoints points between 0 and 100
   * @return the level whose band holds the points
   * @throws IllegalArgumentException if the points are below 0 or above 100
   * @throws NullPointerException if {@code roundedPoints} is null
   */
  public static MaturityLevel of(BigDecimal roundedPoints) {
    Objects.requireNonNull(roundedPoints, "roundedPoints");
    if (roundedPoints.signum() < 0 || roundedPoints.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("points must lie within 0-100, got " + roundedPoints);
    }
    MaturityLevel found = INITIAL;
    for (MaturityLevel m : values()) {
      if (roundedPoints.compareTo(m.lowerBound) >= 0) {
        found = m;
      }
    }
    return found;
  }
}
