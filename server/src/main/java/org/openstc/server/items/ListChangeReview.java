package org.openstc.server.items;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.ListDiff;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.controls.ControlListVersionImported;
import org.openstc.server.items.internal.ProductStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a new version of a control list is imported, flags every approved classification whose entry
 * (or an enclosing or enclosed paragraph) the new version changed or removed, keeping the text diff
 * for the reviewing officer. Runs inside the import's transaction.
 */
@Component
class ListChangeReview {

  private final ProductStore store;
  private final AuditTrail audit;

  ListChangeReview(ProductStore store, AuditTrail audit) {
    this.store = store;
    this.audit = audit;
  }

  @EventListener
  void on(ControlListVersionImported event) {
    ControlListVersion newer = event.version();
    LocalDate newDate = newer.source().validFrom();
    String label = newer.listId() + "@" + newDate;
    Map<LocalDate, Optional<ListDiff>> diffs = new HashMap<>();
    for (ProductClassification c : store.approvedOn(newer.listId())) {
      if (c.listValidFrom() == null || c.listValidFrom().isAfter(newDate)) {
        continue; // an older version imported late does not overrule a newer classification
      }
      Optional<ListDiff> diff =
          diffs.computeIfAbsent(
              c.listValidFrom(), d -> event.previous(d).map(old -> ListDiff.between(old, newer)));
      if (diff.isEmpty()) {
        continue;
      }
      List<ListDiff.EntryChange> changes = affecting(diff.get(), c.itemCode());
      if (changes.isEmpty()) {
        continue;
      }
      String text = render(changes);
      store.flagForReview(c.id(), label, text);
      audit.record(
          AuditEntry.of(
                  "CLASSIFICATION_NEEDS_REVIEW",
                  "ProductClassification",
                  c.id(),
                  "Classification "
                      + c.jurisdiction()
                      + " "
                      + c.itemCode()
                      + " of product "
                      + c.productId()
                      + " needs review: "
                      + label
                      + " changed "
                      + changes.size()
                      + " affecting entr"
                      + (changes.size() == 1 ? "y" : "ies"))
              .withStates("status=APPROVED", "status=NEEDS_REVIEW; " + text));
    }
  }

  /**
   * The changes a classification must be re-checked against: for an entry code, changes to it or to
   * enclosing or enclosed paragraphs; for {@code NOT_LISTED} / {@code EAR99}, every added entry,
   * since the item may now be listed.
   */
  static List<ListDiff.EntryChange> affecting(ListDiff diff, String itemCode) {
    if (itemCode.equals("NOT_LISTED") || itemCode.equals("EAR99")) {
      return List.copyOf(diff.added());
    }
    return diff.affecting(ControlEntryCode.of(itemCode));
  }

  /** One line per change: {@code CHANGED code: words [-removed-] {+added+}} or {@code REMOVED}. */
  static String render(List<ListDiff.EntryChange> changes) {
    StringBuilder sb = new StringBuilder();
    for (ListDiff.EntryChange ch : changes) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      switch (ch) {
        case ListDiff.Changed c ->
            sb.append("CHANGED ").append(c.code()).append(": ").append(c.diff().render());
        case ListDiff.Removed r ->
            sb.append("REMOVED ")
                .append(r.code())
                .append(": [-")
                .append(r.text().replaceAll("\\s+", " "))
                .append("-]");
        case ListDiff.Added a ->
            sb.append("ADDED ")
                .append(a.code())
                .append(": {+")
                .append(a.text().replaceAll("\\s+", " "))
                .append("+}");
      }
    }
    return sb.toString();
  }
}
