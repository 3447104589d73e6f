package org.openstc.screening.matching;

/**
 * How a screener reports hits.
 *
 * @param threshold lowest score reported, in (0,1]
 * @param limit largest number of hits per query
 * @param mode graded (default) or OFAC-compatible scoring
 */
public record ScreeningOptions(double threshold, int limit, ScoringMode mode) {

  /** The default threshold, chosen on the name bench and the UN positives and negatives. */
  public static final double DEFAULT_THRESHOLD = 0.80;

  /** Default options: threshold 0.80, ten hits, graded scoring. */
  public static final ScreeningOptions DEFAULTS =
      new ScreeningOptions(DEFAULT_THRESHOLD, 10, ScoringMode.GRADED);

  public ScreeningOptions {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0,1]: " + threshold);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    if (mode == null) {
      mode = ScoringMode.GRADED;
    }
  }

  public ScreeningOptions withThreshold(double value) {
    return new ScreeningOptions(value, limit, mode);
  }

  public ScreeningOptions withLimit(int value) {
    return new ScreeningOptions(threshold, value, mode);
  }

  public ScreeningOptions withMode(ScoringMode value) {
    return new ScreeningOptions(threshold, limit, value);
  }
}
