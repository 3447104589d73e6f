package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstc.controls.country.Membership;
import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlListVersion;

/**
 * Answers "do I need a licence for this?" for one line: resolves the classification in each
 * jurisdiction against the list version in force, runs every policy, and combines the findings
 * (prohibition over licence over general authorisation over no licence). Pure and thread-safe.
 */
public final class Determiner {

  private static final List<Policy> POLICIES =
      List.of(
          new PartyScreeningPolicy(),
          new EmbargoPolicy(),
          new EuMilitaryListPolicy(),
          new EuDualUseListPolicy(),
          new EuCatchAllPolicy(),
          new EuGeneralAuthorisationPolicy(),
          new UsCountryChartPolicy(),
          new UsEndUsePolicy());

  private final DeterminationData data;

  public Determiner(DeterminationData data) {
    this.data = data;
  }

  public DeterminationData data() {
    return data;
  }

  public Determination determine(DeterminationRequest request) {
    Outcome overall = Outcome.NO_LICENCE_REQUIRED;
    Set<String> gas = new LinkedHashSet<>();
    Set<String> exceptions = new LinkedHashSet<>();
    List<Reason> reasons = new ArrayList<>();
    Map<Jurisdiction, Outcome> byJurisdiction = new EnumMap<>(Jurisdiction.class);
    for (Jurisdiction j : Jurisdiction.values()) {
      if (!request.classifications().containsKey(j)) {
        continue;
      }
      List<Reason> pre = new ArrayList<>(1);
      Line line = resolve(request, j, pre);
      if (line.list() != null && line.list().source().validFrom().isAfter(request.asOf())) {
        pre.add(
            new Reason(
                j == Jurisdiction.EU ? "eu.list-version" : "us.list-version",
                line.list().source().legalSource(),
                "No version of the list in force on "
                    + request.asOf()
                    + " is loaded; the earliest"
                    + " loaded version ("
                    + line.list().source().validFrom()
                    + ") was used."));
      }
      List<Finding> findings = new ArrayList<>();
      for (Policy p : POLICIES) {
        if (p.appliesTo(j)) {
          findings.addAll(p.evaluate(line, data));
        }
      }
      Outcome outcome = combine(findings);
      byJurisdiction.put(j, outcome);
      overall = overall.strictest(outcome);
      String prefix = j.name().toLowerCase(java.util.Locale.ROOT) + ".";
      for (Reason r : pre) {
        reasons.add(prefixed(r, prefix));
      }
      boolean exceptionsUsable = outcome == Outcome.LICENCE_REQUIRED;
      for (Finding f : findings) {
        if (f instanceof Finding.Requirement q && !q.relievable()) {
          exceptionsUsable = false;
          break;
        }
      }
      for (Finding f : findings) {
        switch (f) {
          case Finding.Authorisation a -> {
            if (outcome == Outcome.GENERAL_AUTHORISATION) {
              gas.add(a.id());
              reasons.add(prefixed(a.reason(), prefix));
            }
          }
          case Finding.ExceptionCandidate c -> {
            if (exceptionsUsable) {
              exceptions.add(c.symbol());
              reasons.add(prefixed(c.reason(), prefix));
            }
          }
          default -> reasons.add(prefixed(f.reason(), prefix));
        }
      }
    }
    return new Determination(
        overall, List.copyOf(gas), List.copyOf(exceptions), reasons, byJurisdiction);
  }

  private static Reason prefixed(Reason r, String prefix) {
    return r.rule().startsWith(prefix)
        ? r
        : new Reason(prefix + r.rule(), r.legalBasis(), r.explanation());
  }

  static Outcome combine(List<Finding> findings) {
    boolean prohibited = false;
    boolean hard = false;
    boolean relievable = false;
    boolean authorised = false;
    for (Finding f : findings) {
      switch (f) {
        case Finding.Prohibition p -> prohibited = true;
        case Finding.Requirement q -> {
          if (q.relievable()) {
            relievable = true;
          } else {
            hard = true;
          }
        }
        case Finding.Authorisation a -> authorised = true;
        case Finding.ExceptionCandidate c -> {
          // candidates never change the outcome: their conditions are for the exporter to check
        }
        case Finding.Clearance c -> {
          // a rule that was checked and did not restrict
        }
      }
    }
    if (prohibited) {
      return Outcome.PROHIBITED;
    }
    if (hard) {
      return Outcome.LICENCE_REQUIRED;
    }
    if (relievable) {
      return authorised ? Outcome.GENERAL_AUTHORISATION : Outcome.LICENCE_REQUIRED;
    }
    return Outcome.NO_LICENCE_REQUIRED;
  }

  private Line resolve(DeterminationRequest r, Jurisdiction j, List<Reason> pre) {
    Classification c = r.classifications().get(j);
    Activity activity = r.activity();
    boolean euDestination = data.countries().isMember(r.destination(), Membership.EU);
    if (j == Jurisdiction.EU) {
      if (activity == Activity.INTRA_EU_TRANSFER && !euDestination) {
        throw new InvalidDeterminationRequest(
            "an intra-EU transfer needs an EU destination; "
                + r.destination()
                + " is not a Member State");
      }
      if (activity == Activity.EXPORT && euDestination) {
        activity = Activity.INTRA_EU_TRANSFER;
        pre.add(
            new Reason(
                "eu.intra-union",
                "Art. 2(2) and Art. 11 Regulation (EU) 2021/821",
                r.destination()
                    + " is a Member State: the movement is an intra-Union transfer, not"
                    + " an export."));
      }
    }
    boolean embargoed = data.measures().armsEmbargoed(r.destination(), r.asOf());
    if (!(c instanceof Classification.Listed listed)) {
      return new Line(r, j, activity, ItemKind.UNLISTED, null, null, null, embargoed);
    }
    ControlEntryCode code = listed.code();
    if (j == Jurisdiction.EU) {
      if (code.isMunitions()) {
        ControlListVersion v = data.euMilitaryAsOf(r.asOf());
        ControlEntry heading = v.entry(code.heading()).orElseThrow(() -> unknown(code, v, r));
        return new Line(r, j, activity, ItemKind.MILITARY, code, heading, v, embargoed);
      }
      ControlListVersion v = data.euDualUseAsOf(r.asOf());
      ControlEntry nearest = v.nearest(code);
      if (nearest == null) {
        throw unknown(code, v, r);
      }
      ControlEntry heading = v.entry(code.heading()).orElse(nearest);
      return new Line(r, j, activity, ItemKind.DUAL_USE, code, heading, v, embargoed);
    }
    ControlListVersion v = data.usCclAsOf(r.asOf());
    ControlEntry heading = v.entry(code.heading()).orElseThrow(() -> unknown(code, v, r));
    ItemKind kind = code.value().charAt(2) == '6' ? ItemKind.MILITARY : ItemKind.DUAL_USE;
    return new Line(r, j, activity, kind, code, heading, v, embargoed);
  }

  private static InvalidDeterminationRequest unknown(
      ControlEntryCode code, ControlListVersion v, DeterminationRequest r) {
    return new InvalidDeterminationRequest(
        code
            + " is not on the "
            + v.title()
            + " in force on "
            + r.asOf()
            + " (version of "
            + v.source().validFrom()
            + ")");
  }
}
