package org.openstc.controls.determination;

import java.util.List;
import org.openstc.controls.authorisation.TransactionFact;

/**
 * The EU catch-all: an authorisation is required for unlisted items if the exporter is informed by
 * the authority (Art. 4(1)) or aware (Art. 4(2), notification) of a WMD use, a military end use in
 * an arms-embargoed country, or a cyber-surveillance use for internal repression (Art. 5); the same
 * grounds exclude the general authorisations for listed items and trigger Art. 6, 7 and 8.
 */
public record EuCatchAllPolicy() implements Policy {

  private static final String REG = EuDualUseListPolicy.REG;

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.EU;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (line.kind() == ItemKind.MILITARY || line.activity() == Activity.INTRA_EU_TRANSFER) {
      return List.of();
    }
    DeterminationRequest r = line.request();
    String how = line.informed() ? "informed by the competent authority" : "aware";
    String para = line.informed() ? "(1)" : "(2)";
    return switch (line.activity()) {
      case EXPORT -> export(line, r, how, para);
      case BROKERING -> wmdOnly(line, "Art. 6" + para, "brokering services", how);
      case TECHNICAL_ASSISTANCE -> wmdOnly(line, "Art. 8" + para, "technical assistance", how);
      case TRANSIT ->
          line.kind() == ItemKind.DUAL_USE && line.wmd()
              ? List.of(
                  new Finding.Requirement(
                      Jurisdiction.EU,
                      new Reason(
                          "eu.transit-wmd",
                          "Art. 7(1) and 7(3) " + REG,
                          "The transit of "
                              + line.item()
                              + " intended for a use in Art. 4(1)(a) may"
                              + " be prohibited by the Member State of transit, or made subject to"
                              + " authorisation."),
                      false))
              : List.of();
      case INTRA_EU_TRANSFER -> List.of();
    };
  }

  private static List<Finding> export(Line line, DeterminationRequest r, String how, String para) {
    String notify =
        line.informed()
            ? ""
            : " The exporter must notify the competent authority, which decides whether to make"
                + " the export subject to authorisation.";
    if (line.wmd()) {
      return List.of(
          requirement(
              "eu.catch-all-wmd",
              "Art. 4" + para + " " + REG + " (Art. 4(1)(a) use)",
              "The exporter is "
                  + how
                  + " that "
                  + line.item()
                  + " is or may be intended for"
                  + " chemical, biological or nuclear weapons or missiles capable of delivering"
                  + " them."
                  + notify
                  + general(line)));
    }
    if (r.endUse() == EndUse.MILITARY && line.armsEmbargoedDestination()) {
      return List.of(
          requirement(
              "eu.catch-all-military-embargo",
              "Art. 4" + para + " " + REG + " (Art. 4(1)(b) use)",
              "The exporter is "
                  + how
                  + " of a military end use in "
                  + line.destination()
                  + ", which is subject to an arms embargo."
                  + notify
                  + general(line)));
    }
    if (r.endUse() == EndUse.INTERNAL_REPRESSION
        && line.kind() == ItemKind.UNLISTED
        && r.has(TransactionFact.CYBER_SURVEILLANCE_ITEM)) {
      String p5 = line.informed() ? "(1)" : "(2)";
      return List.of(
          requirement(
              "eu.catch-all-cyber-surveillance",
              "Art. 5" + p5 + " " + REG,
              "The exporter is "
                  + how
                  + " that the cyber-surveillance item is or may be intended"
                  + " for internal repression or serious violations of human rights or"
                  + " international humanitarian law."
                  + notify));
    }
    if (line.kind() == ItemKind.UNLISTED) {
      String military =
          r.endUse() == EndUse.MILITARY
              ? " The military end use does not trigger Art. 4(1)(b) because "
                  + line.destination()
                  + " is not subject to an arms embargo."
              : "";
      return List.of(
          new Finding.Clearance(
              Jurisdiction.EU,
              new Reason(
                  "eu.not-listed",
                  "Art. 3(1) and Art. 4 " + REG,
                  "The item is not listed in Annex I and no catch-all ground (Art. 4, Art. 5) is"
                      + " known: no authorisation is required under "
                      + REG
                      + "."
                      + military)));
    }
    return List.of();
  }

  private static String general(Line line) {
    return line.kind() == ItemKind.DUAL_USE
        ? " Union general export authorisations cannot be used (Annex II, Part 3 conditions)."
        : "";
  }

  private static List<Finding> wmdOnly(Line line, String article, String what, String how) {
    if (line.kind() != ItemKind.DUAL_USE || !line.wmd()) {
      return List.of();
    }
    return List.of(
        requirement(
            "eu.catch-all-wmd",
            article + " " + REG,
            "The supplier of "
                + what
                + " is "
                + how
                + " that "
                + line.item()
                + " is or may be intended for a use in Art. 4(1)(a)."));
  }

  private static Finding requirement(String rule, String basis, String text) {
    return new Finding.Requirement(Jurisdiction.EU, new Reason(rule, basis, text), false);
  }
}
