package org.openstc.controls.authorisation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

/** The EAR licence exceptions of 15 CFR Part 740 by symbol (LVS, GBS, TSR, ENC, STA …). */
public final class LicenceExceptionCatalog {

  /** One licence exception: its symbol, the section of Part 740 and its title. */
  public record LicenceException(String symbol, String section, String title) {}

  private final Map<String, LicenceException> bySymbol;

  public LicenceExceptionCatalog(Map<String, LicenceException> bySymbol) {
    this.bySymbol = Map.copyOf(bySymbol);
  }

  /** Reads {@code us-ear-license-exception-catalog-*.json}. */
  public static LicenceExceptionCatalog readJson(Path file) {
    JsonNode root = ReferenceFiles.readJson(file);
    JsonNode arr = root.get("exceptions");
    if (arr == null || !arr.isArray()) {
      throw new ReferenceDataException(file + ": 'exceptions' is not an array");
    }
    Map<String, LicenceException> out = new LinkedHashMap<>();
    for (JsonNode e : arr) {
      String section = ReferenceFiles.required(e, "section", file + ": exceptions");
      for (JsonNode s : e.path("symbols")) {
        out.put(
            s.asString(),
            new LicenceException(s.asString(), section, ReferenceFiles.text(e, "title")));
      }
    }
    return new LicenceExceptionCatalog(out);
  }

  /** The core list-based exceptions, for when the catalogue file is not loaded. */
  public static LicenceExceptionCatalog minimal() {
    Map<String, LicenceException> m = new LinkedHashMap<>();
    m.put(
        "LVS",
        new LicenceException("LVS", "15 C.F.R. § 740.3", "Shipments of limited value (LVS)"));
    m.put(
        "GBS",
        new LicenceException(
            "GBS", "15 C.F.R. § 740.4", "Shipments to Country Group B countries (GBS)"));
    m.put(
        "TSR",
        new LicenceException(
            "TSR", "15 C.F.R. § 740.6", "Technology and software under restriction (TSR)"));
    m.put(
        "ENC",
        new LicenceException(
            "ENC", "15 C.F.R. § 740.17", "Encryption commodities, software, and technology (ENC)"));
    m.put(
        "STA",
        new LicenceException("STA", "15 C.F.R. § 740.20", "Strategic Trade Authorization (STA)"));
    return new LicenceExceptionCatalog(m);
  }

  public Optional<LicenceException> get(String symbol) {
    return Optional.ofNullable(bySymbol.get(symbol));
  }

  public Map<String, LicenceException> all() {
    return bySymbol;
  }
}
