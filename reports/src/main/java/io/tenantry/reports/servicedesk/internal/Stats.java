package io.tenantry.reports.servicedesk.internal;

import java.util.Arrays;

/** Order statistics and the robust z-score used by the service-desk trends. */
public final class Stats {
  /** Scales the MAD to the standard deviation of a normal distribution. */
  public static final double MAD_SCALE = 1.4826;
  /** Scales the mean absolute deviation to the standard deviation of a normal distribution. */
  public static final double MEAN_AD_SCALE = 1.2533;

  private Stats() {}

  /**
   * Returns the median: the middle value, or the mean of the two middle values.
   *
   * @param values the values (not modified); at least one
   * @return the median
   */
  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /**
   * Returns the nearest-rank percentile: the smallest value with at least {@code p}% of the values
   * at or below it, i.e. the value of rank {@code ceil(p/100 × n)}.
   *
   * @param values the values (not modified); at least one
   * @param p the percentile, within (0, 100]
   * @return the percentile
   */
  public static double nearestRank(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(1, rank) - 1];
  }

  /**
   * Returns the median absolute deviation from the median.
   *
   * @param values the values; at least one
   * @return the MAD
   */
  public static double mad(double[] values) {
    double m = median(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - m);
    }
    return median(dev);
  }

  /**
   * Returns the robust z-score of a value against a baseline: {@code (x − median) ÷ (1.4826 ×
   * MAD)}, or with the mean absolute deviation (× 1.2533) when the MAD is 0.
   *
   * @param x the value
   * @param baseline the baseline values; at least one
   * @return the score, or NaN when both deviations are 0 (a flat baseline)
   */
  public static double robustZ(double x, double[] baseline) {
    double m = median(baseline);
    double mad = mad(baseline);
    if (mad > 0) {
      return (x - m) / (MAD_SCALE * mad);
    }
    double sum = 0;
    for (double b : baseline) {
      sum += Math.abs(b - m);
    }
    double meanAd = sum / baseline.length;
    return meanAd > 0 ? (x - m) / (MEAN_AD_SCALE * meanAd) : Double.NaN;
  }
}
