package org.openstc.server.transactions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openstc.server.problems.InvalidRequestException;

/**
 * A transaction as entered in a form or sent by an ERP: reference, kind, destination and route,
 * stated end use, lines, parties by role, the red-flag answers and the end-user certificate. The
 * constructor checks the shape and names the field at fault; products, partners and countries are
 * looked up when the transaction is resolved.
 */
public record TransactionDraft(
    String reference,
    TransactionKind kind,
    String destination,
    List<String> transit,
    String endUse,
    String endUseStatement,
    List<LineDraft> lines,
    List<PartyDraft> parties,
    Map<RedFlag, Boolean> redFlags,
    EndUseCertificate euc) {

  /** One line: a product (by id or part number), quantity, value of the line and its currency. */
  public record LineDraft(
      Long productId, String partNumber, BigDecimal quantity, BigDecimal value, String currency) {}

  /** A partner (by id or reference) in a role. */
  public record PartyDraft(TransactionRole role, Long partnerId, String partnerReference) {}

  public TransactionDraft {
    if (reference == null || reference.isBlank()) {
      throw new InvalidRequestException("reference: required (your order or shipment number)");
    }
    reference = reference.strip();
    if (reference.length() > 100) {
      throw new InvalidRequestException("reference: at most 100 characters");
    }
    kind = kind == null ? TransactionKind.EXPORT : kind;
    if (destination == null || !destination.strip().matches("[A-Za-z]{2}")) {
      throw new InvalidRequestException("destination: a two-letter ISO 3166 country code");
    }
    destination = destination.strip().toUpperCase(Locale.ROOT);
    List<String> route = new ArrayList<>();
    if (transit != null) {
      for (int i = 0; i < transit.size(); i++) {
        String t = transit.get(i);
        if (t == null || t.isBlank()) {
          continue;
        }
        if (!t.strip().matches("[A-Za-z]{2}")) {
          throw new InvalidRequestException(
              "transit[" + i + "]: '" + t + "' is not a two-letter ISO 3166 country code");
        }
        route.add(t.strip().toUpperCase(Locale.ROOT));
      }
    }
    transit = List.copyOf(route);
    endUse =
        endUse == null || endUse.isBlank()
            ? "CIVIL"
            : endUse.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (!List.of("CIVIL", "MILITARY", "WMD", "INTERNAL_REPRESSION").contains(endUse)) {
      throw new InvalidRequestException(
          "endUse: civil, military, wmd or internal-repression, not '" + endUse + "'");
    }
    endUseStatement =
        endUseStatement == null || endUseStatement.isBlank() ? null : endUseStatement.strip();
    if (lines == null || lines.isEmpty()) {
      throw new InvalidRequestException("lines: at least one line is required");
    }
    if (lines.size() > 500) {
      throw new InvalidRequestException("lines: at most 500 lines");
    }
    String currency = null;
    for (int i = 0; i < lines.size(); i++) {
      LineDraft l = lines.get(i);
      String at = "lines[" + i + "]";
      if (l == null) {
        throw new InvalidRequestException(at + ": empty line");
      }
      if (l.productId() == null && (l.partNumber() == null || l.partNumber().isBlank())) {
        throw new InvalidRequestException(
            at + ".productId: a product id or partNumber is required");
      }
      if (l.quantity() == null || l.quantity().signum() <= 0) {
        throw new InvalidRequestException(at + ".quantity: a positive number is required");
      }
      if (l.value() == null || l.value().signum() < 0) {
        throw new InvalidRequestException(at + ".value: a number of zero or more is required");
      }
      if (l.currency() == null || !l.currency().strip().matches("[A-Za-z]{3}")) {
        throw new InvalidRequestException(at + ".currency: a three-letter ISO 4217 code");
      }
      String c = l.currency().strip().toUpperCase(Locale.ROOT);
      if (currency == null) {
        currency = c;
      } else if (!currency.equals(c)) {
        throw new InvalidRequestException(
            at
                + ".currency: "
                + c
                + " differs from "
                + currency
                + " of lines[0]; one transaction has one currency");
      }
    }
    lines = List.copyOf(lines);
    if (parties == null || parties.isEmpty()) {
      throw new InvalidRequestException("parties: at least the end user is required");
    }
    for (int i = 0; i < parties.size(); i++) {
      PartyDraft p = parties.get(i);
      if (p == null || p.role() == null) {
        throw new InvalidRequestException(
            "parties[" + i + "].role: BUYER, CONSIGNEE, END_USER, ... is required");
      }
      if (p.partnerId() == null
          && (p.partnerReference() == null || p.partnerReference().isBlank())) {
        throw new InvalidRequestException(
            "parties[" + i + "].partnerId: a partner id or partnerReference is required");
      }
    }
    parties = List.copyOf(parties);
    boolean endUser = parties.stream().anyMatch(p -> p.role() == TransactionRole.END_USER);
    if (!endUser) {
      throw new InvalidRequestException("parties: an END_USER is required");
    }
    if (kind == TransactionKind.EXPORT
        && parties.stream().noneMatch(p -> p.role() == TransactionRole.CONSIGNEE)) {
      throw new InvalidRequestException("parties: an export needs a CONSIGNEE");
    }
    Map<RedFlag, Boolean> flags = new EnumMap<>(RedFlag.class);
    if (redFlags != null) {
      redFlags.forEach((k, v) -> {
        if (k != null && v != null) {
          flags.put(k, v);
        }
      });
    }
    redFlags = Map.copyOf(flags);
    euc = euc == null ? EndUseCertificate.EMPTY : euc;
  }

  /** The currency of the transaction (all lines share it). */
  public String currency() {
    return lines.getFirst().currency().strip().toUpperCase(Locale.ROOT);
  }
}
