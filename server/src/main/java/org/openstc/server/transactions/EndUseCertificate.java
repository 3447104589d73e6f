package org.openstc.server.transactions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The end user's signed statement (EUC): end user and address, country of final destination, items
 * and quantities, end use, the undertaking not to re-export without consent, signatory and date,
 * and for a government end user the authentication. {@link #missing} names the fields still empty.
 */
public record EndUseCertificate(
    String endUser,
    String address,
    String country,
    String items,
    String endUse,
    Boolean noReexportUndertaking,
    String signatory,
    LocalDate signedOn,
    Boolean governmentEndUser,
    Boolean authenticated) {

  public static final EndUseCertificate EMPTY =
      new EndUseCertificate(null, null, null, null, null, false, null, null, false, false);

  public EndUseCertificate {
    endUser = blankToNull(endUser);
    address = blankToNull(address);
    country = blankToNull(country);
    country = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
    items = blankToNull(items);
    endUse = blankToNull(endUse);
    signatory = blankToNull(signatory);
    noReexportUndertaking = Boolean.TRUE.equals(noReexportUndertaking);
    governmentEndUser = Boolean.TRUE.equals(governmentEndUser);
    authenticated = Boolean.TRUE.equals(authenticated);
  }

  /** The names of the fields a complete certificate needs and this one lacks. */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (endUser == null) {
      out.add("end user");
    }
    if (address == null) {
      out.add("end user's address");
    }
    if (country == null) {
      out.add("country of final destination");
    }
    if (items == null) {
      out.add("items and quantities");
    }
    if (endUse == null) {
      out.add("end use");
    }
    if (!noReexportUndertaking) {
      out.add("undertaking not to re-export without consent");
    }
    if (signatory == null) {
      out.add("signatory");
    }
    if (signedOn == null) {
      out.add("date of signature");
    }
    if (governmentEndUser && !authenticated) {
      out.add("authentication by the government of the end user");
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
