package org.openstc.controls.country;

import com.ibm.icu.util.ULocale;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

/**
 * The countries of ISO 3166 (English names from ICU/CLDR) with their memberships and the
 * alternative names other sources use ("Burma", "Korea, South"), curated in {@code countries.json}
 * with the source and date of each membership list.
 */
public final class Countries {

  /** Where a membership list comes from and how current it is. */
  public record GroupSource(Membership group, String title, String source, String asOf) {}

  private final Map<CountryCode, Country> byCode;
  private final Map<String, CountryCode> byName;
  private final Map<Membership, GroupSource> sources;
  private final Map<String, String> regions;

  private Countries(
      Map<CountryCode, Country> byCode,
      Map<String, CountryCode> byName,
      Map<Membership, GroupSource> sources,
      Map<String, String> regions) {
    this.byCode = byCode;
    this.byName = byName;
    this.sources = sources;
    this.regions = regions;
  }

  /** The bundled, curated country data. */
  public static Countries bundled() {
    return read(
        ReferenceFiles.readResource("/org/openstc/controls/countries.json"), "countries.json");
  }

  /** Reads a countries file in the {@code openstc-country-memberships/1} format. */
  public static Countries read(JsonNode root, String name) {
    Map<CountryCode, EnumSet<Membership>> memberships = new TreeMap<>();
    for (String iso : ULocale.getISOCountries()) {
      memberships.put(CountryCode.of(iso), EnumSet.noneOf(Membership.class));
    }
    memberships.put(CountryCode.of("XK"), EnumSet.noneOf(Membership.class));
    Map<Membership, GroupSource> sources = new EnumMap<>(Membership.class);
    JsonNode groups = root.get("groups");
    if (groups == null || !groups.isObject()) {
      throw new ReferenceDataException(name + ": 'groups' is not an object");
    }
    for (Map.Entry<String, JsonNode> g : groups.properties()) {
      Membership m;
      try {
        m = Membership.valueOf(g.getKey());
      } catch (IllegalArgumentException e) {
        throw new ReferenceDataException(name + ": unknown group " + g.getKey(), e);
      }
      String where = name + ": groups." + g.getKey();
      sources.put(
          m,
          new GroupSource(
              m,
              ReferenceFiles.text(g.getValue(), "title"),
              ReferenceFiles.required(g.getValue(), "source", where),
              ReferenceFiles.required(g.getValue(), "as_of", where)));
      JsonNode members = g.getValue().get("members");
      if (members == null || !members.isArray()) {
        throw new ReferenceDataException(where + ": 'members' is not an array");
      }
      for (JsonNode c : members) {
        CountryCode code;
        try {
          code = CountryCode.of(c.asString());
        } catch (IllegalArgumentException e) {
          throw new ReferenceDataException(where + ": " + e.getMessage(), e);
        }
        EnumSet<Membership> set = memberships.get(code);
        if (set == null) {
          throw new ReferenceDataException(where + ": " + code + " is not an ISO 3166 country");
        }
        set.add(m);
      }
    }
    Map<CountryCode, Country> byCode = new LinkedHashMap<>();
    Map<String, CountryCode> byName = new HashMap<>();
    memberships.forEach((code, set) -> {
      String display = new ULocale("", code.value()).getDisplayCountry(ULocale.ENGLISH);
      byCode.put(code, new Country(code, display, set));
      byName.putIfAbsent(normalise(display), code);
      byName.putIfAbsent(normalise(code.value()), code);
    });
    JsonNode aliases = root.get("aliases");
    if (aliases != null && aliases.isObject()) {
      for (Map.Entry<String, JsonNode> a : aliases.properties()) {
        CountryCode code = CountryCode.of(a.getValue().asString());
        if (!byCode.containsKey(code)) {
          throw new ReferenceDataException(
              name + ": alias " + a.getKey() + " names unknown " + code);
        }
        byName.put(normalise(a.getKey()), code);
      }
    }
    Map<String, String> regions = new LinkedHashMap<>();
    JsonNode r = root.get("regions");
    if (r != null && r.isObject()) {
      for (Map.Entry<String, JsonNode> e : r.properties()) {
        regions.put(e.getKey(), e.getValue().asString());
      }
    }
    return new Countries(
        Collections.unmodifiableMap(byCode),
        Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(sources),
        Collections.unmodifiableMap(regions));
  }

  static String normalise(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s =
        s.toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replace('’', '\'')
            .replaceAll("[^a-z0-9']+", " ")
            .strip();
    return s.replaceAll("^st ", "saint ");
  }

  public Optional<Country> get(CountryCode code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The country, or an error naming the unknown code. */
  public Country require(CountryCode code) {
    Country c = byCode.get(code);
    if (c == null) {
      throw new IllegalArgumentException("unknown country code " + code);
    }
    return c;
  }

  /** Finds a country by any of its names (ICU English name, EAR name, curated alias). */
  public Optional<CountryCode> byName(String name) {
    return Optional.ofNullable(byName.get(normalise(name)));
  }

  public boolean isMember(CountryCode code, Membership m) {
    Country c = byCode.get(code);
    return c != null && c.isMemberOf(m);
  }

  public Set<CountryCode> members(Membership m) {
    Set<CountryCode> out = new java.util.TreeSet<>();
    byCode.values().stream().filter(c -> c.isMemberOf(m)).forEach(c -> out.add(c.code()));
    return out;
  }

  public Collection<Country> all() {
    return byCode.values();
  }

  public Map<Membership, GroupSource> sources() {
    return sources;
  }

  /** The sub-national regions (ISO 3166-2) some measures target, with their names. */
  public Map<String, String> regions() {
    return regions;
  }

  /** Names known for matching, longest first, for scanning legal text for country names. */
  public List<Map.Entry<String, CountryCode>> namesLongestFirst() {
    return byName.entrySet().stream()
        .filter(e -> e.getKey().length() > 3)
        .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
        .toList();
  }
}
