package org.openstc.server.controls;

import java.time.LocalDate;
import java.util.Map;
import org.openstc.controls.determination.Activity;
import org.openstc.controls.determination.Classification;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.EndUse;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.determination.Jurisdiction;
import org.openstc.server.problems.InvalidRequestException;

/**
 * The fields of a determination as the CLI, the pages and the product API take them ({@code
 * --jurisdiction EU --item 2B001 --destination CN ...}), turned into the engine's request with
 * messages naming the field.
 */
public record DeterminationInput(
    String jurisdiction,
    String item,
    Map<String, String> classifications,
    String destination,
    String endUse,
    String activity,
    LocalDate asOf,
    Boolean informedByAuthority) {

  /** The engine request; bad values become an {@link InvalidRequestException} naming the field. */
  public DeterminationRequest toRequest() {
    DeterminationRequest.Builder b = DeterminationRequest.builder();
    try {
      boolean any = false;
      if (jurisdiction != null && !jurisdiction.isBlank()) {
        b.classification(jurisdiction(jurisdiction), classification("item", item));
        any = true;
      } else if (item != null && !item.isBlank()) {
        throw new InvalidRequestException("jurisdiction: EU or US is needed with item");
      }
      if (classifications != null) {
        for (Map.Entry<String, String> e : classifications.entrySet()) {
          b.classification(
              jurisdiction(e.getKey()),
              classification("classifications." + e.getKey(), e.getValue()));
          any = true;
        }
      }
      if (!any) {
        throw new InvalidRequestException(
            "jurisdiction and item (or classifications) are needed, e.g. EU and 2B001");
      }
      if (destination == null || !destination.strip().matches("[A-Za-z]{2}")) {
        throw new InvalidRequestException("destination: a two-letter ISO 3166 country code");
      }
      b.to(destination.strip().toUpperCase(java.util.Locale.ROOT));
      if (endUse != null && !endUse.isBlank()) {
        b.endUse(EndUse.parse(endUse));
      }
      if (activity != null && !activity.isBlank()) {
        b.activity(Activity.parse(activity));
      }
      if (asOf != null) {
        b.asOf(asOf);
      }
      if (Boolean.TRUE.equals(informedByAuthority)) {
        b.informedByAuthority();
      }
      return b.build();
    } catch (InvalidDeterminationRequest | IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private static Jurisdiction jurisdiction(String s) {
    try {
      return Jurisdiction.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("jurisdiction: EU or US, not '" + s + "'");
    }
  }

  private static Classification classification(String field, String value) {
    try {
      return Classification.parse(value);
    } catch (InvalidDeterminationRequest e) {
      throw new InvalidRequestException(field + ": " + e.getMessage());
    }
  }
}
