package org.openstc.controls.determination;

import java.util.List;
import java.util.Optional;

/**
 * The EU dual-use list: export of an Annex I item needs an authorisation (Art. 3(1)); intra-Union
 * transfer only for Annex IV items (Art. 11(1)); brokering (Art. 6), technical assistance (Art. 8)
 * and transit (Art. 7) only on the WMD grounds the catch-all policy handles.
 */
public record EuDualUseListPolicy() implements Policy {

  static final String REG = "Regulation (EU) 2021/821";

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.EU;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (line.kind() != ItemKind.DUAL_USE) {
      return List.of();
    }
    String item = line.item();
    String version = line.list().source().validFrom().toString();
    return switch (line.activity()) {
      case EXPORT ->
          List.of(
              new Finding.Requirement(
                  Jurisdiction.EU,
                  new Reason(
                      "eu.annex-i-listed",
                      "Art. 3(1) " + REG,
                      item
                          + " is listed in Annex I ("
                          + line.heading().regime().title()
                          + "; list version of "
                          + version
                          + "): export to "
                          + line.destination()
                          + " requires an authorisation."),
                  true));
      case INTRA_EU_TRANSFER -> {
        Optional<String> part = data.generalAuthorisations().annexIvPart(line.code());
        yield part.<List<Finding>>map(p ->
                List.of(
                    new Finding.Requirement(
                        Jurisdiction.EU,
                        new Reason(
                            "eu.annex-iv-transfer",
                            "Art. 11(1) " + REG,
                            item
                                + " is listed in Annex IV ("
                                + p
                                + "): an intra-Union transfer to "
                                + line.destination()
                                + " requires an authorisation."),
                        false)))
            .orElseGet(() ->
                List.of(
                    new Finding.Clearance(
                        Jurisdiction.EU,
                        new Reason(
                            "eu.intra-union-transfer-free",
                            "Art. 11(1) " + REG,
                            item
                                + " is in Annex I but not in Annex IV: no authorisation for an"
                                + " intra-Union transfer (a Member State may impose one under"
                                + " Art. 11(2), and Art. 11(4) applies if the final destination"
                                + " is outside the Union)."))));
      }
      case BROKERING ->
          List.of(
              clearance(
                  "eu.brokering",
                  "Art. 6(1) " + REG,
                  "Brokering services for "
                      + item
                      + " need an authorisation only if the broker is"
                      + " informed by the competent authority, or aware, that the items are for a"
                      + " use in Art. 4(1)(a); Member States may extend this (Art. 6(3))."));
      case TECHNICAL_ASSISTANCE ->
          List.of(
              clearance(
                  "eu.technical-assistance",
                  "Art. 8(1) " + REG,
                  "Technical assistance related to "
                      + item
                      + " needs an authorisation only if the"
                      + " supplier is informed, or aware, that the items are for a use in Art."
                      + " 4(1)(a); Member States may extend this (Art. 8(4))."));
      case TRANSIT ->
          List.of(
              clearance(
                  "eu.transit",
                  "Art. 7(1) " + REG,
                  "Transit of non-Union "
                      + item
                      + " items may be prohibited by the authority of the"
                      + " Member State of transit if they are intended for a use in Art. 4(1)(a);"
                      + " Member States may require an authorisation (Art. 7(3))."));
    };
  }

  private static Finding clearance(String rule, String basis, String text) {
    return new Finding.Clearance(Jurisdiction.EU, new Reason(rule, basis, text));
  }
}
