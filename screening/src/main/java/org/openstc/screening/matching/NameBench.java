package org.openstc.screening.matching;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled name-pair benchmark (nomenklatura's {@code name-bench-cases.csv}): scores every pair
 * and reports precision, recall and F1 at fixed thresholds and at the best one.
 */
public final class NameBench {

  /** One labelled pair and the score it got. */
  public record Case(String schema, String name1, String name2, boolean match, double score) {}

  /** Precision, recall and F1 at one threshold. */
  public record Point(double threshold, double precision, double recall, double f1) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "t=%.2f P=%.3f R=%.3f F1=%.3f", threshold, precision, recall, f1);
    }
  }

  /** The result of a run: every scored case, the fixed thresholds and the best threshold. */
  public record Result(List<Case> cases, List<Point> points, Point best) {}

  private final NameNormaliser normaliser = NameNormaliser.shared();
  private final NameScorer scorer = new NameScorer();

  /** Scores every pair of the file and evaluates the scores. */
  public Result run(Path csv) throws IOException {
    List<Case> cases = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String schema = rec.get("schema");
        String a = rec.get("name1");
        String b = rec.get("name2");
        boolean match = Boolean.parseBoolean(rec.get("is_match").trim());
        double score = scorer.score(normaliser.forms(a), normaliser.forms(b));
        cases.add(new Case(schema, a, b, match, score));
      }
    }
    List<Point> points = new ArrayList<>();
    for (int t = 60; t <= 90; t += 5) {
      points.add(at(cases, t / 100.0));
    }
    Point best = at(cases, 0.5);
    for (int t = 30; t <= 99; t++) {
      Point p = at(cases, t / 100.0);
      if (p.f1() > best.f1()) {
        best = p;
      }
    }
    return new Result(cases, points, best);
  }

  static Point at(List<Case> cases, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Case c : cases) {
      boolean predicted = c.score() >= threshold;
      if (predicted && c.match()) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (c.match()) {
        fn++;
      }
    }
    double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Point(threshold, p, r, f1);
  }
}
