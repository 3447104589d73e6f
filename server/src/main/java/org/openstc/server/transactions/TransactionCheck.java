package org.openstc.server.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstc.controls.authorisation.TransactionFact;
import org.openstc.controls.determination.Classification;
import org.openstc.controls.determination.Determination;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.Determiner;
import org.openstc.controls.determination.EndUse;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.determination.Jurisdiction;
import org.openstc.controls.determination.Outcome;
import org.openstc.server.items.ClassificationStatus;
import org.openstc.server.items.ProductClassification;
import org.openstc.server.licences.Licence;
import org.openstc.server.licences.LicenceKind;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.transactions.CheckResult.LineResult;
import org.openstc.server.transactions.CheckResult.Reason;

/**
 * The transaction check as a set of named rules over a resolved transaction: party screening,
 * per-line determination with licence coverage, red flags and the end-user certificate. Pure: the
 * caller supplies the determiner, the registrations and the day; nothing is read or written here.
 */
final class TransactionCheck {

  static final String SCREENING_BASIS =
      "Due diligence: screen every party before export (ICP element 4, Commission Recommendation"
          + " (EU) 2019/1318)";
  static final String DESIGNATION_BASIS =
      "Sanctions designation of the party: no goods, funds or services may be made available"
          + " (UN/EU asset freezes, OFAC SDN, BIS Entity and Denied Persons Lists)";
  static final String CLASSIFY_BASIS =
      "Classify before export (ICP element 4, Commission Recommendation (EU) 2019/1318)";
  static final String RED_FLAG_BASIS =
      "Red flags of diversion (ICP element 4, Recommendation (EU) 2019/1318; ATT Art. 11);"
          + " awareness of a listed end use triggers Art. 4(4) Regulation (EU) 2021/821";
  static final String EUC_BASIS =
      "End-use statement for individual and global authorisations (Art. 12(2) Regulation (EU)"
          + " 2021/821); end-user documentation against diversion (ATT Art. 11)";
  static final String LICENCE_BASIS = "Licence register (Art. 12 Regulation (EU) 2021/821)";

  /** What the rules found before any override. */
  record Evaluation(Verdict raw, List<Reason> reasons, List<LineResult> lines) {}

  private TransactionCheck() {}

  static Evaluation evaluate(
      ResolvedTransaction t, Determiner determiner, List<Licence> registrations, LocalDate day) {
    List<Reason> reasons = new ArrayList<>();
    parties(t, reasons);
    countries(t, determiner.data().measures(), day, reasons);
    List<LineResult> lines = lines(t, determiner, registrations, day, reasons);
    redFlags(t.draft(), reasons);
    boolean needsEuc =
        !"CIVIL".equals(t.draft().endUse())
            || lines.stream().anyMatch(l -> Outcome.LICENCE_REQUIRED.name().equals(l.outcome()));
    if (needsEuc) {
      endUseCertificate(t, reasons);
    }
    Verdict raw = Verdict.RELEASED;
    for (Reason r : reasons) {
      raw = raw.strictest(r.effect());
    }
    return new Evaluation(raw, reasons, lines);
  }

  /** A blocked party blocks; an open alert or an unscreened party holds. */
  static void parties(ResolvedTransaction t, List<Reason> out) {
    for (ResolvedTransaction.Party p : t.parties()) {
      String who = p.role().label().toLowerCase(java.util.Locale.ROOT) + " " + p.partner().name();
      PartnerStatus s = p.partner().status();
      switch (s) {
        case BLOCKED ->
            out.add(
                new Reason(
                    "party.blocked",
                    who,
                    Verdict.BLOCKED,
                    "The "
                        + who
                        + " is a confirmed match on a sanctions or denied-party list: the"
                        + " transaction must not go ahead.",
                    DESIGNATION_BASIS));
        case POTENTIAL_MATCH ->
            out.add(
                new Reason(
                    "party.open-alert",
                    who,
                    Verdict.HELD,
                    "The "
                        + who
                        + " has a screening alert nobody has decided yet: an export control"
                        + " officer must decide it (false positive or true match).",
                    SCREENING_BASIS));
        case UNSCREENED ->
            out.add(
                new Reason(
                    "party.unscreened",
                    who,
                    Verdict.HELD,
                    "The " + who + " has not been screened yet (is a watchlist loaded?).",
                    SCREENING_BASIS));
        case CLEAR -> {
          // screened, no open alert
        }
      }
    }
  }

  /**
   * Embargoes that forbid every item, whatever its classification, to the destination or through a
   * transit country: they block at entry, before any line is classified. Measures limited to kinds
   * of items are left to the per-line determination. The jurisdictions are those of the lines'
   * approved classifications (the EU's and the UN's measures when nothing is classified yet).
   */
  static void countries(
      ResolvedTransaction t,
      org.openstc.controls.measure.RestrictiveMeasures measures,
      LocalDate day,
      List<Reason> out) {
    TransactionDraft d = t.draft();
    Set<String> jurisdictions = new LinkedHashSet<>();
    for (ResolvedTransaction.Line l : t.lines()) {
      for (ProductClassification c : l.classifications()) {
        if (c.status() == ClassificationStatus.APPROVED) {
          jurisdictions.add(c.jurisdiction());
        }
      }
    }
    if (jurisdictions.isEmpty()) {
      jurisdictions.add("EU");
    }
    org.openstc.controls.measure.MeasureActivity activity =
        switch (d.kind()) {
          case BROKERING -> org.openstc.controls.measure.MeasureActivity.BROKERING;
          case TECHNICAL_ASSISTANCE ->
              org.openstc.controls.measure.MeasureActivity.TECHNICAL_ASSISTANCE;
          default -> org.openstc.controls.measure.MeasureActivity.EXPORT;
        };
    List<String> route = new ArrayList<>();
    route.add(d.destination());
    route.addAll(d.transit());
    for (int i = 0; i < route.size(); i++) {
      boolean transit = i > 0;
      String country = route.get(i);
      for (org.openstc.controls.measure.RestrictiveMeasure m :
          measures.against(org.openstc.controls.country.CountryCode.of(country))) {
        boolean imposed =
            m.imposer() == org.openstc.controls.measure.Imposer.US
                ? jurisdictions.contains("US")
                : jurisdictions.contains("EU");
        boolean applies =
            imposed
                && m.inForceOn(day)
                && m.effect() == org.openstc.controls.measure.Effect.PROHIBITION
                && m.items() == org.openstc.controls.measure.ItemScope.ALL_ITEMS
                && m.regions().isEmpty()
                && m.target() == org.openstc.controls.measure.Target.WHOLE_COUNTRY
                && m.activities()
                    .contains(
                        transit
                            ? org.openstc.controls.measure.MeasureActivity.TRANSIT_VIA
                            : activity);
        if (applies) {
          out.add(
              new Reason(
                  transit ? "transit.embargo" : "destination.embargo",
                  transit ? "transit via " + country : "destination " + country,
                  Verdict.BLOCKED,
                  m.title()
                      + (transit ? " (transit via " + country + ")" : "")
                      + ", in force since "
                      + m.from()
                      + ": no item may go"
                      + (m.exceptions().isBlank() ? "." : ". Exceptions: " + m.exceptions()),
                  m.citation()));
        }
      }
    }
  }

  static List<LineResult> lines(
      ResolvedTransaction t,
      Determiner determiner,
      List<Licence> registrations,
      LocalDate day,
      List<Reason> out) {
    TransactionDraft d = t.draft();
    Set<Long> partyIds = new LinkedHashSet<>();
    for (ResolvedTransaction.Party p : t.parties()) {
      if (p.role() != TransactionRole.BANK
          && p.role() != TransactionRole.CARRIER
          && p.role() != TransactionRole.FORWARDER) {
        partyIds.add(p.partner().id());
      }
    }
    boolean government = d.euc().governmentEndUser();
    Map<Long, BigDecimal[]> claimed = new HashMap<>();
    List<LineResult> results = new ArrayList<>();
    for (ResolvedTransaction.Line line : t.lines()) {
      String subject = "line " + line.position() + " (" + line.product().partNumber() + ")";
      List<Reason> lineReasons = new ArrayList<>();
      List<ProductClassification> approved =
          line.classifications().stream()
              .filter(c -> c.status() == ClassificationStatus.APPROVED)
              .toList();
      List<String> codes =
          approved.stream().map(c -> c.jurisdiction() + " " + c.itemCode()).toList();
      if (approved.isEmpty()) {
        boolean review =
            line.classifications().stream()
                .anyMatch(c -> c.status() == ClassificationStatus.NEEDS_REVIEW);
        lineReasons.add(
            new Reason(
                review ? "line.needs-review" : "line.unclassified",
                subject,
                Verdict.HELD,
                review
                    ? "A newer control list changed the entry "
                        + line.product().partNumber()
                        + " was classified under: classify it again."
                    : "Product "
                        + line.product().partNumber()
                        + " has no approved classification: classify it first.",
                CLASSIFY_BASIS));
        results.add(lineResult(line, codes, null, List.of(), null, lineReasons));
        out.addAll(lineReasons);
        continue;
      }
      Determination det;
      try {
        DeterminationRequest.Builder b = DeterminationRequest.builder();
        for (ProductClassification c : approved) {
          b.classification(
              Jurisdiction.valueOf(c.jurisdiction()), Classification.parse(c.itemCode()));
        }
        b.to(d.destination()).activity(d.kind().activity()).endUse(EndUse.valueOf(d.endUse()));
        d.transit().forEach(b::via);
        if (government) {
          b.fact(TransactionFact.GOVERNMENT_END_USER);
        }
        det = determiner.determine(b.asOf(day).build());
      } catch (InvalidDeterminationRequest | IllegalArgumentException e) {
        lineReasons.add(
            new Reason(
                "line.determination-failed",
                subject,
                Verdict.HELD,
                "The licence determination could not run: " + e.getMessage(),
                CLASSIFY_BASIS));
        results.add(lineResult(line, codes, null, List.of(), null, lineReasons));
        out.addAll(lineReasons);
        continue;
      }
      Outcome outcome = det.outcome();
      List<Reason> engine = new ArrayList<>();
      for (org.openstc.controls.determination.Reason r : det.reasons()) {
        engine.add(
            new Reason(r.rule(), subject, Verdict.RELEASED, r.explanation(), r.legalBasis()));
      }
      Licence used = null;
      switch (outcome) {
        case PROHIBITED -> {
          for (Reason r : engine) {
            lineReasons.add(withEffect(r, Verdict.BLOCKED));
          }
          lineReasons.addFirst(
              new Reason(
                  "line.prohibited",
                  subject,
                  Verdict.BLOCKED,
                  "The export of "
                      + line.product().partNumber()
                      + " to "
                      + d.destination()
                      + (d.transit().isEmpty() ? "" : " via " + String.join(", ", d.transit()))
                      + " is prohibited by a restrictive measure.",
                  engine.isEmpty() ? "Restrictive measures" : engine.getFirst().legalBasis()));
        }
        case LICENCE_REQUIRED, GENERAL_AUTHORISATION -> {
          Licence candidate = line.licence();
          if (candidate == null && outcome == Outcome.GENERAL_AUTHORISATION) {
            candidate =
                registrations.stream()
                    .filter(l -> l.kind() == LicenceKind.GENERAL_AUTHORISATION)
                    .filter(l -> det.generalAuthorisations().contains(l.number()))
                    .filter(l -> l.validOn(day))
                    .findFirst()
                    .orElse(null);
          }
          if (candidate == null) {
            lineReasons.add(
                outcome == Outcome.LICENCE_REQUIRED
                    ? new Reason(
                        "line.licence-required",
                        subject,
                        Verdict.HELD,
                        "A licence is required for "
                            + String.join(", ", codes)
                            + " to "
                            + d.destination()
                            + ": assign a valid licence to the line.",
                        legalBasis(engine))
                    : new Reason(
                        "line.general-authorisation",
                        subject,
                        Verdict.HELD,
                        "General authorisation "
                            + String.join(", ", det.generalAuthorisations())
                            + " can cover this line: register for it (licence register) or"
                            + " assign a licence.",
                        legalBasis(engine)));
            lineReasons.addAll(engine);
          } else {
            BigDecimal[] before =
                claimed.getOrDefault(
                    candidate.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            List<String> problems =
                candidate.problems(
                    day,
                    approved.stream().map(ProductClassification::itemCode).toList(),
                    line.product().partNumber(),
                    d.destination(),
                    partyIds,
                    line.quantity(),
                    line.value(),
                    line.currency(),
                    before[0],
                    before[1]);
            if (problems.isEmpty()) {
              used = candidate;
              claimed.put(
                  candidate.id(),
                  new BigDecimal[] {before[0].add(line.quantity()), before[1].add(line.value())});
              lineReasons.add(
                  new Reason(
                      "line.covered",
                      subject,
                      Verdict.RELEASED,
                      (outcome == Outcome.LICENCE_REQUIRED
                              ? "Licence required; covered by "
                              : "Covered by ")
                          + candidate.kind().label().toLowerCase(java.util.Locale.ROOT)
                          + " "
                          + candidate.number()
                          + " ("
                          + candidate.authority()
                          + ").",
                      legalBasis(engine)));
              lineReasons.addAll(engine);
            } else {
              lineReasons.add(
                  new Reason(
                      "line.licence-problem",
                      subject,
                      Verdict.HELD,
                      "A licence is required and "
                          + candidate.number()
                          + " does not cover the line: "
                          + String.join("; ", problems)
                          + ".",
                      LICENCE_BASIS));
              lineReasons.addAll(engine);
            }
          }
        }
        case NO_LICENCE_REQUIRED -> lineReasons.addAll(engine);
      }
      results.add(lineResult(line, codes, outcome, det.generalAuthorisations(), used, lineReasons));
      for (Reason r : lineReasons) {
        if (r.effect() != Verdict.RELEASED) {
          out.add(r);
        }
      }
    }
    return results;
  }

  private static String legalBasis(List<Reason> engine) {
    return engine.stream()
        .map(Reason::legalBasis)
        .filter(b -> !b.isBlank())
        .distinct()
        .limit(3)
        .reduce((a, b) -> a + "; " + b)
        .orElse(LICENCE_BASIS);
  }

  private static Reason withEffect(Reason r, Verdict effect) {
    return new Reason(r.code(), r.subject(), effect, r.explanation(), r.legalBasis());
  }

  private static LineResult lineResult(
      ResolvedTransaction.Line line,
      List<String> codes,
      Outcome outcome,
      List<String> gas,
      Licence licence,
      List<Reason> reasons) {
    Verdict v = Verdict.RELEASED;
    for (Reason r : reasons) {
      v = v.strictest(r.effect());
    }
    Licence assigned = licence != null ? licence : line.licence();
    return new LineResult(
        line.position(),
        line.product().id(),
        line.product().partNumber(),
        codes,
        outcome == null ? null : outcome.name(),
        gas,
        assigned == null ? null : assigned.id(),
        assigned == null ? null : assigned.number(),
        v,
        reasons);
  }

  /** Every "yes" holds; unanswered questions hold too, since due diligence asks all of them. */
  static void redFlags(TransactionDraft d, List<Reason> out) {
    List<String> unanswered = new ArrayList<>();
    for (RedFlag f : RedFlag.values()) {
      Boolean a = d.redFlags().get(f);
      if (a == null) {
        unanswered.add(f.name());
      } else if (a) {
        out.add(
            new Reason(
                "red-flag." + f.name(),
                "red flags",
                Verdict.HELD,
                "Red flag answered yes: "
                    + f.question()
                    + " An export control officer must review the deal.",
                RED_FLAG_BASIS));
      }
    }
    if (!unanswered.isEmpty()) {
      out.add(
          new Reason(
              "red-flags.unanswered",
              "red flags",
              Verdict.HELD,
              "The red-flag questionnaire is incomplete: "
                  + unanswered.size()
                  + " question(s) unanswered ("
                  + String.join(", ", unanswered)
                  + ").",
              RED_FLAG_BASIS));
    }
  }

  /** The certificate must be complete, match the destination and be attached as signed. */
  static void endUseCertificate(ResolvedTransaction t, List<Reason> out) {
    EndUseCertificate e = t.draft().euc();
    List<String> missing = e.missing();
    if (!missing.isEmpty()) {
      out.add(
          new Reason(
              "euc.incomplete",
              "end-user certificate",
              Verdict.HELD,
              "The end-user certificate is needed (licence required or non-civil end use) and"
                  + " lacks: "
                  + String.join(", ", missing)
                  + ".",
              EUC_BASIS));
    }
    if (e.country() != null && !e.country().equals(t.draft().destination())) {
      out.add(
          new Reason(
              "euc.country-mismatch",
              "end-user certificate",
              Verdict.HELD,
              "The certificate names "
                  + e.country()
                  + " as the country of final destination, the transaction "
                  + t.draft().destination()
                  + ".",
              EUC_BASIS));
    }
    if (!t.eucDocumentAttached()) {
      out.add(
          new Reason(
              "euc.document-missing",
              "end-user certificate",
              Verdict.HELD,
              "Attach the signed end-user certificate.",
              EUC_BASIS));
    }
  }
}
