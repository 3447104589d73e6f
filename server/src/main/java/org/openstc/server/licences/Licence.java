package org.openstc.server.licences;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * An entry of the licence register with what shipments have used of it so far. {@link #problems} is
 * the rule that decides whether the licence covers a line; a licence with no problems releases the
 * line's hold.
 */
public record Licence(
    long id,
    long organisationId,
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
    BigDecimal tolerancePercent,
    boolean revoked,
    BigDecimal quantityUsed,
    BigDecimal valueUsed,
    Instant createdAt,
    String createdBy) {

  public Licence {
    items = List.copyOf(items);
    destinations = List.copyOf(destinations);
    partyIds = List.copyOf(partyIds);
  }

  /** Whether the licence is in force on the day (not revoked, within its validity). */
  public boolean validOn(LocalDate day) {
    return !revoked && !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
  }

  /** Whether it expires within the given number of days from the day (and has not expired yet). */
  public boolean expiresWithin(LocalDate day, int days) {
    return validUntil != null
        && !revoked
        && !validUntil.isBefore(day)
        && !validUntil.isAfter(day.plusDays(days));
  }

  /** Quantity still available including the tolerance, or null when unlimited. */
  public BigDecimal remainingQuantity() {
    return quantityLimit == null ? null : withTolerance(quantityLimit).subtract(quantityUsed);
  }

  /** Value still available including the tolerance, or null when unlimited. */
  public BigDecimal remainingValue() {
    return valueLimit == null ? null : withTolerance(valueLimit).subtract(valueUsed);
  }

  private BigDecimal withTolerance(BigDecimal limit) {
    return limit
        .multiply(BigDecimal.valueOf(100).add(tolerancePercent))
        .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
  }

  /** Whether one of the permitted items is the code (or its parent entry) or the part number. */
  public boolean permitsItem(Collection<String> codes, String partNumber) {
    if (items.isEmpty()) {
      return true;
    }
    for (String permitted : items) {
      String p = permitted.toUpperCase(Locale.ROOT);
      if (partNumber != null && p.equalsIgnoreCase(partNumber)) {
        return true;
      }
      for (String code : codes) {
        String c = code.toUpperCase(Locale.ROOT);
        if (c.equals(p) || c.startsWith(p + ".") || (p.length() <= 5 && c.startsWith(p))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Why the licence does not cover a line, in plain language; empty when it does. The quantity and
   * value are compared with the remaining balance (with tolerance) minus what other lines of the
   * same shipment already claim on it.
   */
  public List<String> problems(
      LocalDate day,
      Collection<String> itemCodes,
      String partNumber,
      String destination,
      Collection<Long> parties,
      BigDecimal quantity,
      BigDecimal value,
      String lineCurrency,
      BigDecimal quantityClaimed,
      BigDecimal valueClaimed) {
    List<String> out = new ArrayList<>();
    if (revoked) {
      out.add("licence " + number + " was revoked");
    } else if (day.isBefore(validFrom)) {
      out.add("licence " + number + " is valid only from " + validFrom);
    } else if (validUntil != null && day.isAfter(validUntil)) {
      out.add("licence " + number + " expired on " + validUntil);
    }
    if (!permitsItem(itemCodes, partNumber)) {
      out.add(
          "licence "
              + number
              + " does not permit "
              + (itemCodes.isEmpty() ? partNumber : String.join(", ", itemCodes))
              + " (permits "
              + String.join(", ", items)
              + ")");
    }
    if (!destinations.isEmpty() && !destinations.contains(destination)) {
      out.add(
          "licence "
              + number
              + " does not cover destination "
              + destination
              + " (covers "
              + String.join(", ", destinations)
              + ")");
    }
    if (!partyIds.isEmpty()) {
      List<Long> missing = parties.stream().filter(p -> !partyIds.contains(p)).toList();
      if (!missing.isEmpty()) {
        out.add("licence " + number + " does not name partner(s) " + missing);
      }
    }
    BigDecimal rq = remainingQuantity();
    if (rq != null && quantity.add(quantityClaimed).compareTo(rq) > 0) {
      out.add(
          "quantity "
              + quantity.stripTrailingZeros().toPlainString()
              + " is beyond the remaining balance of licence "
              + number
              + " ("
              + rq.subtract(quantityClaimed)
                  .max(BigDecimal.ZERO)
                  .stripTrailingZeros()
                  .toPlainString()
              + " left including "
              + tolerancePercent.stripTrailingZeros().toPlainString()
              + "% tolerance)");
    }
    BigDecimal rv = remainingValue();
    if (rv != null) {
      if (!currency.equals(lineCurrency)) {
        out.add(
            "licence "
                + number
                + " limits value in "
                + currency
                + " but the line is in "
                + lineCurrency);
      } else if (value.add(valueClaimed).compareTo(rv) > 0) {
        out.add(
            "value "
                + value.toPlainString()
                + " "
                + lineCurrency
                + " is beyond the remaining value of licence "
                + number
                + " ("
                + rv.subtract(valueClaimed).max(BigDecimal.ZERO).toPlainString()
                + " "
                + currency
                + " left)");
      }
    }
    return out;
  }
}
