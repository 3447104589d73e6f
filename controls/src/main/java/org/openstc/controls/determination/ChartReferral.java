package org.openstc.controls.determination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstc.controls.country.Countries;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.country.CountryGroups;
import org.openstc.controls.country.Membership;

/**
 * A License Requirements row whose "Country Chart" cell names destinations in words instead of a
 * column ("To or within any destination worldwide", "Country Groups D:1, D:4, and D:5 … excluding
 * A:5 or A:6", "China, Russia, or Venezuela", "Refer to § 742.15"), read into sets.
 */
record ChartReferral(
    boolean worldwide,
    Set<String> groups,
    Set<CountryCode> countries,
    Set<String> excludedGroups,
    Set<CountryCode> excludedCountries,
    String citation,
    Set<CountryCode> onlyOutside,
    boolean understood,
    boolean inert) {

  /** § 742.15(a): encryption items need a licence to all destinations except Canada. */
  static final ChartReferral ENCRYPTION =
      new ChartReferral(
          true,
          Set.of(),
          Set.of(),
          Set.of(),
          Set.of(CountryCode.of("CA")),
          "15 CFR 742.15",
          null,
          true,
          false);

  private static final Pattern GROUP = Pattern.compile("\\b([A-E])\\s*:\\s*(\\d)");
  private static final Pattern CITATION = Pattern.compile("§\\s*(7\\d\\d\\.\\d+[()a-zA-Z0-9]*)");

  /** A row that requires nothing here: "N/A", or a Part 746 pointer the measures already decide. */
  static boolean isInert(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return t.isEmpty()
        || t.startsWith("n/a")
        || (t.contains("746.") && !t.contains("country group") && !t.contains("worldwide"));
  }

  static ChartReferral parse(String reason, String text, Countries countries) {
    String t = text == null ? "" : text;
    String lower = t.toLowerCase(Locale.ROOT);
    Matcher c = CITATION.matcher(t);
    String citation = c.find() ? "15 CFR " + c.group(1) : "";
    if (isInert(t)) {
      return new ChartReferral(
          false, Set.of(), Set.of(), Set.of(), Set.of(), citation, null, true, true);
    }
    if ("EI".equals(reason) || lower.contains("742.15")) {
      return ENCRYPTION;
    }
    if (lower.contains("not party to the cwc") || lower.contains("states not party")) {
      // CW rows: licence to States not Party to the Chemical Weapons Convention (§ 742.18).
      return new ChartReferral(
          false,
          Set.of(),
          Set.of(),
          Set.of(),
          Set.of(),
          citation.isEmpty() ? "15 CFR 742.18" : citation,
          countries.members(Membership.CWC),
          true,
          false);
    }
    int cut = indexOfAny(lower, "excluding", "except");
    String include = cut < 0 ? t : t.substring(0, cut);
    String exclude = cut < 0 ? "" : t.substring(cut);
    boolean worldwide = lower.contains("worldwide") || lower.contains("all destinations");
    Set<String> groups = groups(include);
    Set<CountryCode> named = names(include, countries);
    Set<String> exGroups = groups(exclude);
    Set<CountryCode> exNamed = names(exclude, countries);
    boolean understood = worldwide || !groups.isEmpty() || !named.isEmpty();
    return new ChartReferral(
        worldwide, groups, named, exGroups, exNamed, citation, null, understood, false);
  }

  private static int indexOfAny(String s, String... words) {
    int best = -1;
    for (String w : words) {
      int i = s.indexOf(w);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  private static Set<String> groups(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = GROUP.matcher(text);
    while (m.find()) {
      out.add(m.group(1) + ":" + m.group(2));
    }
    return out;
  }

  private static Set<CountryCode> names(String text, Countries countries) {
    String norm = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9']+", " ") + " ";
    Set<CountryCode> out = new TreeSet<>();
    List<String> taken = new ArrayList<>();
    for (Map.Entry<String, CountryCode> e : countries.namesLongestFirst()) {
      String key = " " + e.getKey() + " ";
      if (norm.contains(key) && taken.stream().noneMatch(k -> k.contains(key))) {
        out.add(e.getValue());
        taken.add(key);
      }
    }
    return out;
  }

  /** Whether the destination falls under the referral. */
  boolean reaches(CountryCode destination, CountryGroups g) {
    if (onlyOutside != null) {
      return !onlyOutside.contains(destination);
    }
    if (excludedCountries.contains(destination)) {
      return false;
    }
    if (countries.contains(destination)) {
      return true; // a destination the text names outright is not undone by a group exclusion
    }
    for (String x : excludedGroups) {
      if (g != null && g.isIn(destination, x)) {
        return false;
      }
    }
    if (worldwide || countries.contains(destination)) {
      return true;
    }
    for (String x : groups) {
      if (g != null && g.isIn(destination, x)) {
        return true;
      }
    }
    return false;
  }
}
