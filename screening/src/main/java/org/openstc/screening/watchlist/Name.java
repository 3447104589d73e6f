package org.openstc.screening.watchlist;

import java.util.Objects;

/**
 * One name of a listed entity as the list prints it, with its strength and role.
 *
 * @param full the whole name as written on the list
 * @param strength weak names (low-quality aliases) should only match exactly
 * @param kind primary name, alias, former name or name in the original script
 * @param script ISO 15924 code of the script (e.g. "Arab", "Cyrl") or {@code null}
 * @param language language code or name as given by the list, or {@code null}
 * @param parts name parts where the list gives them, {@link NameParts#NONE} otherwise
 */
public record Name(
    String full,
    NameStrength strength,
    NameKind kind,
    String script,
    String language,
    NameParts parts) {

  public Name {
    full = Text.clean(full);
    if (full == null) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Objects.requireNonNull(strength, "strength");
    Objects.requireNonNull(kind, "kind");
    script = Text.clean(script);
    language = Text.clean(language);
    parts = parts == null ? NameParts.NONE : parts;
  }

  public static Name primary(String full) {
    return new Name(full, NameStrength.STRONG, NameKind.PRIMARY, null, null, NameParts.NONE);
  }

  public static Name alias(String full, NameStrength strength) {
    return new Name(full, strength, NameKind.ALIAS, null, null, NameParts.NONE);
  }

  public static Name formerly(String full) {
    return new Name(
        full, NameStrength.STRONG, NameKind.FORMERLY_KNOWN_AS, null, null, NameParts.NONE);
  }

  public static Name originalScript(String full, String language) {
    return new Name(
        full,
        NameStrength.STRONG,
        NameKind.ORIGINAL_SCRIPT,
        Scripts.detect(full),
        language,
        NameParts.NONE);
  }

  public Name withParts(NameParts newParts) {
    return new Name(full, strength, kind, script, language, newParts);
  }

  public Name withKind(NameKind newKind) {
    return new Name(full, strength, newKind, script, language, parts);
  }

  public Name withStrength(NameStrength newStrength) {
    return new Name(full, newStrength, kind, script, language, parts);
  }

  public Name withLanguage(String newLanguage) {
    return new Name(full, strength, kind, script, newLanguage, parts);
  }

  public boolean isWeak() {
    return strength == NameStrength.WEAK;
  }
}
