package org.openstc.screening.matching;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks the OFAC-compatible mode against scores captured from OFAC's own search tool ({@code
 * query_name,result_name,ofac_score}, -1 meaning "not returned at 80").
 */
public final class OfacFixtures {

  /** One fixture row with our score and whether it agrees within the tolerance. */
  public record Row(String query, String result, int ofacScore, int ourScore, boolean agrees) {}

  /** All rows and the share that agrees. */
  public record Result(List<Row> rows, double agreement) {}

  /** Scores every row; a row agrees when within ±tolerance, or both are below 80 for -1 rows. */
  public Result run(Path csv, int tolerance) throws IOException {
    OfacScorer scorer = new OfacScorer();
    List<Row> rows = new ArrayList<>();
    int agree = 0;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String q = rec.get("query_name");
        String res = rec.get("result_name");
        int expected = Integer.parseInt(rec.get("ofac_score").trim());
        int ours = scorer.score(q, res);
        boolean ok = expected < 0 ? ours < 80 : Math.abs(ours - expected) <= tolerance;
        if (ok) {
          agree++;
        }
        rows.add(new Row(q, res, expected, ours, ok));
      }
    }
    return new Result(rows, rows.isEmpty() ? 0 : agree / (double) rows.size());
  }
}
