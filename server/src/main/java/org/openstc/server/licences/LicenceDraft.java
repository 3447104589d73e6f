package org.openstc.server.licences;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openstc.server.problems.InvalidRequestException;

/**
 * A licence or general-authorisation registration as entered: number (for a general authorisation,
 * its identifier such as {@code EU001}), issuing authority, validity, the entry codes or part
 * numbers it permits (empty: any), destinations (empty: any), parties (partner ids; empty: any),
 * conditions, and quantity / value limits with the tolerance allowed over them.
 */
public record LicenceDraft(
    String number,
    LicenceKind kind,
    String authority,
    LocalDate validFrom,
    LocalDate validUntil,
    List<String> items,
    List<String> destinations,
    List<Long> partyIds,
    String conditions,
    BigDecimal quantityLimit,
    BigDecimal valueLimit,
    String currency,
    BigDecimal tolerancePercent) {

  public LicenceDraft {
    number = InvalidRequestException.requireText("number", number, 100);
    if (kind == null) {
      throw new InvalidRequestException(
          "kind: INDIVIDUAL, GLOBAL or GENERAL_AUTHORISATION is required");
    }
    authority = InvalidRequestException.requireText("authority", authority, 300);
    if (validFrom == null) {
      throw new InvalidRequestException("validFrom: required");
    }
    if (validUntil != null && validUntil.isBefore(validFrom)) {
      throw new InvalidRequestException("validUntil: before validFrom");
    }
    items = clean(items, false);
    destinations = clean(destinations, true);
    for (String d : destinations) {
      if (!d.matches("[A-Z]{2}")) {
        throw new InvalidRequestException("destinations: '" + d + "' is not a two-letter code");
      }
    }
    partyIds = partyIds == null ? List.of() : List.copyOf(partyIds);
    conditions = conditions == null || conditions.isBlank() ? null : conditions.strip();
    if (quantityLimit != null && quantityLimit.signum() <= 0) {
      throw new InvalidRequestException("quantityLimit: must be positive");
    }
    if (valueLimit != null && valueLimit.signum() <= 0) {
      throw new InvalidRequestException("valueLimit: must be positive");
    }
    currency =
        currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      throw new InvalidRequestException("currency: a three-letter ISO 4217 code");
    }
    if (valueLimit != null && currency == null) {
      throw new InvalidRequestException("currency: required with a value limit");
    }
    tolerancePercent = tolerancePercent == null ? BigDecimal.ZERO : tolerancePercent;
    if (tolerancePercent.signum() < 0 || tolerancePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidRequestException("tolerancePercent: 0 to 100");
    }
  }

  private static List<String> clean(List<String> values, boolean upper) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          out.add(upper ? v.strip().toUpperCase(Locale.ROOT) : v.strip());
        }
      }
    }
    return List.copyOf(out);
  }
}
