package org.openstc.server.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ListDiff;
import org.openstc.controls.list.TextDiff;

/** The stored review text of a flagged classification and its display form. */
class ReviewDiffTest {

  @Test
  void renderedChangesParseBackIntoRunsForDisplay() {
    String stored =
        ListChangeReview.render(
            List.of(
                new ListDiff.Changed(
                    ControlEntryCode.of("2B001.a"),
                    TextDiff.between("accuracy better than 0.9 um", "accuracy better than 1.1 um")),
                new ListDiff.Removed(ControlEntryCode.of("3A002.a"), "Digital  oscilloscopes")));
    assertThat(stored)
        .isEqualTo(
            "CHANGED 2B001.a: accuracy better than [-0.9-] {+1.1+} um\n"
                + "REMOVED 3A002.a: [-Digital oscilloscopes-]");
    List<ReviewDiff> lines = ReviewDiff.parse(stored);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).code()).isEqualTo("2B001.a");
    assertThat(lines.get(0).runs())
        .extracting(ReviewDiff.Run::op)
        .containsExactly("SAME", "REMOVED", "SAME", "ADDED", "SAME");
    assertThat(lines.get(1).change()).isEqualTo("REMOVED");
    assertThat(lines.get(1).runs())
        .containsExactly(new ReviewDiff.Run("REMOVED", "Digital oscilloscopes"));
  }

  @Test
  void notListedIsRecheckedAgainstAddedEntriesOnly() {
    ListDiff diff =
        new ListDiff(
            "A",
            "B",
            List.of(
                new ListDiff.Added(ControlEntryCode.of("3A003"), "new"),
                new ListDiff.Removed(ControlEntryCode.of("3A002"), "old")));
    assertThat(ListChangeReview.affecting(diff, "NOT_LISTED"))
        .extracting(ListDiff.EntryChange::code)
        .containsExactly(ControlEntryCode.of("3A003"));
    assertThat(ListChangeReview.affecting(diff, "3A002.a"))
        .extracting(ListDiff.EntryChange::code)
        .containsExactly(ControlEntryCode.of("3A002"));
    assertThat(ListChangeReview.affecting(diff, "5A002")).isEmpty();
  }
}
