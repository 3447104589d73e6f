package org.openstc.screening.watchlist;

import java.util.Locale;

/** The kind of an identifying number; the list's own label is kept on {@link Identifier}. */
public enum IdentifierType {
  PASSPORT,
  NATIONAL_ID,
  TAX_ID,
  IMO,
  MMSI,
  CALL_SIGN,
  LEI,
  SWIFT_BIC,
  CRYPTO_ADDRESS,
  REGISTRATION,
  OTHER;

  /** Classifies a list's label ("Passport", "Cedula No.", "Digital Currency Address - XBT" ...). */
  public static IdentifierType classify(String label) {
    if (label == null) {
      return OTHER;
    }
    IdentifierType cached = CACHE.get(label);
    if (cached != null) {
      return cached;
    }
    IdentifierType type = classifyUncached(label);
    if (CACHE.size() < 10_000) {
      CACHE.put(label, type);
    }
    return type;
  }

  // Lists reuse a few hundred labels; classifying each once keeps imports fast.
  private static final java.util.Map<String, IdentifierType> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.regex.Pattern NON_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  private static IdentifierType classifyUncached(String label) {
    // Dots dropped first so that "R.F.C." reads as "rfc" and "C.U.R.P." as "curp".
    String l =
        " "
            + NON_WORD.matcher(label.toLowerCase(Locale.ROOT).replace(".", "")).replaceAll(" ")
            + " ";
    if (has(l, "passport")) {
      return PASSPORT;
    }
    if (has(l, "imo", "vessel registration identification")) {
      return IMO;
    }
    if (has(l, "mmsi")) {
      return MMSI;
    }
    if (has(l, "call sign", "callsign")) {
      return CALL_SIGN;
    }
    if (has(l, "lei", "legal entity number", "legal entity identifier")) {
      return LEI;
    }
    if (has(l, "swift", "bic", "swift bic")) {
      return SWIFT_BIC;
    }
    if (l.contains("digital currency") || l.contains("crypto") || has(l, "wallet")) {
      return CRYPTO_ADDRESS;
    }
    if (l.contains("tax")
        || has(
            l, "vat", "rfc", "nit", "inn", "ruc", "cuit", "ein", "tin", "kpp", "fein", "rif", "rtn")
        || l.contains("fiscal")) {
      return TAX_ID;
    }
    if (l.contains("registration")
        || l.contains("register")
        || l.contains("company number")
        || l.contains("mercantil")
        || l.contains("chamber of comm")
        || l.contains("trade license")
        || l.contains("incorporation")
        || l.contains("enterprise number")
        || l.contains("social credit code")
        || has(l, "uscc", "d u n s", "duns", "cr no")
        || has(l, "ogrn", "business number", "commercial registry", "kvk", "cr")) {
      return REGISTRATION;
    }
    if (l.contains("national")
        || l.contains("cedula")
        || l.contains("cédula")
        || l.contains("identity")
        || l.contains("identification")
        || l.contains("id card")
        || l.contains("identidad")
        || l.contains("citizen")
        || l.contains("residency")
        || l.contains("electoral")
        || has(
            l, "personal id", "dni", "curp", "ssn", "nic", "id no", "id number", "id", "cui", "ife")
        || l.contains("social security")) {
      return NATIONAL_ID;
    }
    return OTHER;
  }

  private static boolean has(String padded, String... words) {
    for (String word : words) {
      if (padded.contains(" " + word + " ")) {
        return true;
      }
    }
    return false;
  }
}
