package org.openstc.controls.list;

import java.time.LocalDate;

/**
 * Where a control list version comes from: the legal act (e.g. "Annex I to Regulation (EU) 2021/821
 * as consolidated 2025-11-15"), the date from which it applies, and the file or URL read.
 */
public record ListSource(String legalSource, LocalDate validFrom, String origin) {

  public ListSource {
    if (legalSource == null || legalSource.isBlank()) {
      throw new IllegalArgumentException("list version without a legal source");
    }
    if (validFrom == null) {
      throw new IllegalArgumentException("list version without a date: " + legalSource);
    }
    origin = origin == null ? "" : origin;
  }
}
