package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.List;
import org.openstc.controls.authorisation.TransactionFact;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.measure.Effect;
import org.openstc.controls.measure.Imposer;
import org.openstc.controls.measure.ItemScope;
import org.openstc.controls.measure.MeasureActivity;
import org.openstc.controls.measure.RestrictiveMeasure;
import org.openstc.controls.measure.Target;

/**
 * Arms embargoes and export bans against the destination (and, where a measure says so, against
 * transit countries): UN and EU measures for the EU, US measures for the US (UN embargoes reach US
 * items through the UN reason for control, 15 CFR 746.1(b), in the Country Chart policy).
 */
public record EmbargoPolicy() implements Policy {

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return true;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    DeterminationRequest r = line.request();
    List<Finding> out = null;
    MeasureActivity activity = activity(line.activity());
    for (RestrictiveMeasure m : data.measures().against(r.destination())) {
      if (applies(line, m, activity, true)) {
        out =
            add(
                out,
                line,
                m,
                eu(line) ? "eu.embargo.destination" : "us.embargo.destination",
                "",
                data);
      }
    }
    for (CountryCode via : r.transit()) {
      for (RestrictiveMeasure m : data.measures().against(via)) {
        if (m.activities().contains(MeasureActivity.TRANSIT_VIA)
            && applies(line, m, MeasureActivity.TRANSIT_VIA, false)) {
          out =
              add(
                  out,
                  line,
                  m,
                  eu(line) ? "eu.embargo.transit" : "us.embargo.transit",
                  " (transit via " + via + ")",
                  data);
        }
      }
    }
    return out == null ? List.of() : out;
  }

  // Rules carry their jurisdiction prefix from the start, so the determiner need not rebuild them.
  private static boolean eu(Line line) {
    return line.jurisdiction() == Jurisdiction.EU;
  }

  private static MeasureActivity activity(Activity a) {
    return switch (a) {
      case BROKERING -> MeasureActivity.BROKERING;
      case TECHNICAL_ASSISTANCE -> MeasureActivity.TECHNICAL_ASSISTANCE;
      default -> MeasureActivity.EXPORT;
    };
  }

  private static boolean applies(
      Line line, RestrictiveMeasure m, MeasureActivity activity, boolean destination) {
    if (!imposedFor(m.imposer(), line.jurisdiction())) {
      return false;
    }
    if (!m.inForceOn(line.request().asOf()) || !m.activities().contains(activity)) {
      return false;
    }
    if (destination && !m.coversRegion(line.request().destinationRegion())) {
      return false;
    }
    if (m.target() == Target.MILITARY_END_USE && line.request().endUse() != EndUse.MILITARY) {
      return false;
    }
    if (m.target() == Target.NON_GOVERNMENTAL
        && line.request().has(TransactionFact.GOVERNMENT_END_USER)) {
      return false;
    }
    return switch (m.items()) {
      case MILITARY_ITEMS -> line.kind() == ItemKind.MILITARY;
      // For the US, "dual-use items" means every CCL entry, 600 series included (e.g. § 746.8).
      case DUAL_USE_ITEMS ->
          line.kind() == ItemKind.DUAL_USE
              || (line.jurisdiction() == Jurisdiction.US && line.kind() == ItemKind.MILITARY);
      case UNLISTED_ITEMS -> line.kind() == ItemKind.UNLISTED;
      case ALL_ITEMS, LISTED_SECTORS -> true;
      case LISTED_ITEMS -> line.code() != null && anyCovers(m.itemCodes(), line.code());
    };
  }

  private static boolean anyCovers(List<ControlEntryCode> codes, ControlEntryCode item) {
    for (ControlEntryCode c : codes) {
      if (c.covers(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean imposedFor(Imposer imposer, Jurisdiction j) {
    return j == Jurisdiction.EU ? imposer != Imposer.US : imposer == Imposer.US;
  }

  private static List<Finding> add(
      List<Finding> out,
      Line line,
      RestrictiveMeasure m,
      String rule,
      String where,
      DeterminationData data) {
    List<Finding> list = out == null ? new ArrayList<>(2) : out;
    String exceptions = m.exceptions().isBlank() ? "" : " Exceptions: " + m.exceptions();
    if (m.items() == ItemScope.LISTED_SECTORS) {
      // Sector lists (Annex VII, CN codes …) cannot be matched by a control list code: show the
      // check without deciding it.
      list.add(
          new Finding.Clearance(
              line.jurisdiction(),
              new Reason(
                  eu(line) ? "eu.embargo.listed-sectors-check" : "us.embargo.listed-sectors-check",
                  m.citation(),
                  "Check whether the item is in the scope of: "
                      + m.title()
                      + where
                      + "."
                      + exceptions)));
      return list;
    }
    String target =
        m.target() == Target.NON_GOVERNMENTAL
            ? " It targets non-governmental end users; the end user is not recorded as a government"
                + " body."
            : "";
    Reason reason =
        new Reason(
            rule,
            m.citation(),
            m.title() + where + ", in force since " + m.from() + "." + target + exceptions);
    if (m.effect() == Effect.PROHIBITION) {
      list.add(new Finding.Prohibition(line.jurisdiction(), reason));
      return list;
    }
    list.add(
        new Finding.Requirement(line.jurisdiction(), reason, !m.licenceExceptions().isEmpty()));
    for (String symbol : m.licenceExceptions()) {
      list.add(
          new Finding.ExceptionCandidate(
              line.jurisdiction(),
              symbol,
              new Reason(
                  (eu(line) ? "eu." : "us.") + "licence-exception-candidate",
                  data.licenceExceptions()
                      .get(symbol)
                      .map(e -> e.section())
                      .orElse("15 CFR Part 740"),
                  symbol
                      + " may relieve the licence requirement of "
                      + m.citation()
                      + "; check the exception's conditions and restricted parties and end uses.")));
    }
    return list;
  }
}
