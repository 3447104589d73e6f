package org.openstc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchScreenerTest {

  private final BatchScreener batch =
      new BatchScreener(
          Screener.build(
              List.of(
                  ScreenerTest.person("p1", "PUTIN, Vladimir Vladimirovich"),
                  ScreenerTest.person("p2", "BIN LADIN, Usama"))),
          ScreeningOptions.DEFAULTS);

  private final List<BatchScreener.RowError> errors = new ArrayList<>();
  private final List<Long> progress = new ArrayList<>();

  private String run(String input) throws Exception {
    StringWriter out = new StringWriter();
    BatchScreener.Summary summary =
        batch.screen(new StringReader(input), out, (q, h) -> progress.add(q), errors::add);
    assertThat(summary.queries() + summary.badRows()).isPositive();
    return out.toString();
  }

  @Test
  void screensCsvAndWritesOneRowPerHit() throws Exception {
    String out =
        run(
            "id,name,type,birth_date,country\n"
                + "q1,Vladimir Putin,person,1952-10-07,RU\n"
                + "q2,Jane Doe,,,\n"
                + "q3,Usama bin Ladin,,,\n");
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("query_id,query_name,score,list,entity_id,entity_name,matched_name");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("q1,Vladimir Putin,").contains(",test,p1,");
    assertThat(lines.get(2)).startsWith("q3,");
    assertThat(errors).isEmpty();
    assertThat(progress).isNotEmpty();
  }

  @Test
  void reportsBadRowsAndCarriesOn() throws Exception {
    String out =
        run(
            "id,name,type,birth_date\n"
                + "b1,,,\n"
                + "b2,Vladimir Putin,spaceship,\n"
                + "b3,Vladimir Putin,,not a date\n"
                + "b4,"
                + "x".repeat(10_000)
                + ",,\n"
                + "b5,\u0000\u0001,,\n"
                + "b6,Vladimir Putin,,\n");
    assertThat(errors).extracting(BatchScreener.RowError::line).contains(2L, 3L, 4L);
    assertThat(errors.get(0).toString()).contains("line 2").contains("empty name");
    assertThat(out).contains("b6,Vladimir Putin");
  }

  @Test
  void readsJsonLinesAndSkipsBrokenOnes() throws Exception {
    String out =
        run(
            "{\"id\":\"j1\",\"name\":\"Vladimir Putin\"}\n"
                + "{broken\n"
                + "[1,2]\n"
                + "\n"
                + "{\"id\":\"j2\",\"name\":\"Osama bin Laden\",\"country\":\"SA\"}\n");
    assertThat(out).contains("j1,Vladimir Putin").contains("j2,Osama bin Laden");
    assertThat(errors).extracting(BatchScreener.RowError::line).containsExactly(2L, 3L);
  }

  @Test
  void csvWithoutNameColumnIsOneClearError() throws Exception {
    String out = run("id,fullname\n1,Vladimir Putin\n");
    assertThat(out.lines().count()).isEqualTo(1);
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.reason()).contains("name"));
  }
}
