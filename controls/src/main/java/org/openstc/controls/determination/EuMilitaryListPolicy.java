package org.openstc.controls.determination;

import java.util.List;

/**
 * Items on the EU Common Military List: Member States license their export (Council Common Position
 * 2008/944/CFSP), their intra-EU transfer (Directive 2009/43/EC), arms brokering (Common Position
 * 2003/468/CFSP) and transit under national law (ATT Art. 9).
 */
public record EuMilitaryListPolicy() implements Policy {

  @Override
  public boolean appliesTo(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.EU;
  }

  @Override
  public List<Finding> evaluate(Line line, DeterminationData data) {
    if (line.kind() != ItemKind.MILITARY) {
      return List.of();
    }
    String item = line.item();
    Reason reason =
        switch (line.activity()) {
          case EXPORT ->
              new Reason(
                  "eu.military-list",
                  "Art. 1 Council Common Position 2008/944/CFSP and the national military export law",
                  item
                      + " is on the EU Common Military List: the export to "
                      + line.destination()
                      + " needs an individual or global licence, assessed against the eight criteria"
                      + " (Art. 2).");
          case INTRA_EU_TRANSFER ->
              new Reason(
                  "eu.defence-transfer",
                  "Art. 4(1) Directive 2009/43/EC",
                  item
                      + " is a defence-related product: the transfer to "
                      + line.destination()
                      + " needs a general, global or individual transfer licence.");
          case BROKERING ->
              new Reason(
                  "eu.arms-brokering",
                  "Art. 3 Council Common Position 2003/468/CFSP and the national law",
                  "Brokering activities for "
                      + item
                      + " need a licence from the Member State where"
                      + " the broker is resident or established.");
          case TECHNICAL_ASSISTANCE ->
              new Reason(
                  "eu.military-technical-assistance",
                  "National law on military technical assistance (Council Common Position"
                      + " 2008/944/CFSP covers intangible transfers of ML22 technology)",
                  "Technical assistance related to " + item + " is licensed nationally.");
          case TRANSIT ->
              new Reason(
                  "eu.military-transit",
                  "Art. 9 Arms Trade Treaty and the national transit controls",
                  "Transit of " + item + " is regulated by the Member State of transit.");
        };
    return List.of(new Finding.Requirement(Jurisdiction.EU, reason, false));
  }
}
