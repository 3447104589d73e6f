package org.openstc.controls.determination;

import java.util.Locale;
import org.openstc.controls.list.ControlEntryCode;

/** How an item is classified in one jurisdiction: a list entry, not listed, or EAR99. */
public sealed interface Classification {

  /** Classified under a list entry (Annex I code, ML heading, ECCN, with paragraph if known). */
  record Listed(ControlEntryCode code) implements Classification {
    public Listed {
      if (code == null) {
        throw new IllegalArgumentException("listed classification needs a code");
      }
    }

    @Override
    public String label() {
      return code.value();
    }
  }

  /** Not on the jurisdiction's lists. */
  record NotListed() implements Classification {
    @Override
    public String label() {
      return "NOT_LISTED";
    }
  }

  /** Subject to the EAR but not on the Commerce Control List. */
  record Ear99() implements Classification {
    @Override
    public String label() {
      return "EAR99";
    }
  }

  String label();

  /** Parses {@code CODE}, {@code NOT_LISTED} or {@code EAR99}. */
  static Classification parse(String s) {
    if (s == null || s.isBlank()) {
      throw new InvalidDeterminationRequest("item classification is missing");
    }
    String t = s.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (t.equals("NOT_LISTED") || t.equals("NLR") || t.equals("UNLISTED")) {
      return new NotListed();
    }
    if (t.equals("EAR99")) {
      return new Ear99();
    }
    try {
      return new Listed(ControlEntryCode.of(s));
    } catch (IllegalArgumentException e) {
      throw new InvalidDeterminationRequest(e.getMessage());
    }
  }
}
