package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openstc.controls.authorisation.LicenceExceptionCatalog;
import org.openstc.controls.country.CountryChart;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.country.CountryGroups;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.UsControl;
import org.openstc.controls.measure.Imposer;
import org.openstc.controls.measure.RestrictiveMeasure;

/**
 * The EAR licence requirement of 15 CFR 738.4: each reason for control of the ECCN that reaches the
 * classified paragraph names a Country Chart column; an X for the destination means a licence is
 * required for that reason (e.g. "15 CFR 742.4 — NS2 X for CN"). EAR99 items need none from the
 * chart. Where a licence is required, the list-based licence exceptions whose destination test
 * passes are offered as candidates.
 */
public record UsCountryChartPolicy() implements Policy {

  private static final Map<String, String> BASIS =
      Map.ofEntries(
          Map.entry("NS", "15 CFR 742.4"),
          Map.entry("NP", "15 CFR 742.3"),
          Map.entry("MT", "15 CFR 742.5"),
          Map.entry("CB", "15 CFR 742.2"),
          Map.entry("RS", "15 CFR 742.6"),
          Map.entry("CC", "15 CFR 742.7"),
          Map.entry("AT", "15 CFR 742.8-742.19 (anti-terrorism)"),
          Map.entry("FC", "15 CFR 742.17"),
          Map.entry("UN", "15 CFR 746.1(b)"),
          Map.entry("EI", "15 CFR 742.15"),
          Map.entry("SL", "15 CFR 742.13"),
          Map.entry("SI", "15 CFR 742.14"),
          Map.entry("CW", "15 CFR 742.18"));

  private static final Set<String> NOT_FOR_SHIPMENT_EXCEPTIONS = Set.of("MT", "NP", "CB");
  // Both caches are keyed by immutable list text, so they stay pure; they spare the regexes on
  // the hot path.
  private static final Map<String, ChartReferral> REFERRALS = new ConcurrentHashMap<>();
  private static final Map<ControlEntryCode, Map<String, List<ControlEntryCode>>>
      EXCEPTION_PARAGRAPHS = new ConcurrentHashMap<>();
  private static final Map<String, List<ControlEntryCode>> FOOTNOTE_REFS =
      new ConcurrentHashMap<>();
  private static final java.util.regex.Pattern FULL_REF =
      java.util.regex.Pattern.compile("\\b\\d[A-E]\\d{3}(?:\\.[a-z0-9]{1,3})*");

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.US;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (line.activity() == Activity.BROKERING) {
      return List.of();
    }
    CountryCode dest = line.request().destination();
    if (line.kind() == ItemKind.UNLISTED) {
      return List.of(
          new Finding.Clearance(
              Jurisdiction.US,
              new Reason(
                  "us.ear99",
                  "15 CFR 734.3(c); 15 CFR 738.4",
                  "EAR99: the item is subject to the EAR but not on the Commerce Control List; no"
                      + " Country Chart licence requirement (NLR) unless Part 744 or Part 746"
                      + " applies.")));
    }
    CountryChart chart = data.chart();
    if (chart == null) {
      throw new InvalidDeterminationRequest("the Commerce Country Chart is not loaded");
    }
    List<Finding> out = new ArrayList<>(4);
    CountryChart.Row row = chart.row(dest).orElse(null);
    if (row == null) {
      out.add(
          new Finding.Requirement(
              Jurisdiction.US,
              new Reason(
                  "us.country-chart-no-row",
                  "15 CFR 738.3(b)",
                  dest
                      + " has no row in the Commerce Country Chart and no row it inherits: treat"
                      + " the export as licence-required until the governing row is established."),
              false));
      return out;
    }
    if (row.embargoPointer() != null) {
      out.add(
          new Finding.Clearance(
              Jurisdiction.US,
              new Reason(
                  "us.country-chart-embargo-row",
                  "15 CFR Part 738, Supplement No. 1",
                  "The Country Chart row for " + row.name() + " says: " + row.embargoPointer())));
      return out;
    }
    if (line.heading().usControls().isEmpty()) {
      out.add(
          new Finding.Requirement(
              Jurisdiction.US,
              new Reason(
                  "us.no-license-requirements",
                  "15 CFR 738.4(a)(1)",
                  line.heading().code()
                      + " states no License Requirements rows (e.g. a cross"
                      + " reference to the ITAR or the NRC): check the regime it refers to."),
              false));
      return out;
    }
    Set<String> requiring = new LinkedHashSet<>();
    List<String> unmarked = new ArrayList<>();
    for (UsControl c : line.heading().usControls()) {
      if (!c.reaches(line.code())) {
        continue;
      }
      String unless =
          c.conditionalException() == null ? "" : " Unless: " + c.conditionalException() + ".";
      if (c.column() != null) {
        if (chart.isMarked(dest, c.column())) {
          requiring.add(c.reason());
          out.add(
              new Finding.Requirement(
                  Jurisdiction.US,
                  new Reason(
                      "us.country-chart",
                      basis(c.reason()) + " — " + c.column().label() + " X for " + dest,
                      line.heading().code()
                          + ": "
                          + c.appliesTo()
                          + "; the Country Chart ("
                          + chart.issueDate()
                          + ") has an X in column "
                          + c.column().label()
                          + " for "
                          + row.name()
                          + "."
                          + unless),
                  true));
        } else {
          unmarked.add(c.column().label());
        }
        continue;
      }
      if ("UN".equals(c.reason())) {
        if (unEmbargoed(dest, line, data)) {
          requiring.add("UN");
          out.add(
              new Finding.Requirement(
                  Jurisdiction.US,
                  new Reason(
                      "us.un-reason",
                      "15 CFR 746.1(b)",
                      line.heading().code()
                          + " is controlled for UN reasons and "
                          + dest
                          + " is subject to a UN Security Council arms embargo."),
                  false));
        }
        continue;
      }
      ChartReferral ref =
          "EI".equals(c.reason())
              ? ChartReferral.ENCRYPTION
              : REFERRALS.computeIfAbsent(
                  c.countryChartText(), k -> ChartReferral.parse(c.reason(), k, data.countries()));
      if (ref.inert()) {
        continue; // "N/A", or a Part 746 pointer that the restrictive measures decide
      }
      if (!ref.understood()) {
        requiring.add(c.reason());
        out.add(
            new Finding.Requirement(
                Jurisdiction.US,
                new Reason(
                    "us.license-requirements-referral",
                    ref.citation().isEmpty() ? basis(c.reason()) : ref.citation(),
                    line.heading().code()
                        + ": "
                        + c.appliesTo()
                        + "; the License Requirements"
                        + " refer to: \""
                        + c.countryChartText()
                        + "\" — not decided automatically,"
                        + " treat as licence-required until checked."),
                false));
      } else if (ref.reaches(dest, data.groups())) {
        requiring.add(c.reason());
        out.add(
            new Finding.Requirement(
                Jurisdiction.US,
                new Reason(
                    "us.license-requirements",
                    ref.citation().isEmpty() ? basis(c.reason()) : ref.citation(),
                    line.heading().code()
                        + ": "
                        + c.appliesTo()
                        + "; licence required \""
                        + c.countryChartText()
                        + "\", which reaches "
                        + dest
                        + "."
                        + unless),
                "EI".equals(c.reason())));
      }
    }
    for (String footnote : row.footnotes()) {
      if (footnoteRequiresLicence(footnote, line.code())) {
        requiring.add("footnote");
        out.add(
            new Finding.Requirement(
                Jurisdiction.US,
                new Reason(
                    "us.country-chart-footnote",
                    "15 CFR Part 738, Supplement No. 1, footnote "
                        + footnote.substring(0, footnote.indexOf(':')),
                    "The Country Chart row for "
                        + row.name()
                        + " carries a footnote that requires a"
                        + " licence for "
                        + line.item()
                        + ": "
                        + footnote.substring(footnote.indexOf(':') + 1).strip()),
                false));
      }
    }
    if (requiring.isEmpty()) {
      out.add(
          new Finding.Clearance(
              Jurisdiction.US,
              new Reason(
                  "us.country-chart-no-x",
                  "15 CFR 738.4(a)(2)(ii)(B)",
                  line.item()
                      + " to "
                      + dest
                      + ": no X in the Country Chart column(s) "
                      + (unmarked.isEmpty() ? "(none apply)" : String.join(", ", unmarked))
                      + " for "
                      + row.name()
                      + " — NLR, provided General Prohibitions Four to Ten"
                      + " do not apply.")));
    } else {
      candidates(line, data, requiring, out);
    }
    return out;
  }

  /**
   * Footnotes such as 10 ("A license is required to these destinations for items in the following
   * ECCNs: 0A501 …", Australia and the United Kingdom) and 7 ("a license is still required for …
   * 6A003.b.4.b … when destined to India") impose requirements the grid does not show.
   */
  private static boolean footnoteRequiresLicence(String footnote, ControlEntryCode code) {
    List<ControlEntryCode> refs =
        FOOTNOTE_REFS.computeIfAbsent(footnote, UsCountryChartPolicy::footnoteRefs);
    for (ControlEntryCode r : refs) {
      if (r.covers(code) || code.covers(r)) {
        return true;
      }
    }
    return false;
  }

  private static List<ControlEntryCode> footnoteRefs(String footnote) {
    String lower = footnote.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.contains("license is required") || lower.contains("license is still required"))) {
      return List.of();
    }
    List<ControlEntryCode> refs = new ArrayList<>();
    java.util.regex.Matcher m = FULL_REF.matcher(footnote);
    while (m.find()) {
      refs.add(ControlEntryCode.of(m.group()));
    }
    return List.copyOf(refs);
  }

  private static String basis(String reason) {
    return BASIS.getOrDefault(reason, "15 CFR Part 742");
  }

  private static boolean unEmbargoed(CountryCode dest, Line line, DeterminationData data) {
    for (RestrictiveMeasure m : data.measures().inForce(dest, line.request().asOf())) {
      if (m.imposer() == Imposer.UN && m.isArmsEmbargo()) {
        return true;
      }
    }
    return false;
  }

  /** Adds list-based licence exceptions that pass the destination test as candidates. */
  private static void candidates(
      Line line, DeterminationData data, Set<String> requiring, List<Finding> out) {
    CountryCode dest = line.request().destination();
    CountryGroups g = data.groups();
    if (g == null || g.isIn(dest, "E:1") || g.isIn(dest, "E:2")) {
      return;
    }
    boolean proliferation = requiring.stream().anyMatch(NOT_FOR_SHIPMENT_EXCEPTIONS::contains);
    LicenceExceptionCatalog catalog = data.licenceExceptions();
    for (Map.Entry<String, String> e : line.heading().licenceExceptions().entrySet()) {
      String symbol = e.getKey();
      String text = e.getValue() == null ? "" : e.getValue().strip();
      if (text.isEmpty()
          || text.regionMatches(true, 0, "n/a", 0, 3)
          || text.regionMatches(true, 0, "no ", 0, 3)) {
        continue;
      }
      String test =
          switch (symbol) {
            case "LVS", "GBS", "TSR" -> g.isIn(dest, "B") ? "Country Group B" : null;
            case "STA" ->
                g.isIn(dest, "A:5")
                    ? "Country Group A:5 (§ 740.20(c)(1))"
                    : g.isIn(dest, "A:6") ? "Country Group A:6 (§ 740.20(c)(2))" : null;
            default -> "not in Country Group E:1/E:2";
          };
      if (test == null) {
        continue;
      }
      if (proliferation) {
        // § 740.2(a)(5) and the exceptions' own terms keep MT, NP and CB controlled items out of
        // the list-based exceptions; offering them would mislead.
        continue;
      }
      if (!line.code().isHeading()) {
        List<ControlEntryCode> refs =
            EXCEPTION_PARAGRAPHS
                .computeIfAbsent(line.heading().code(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(text, k -> UsControl.references(line.heading().code(), k));
        // Ranges ("a.2 to a.14") are not expanded: with a range the candidate is kept.
        if (!refs.isEmpty()
            && !text.contains(" to ")
            && refs.stream().noneMatch(x -> x.covers(line.code()) || line.code().covers(x))) {
          continue; // the exception is limited to other paragraphs of the ECCN
        }
      }
      String section =
          catalog
              .get(symbol.contains("/") ? symbol.substring(0, 3) : symbol)
              .map(LicenceExceptionCatalog.LicenceException::section)
              .orElse("15 CFR Part 740");
      out.add(
          new Finding.ExceptionCandidate(
              Jurisdiction.US,
              symbol,
              new Reason(
                  "us.licence-exception-candidate",
                  section,
                  symbol
                      + " for "
                      + line.heading().code()
                      + " (\""
                      + text
                      + "\"); destination test: "
                      + test
                      + ". Check § 740.2 restrictions and the exception's own conditions.")));
    }
  }
}
