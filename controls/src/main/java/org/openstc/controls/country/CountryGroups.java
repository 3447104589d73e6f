package org.openstc.controls.country;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openstc.controls.io.EcfrXml;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import tools.jackson.databind.JsonNode;

/**
 * The EAR Country Groups (15 CFR Part 740 Supp. 1: A:1 Wassenaar … D:5 US arms embargoed, E:1
 * terrorist supporting, E:2 unilateral embargo), by group id such as {@code "D:5"}.
 */
public final class CountryGroups {

  private static final Pattern GROUP_HEADER = Pattern.compile("\\[([A-E])\\s*:?\\s*(\\d)?\\]");

  private final Map<String, Set<CountryCode>> groups;
  private final String source;
  private final List<String> unmatchedNames;

  public CountryGroups(Map<String, Set<CountryCode>> groups, String source) {
    this(groups, source, List.of());
  }

  public CountryGroups(
      Map<String, Set<CountryCode>> groups, String source, List<String> unmatchedNames) {
    this.unmatchedNames = List.copyOf(unmatchedNames);
    Map<String, Set<CountryCode>> copy = new TreeMap<>();
    groups.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
    this.groups = Collections.unmodifiableMap(copy);
    this.source = source;
  }

  public boolean isIn(CountryCode country, String group) {
    Set<CountryCode> g = groups.get(group);
    return g != null && g.contains(country);
  }

  public Set<CountryCode> members(String group) {
    return groups.getOrDefault(group, Set.of());
  }

  public Map<String, Set<CountryCode>> groups() {
    return groups;
  }

  public String source() {
    return source;
  }

  /**
   * Names in the source that matched no country (reported, not fatal: a typo must not stop a load).
   */
  public List<String> unmatchedNames() {
    return unmatchedNames;
  }

  /** Groups of both, the second overriding the first for the groups it has. */
  public CountryGroups overlaidWith(CountryGroups newer) {
    Map<String, Set<CountryCode>> m = new TreeMap<>(groups);
    m.putAll(newer.groups);
    List<String> un = new ArrayList<>(unmatchedNames);
    un.addAll(newer.unmatchedNames);
    return new CountryGroups(m, newer.source + "; other groups from " + source, un);
  }

  /** Reads {@code us-ear-country-groups-*.json} (field {@code groups}: id → country names). */
  public static CountryGroups readJson(Path file, Countries countries) {
    JsonNode root = ReferenceFiles.readJson(file);
    JsonNode g = root.get("groups");
    if (g == null || !g.isObject()) {
      throw new ReferenceDataException(file + ": 'groups' is not an object");
    }
    Map<String, Set<CountryCode>> out = new TreeMap<>();
    List<String> unmatched = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : g.properties()) {
      Set<CountryCode> set = new TreeSet<>();
      for (JsonNode n : e.getValue()) {
        String name = n.asString();
        countries
            .byName(name)
            .ifPresentOrElse(set::add, () -> unmatched.add(e.getKey() + ": " + name));
      }
      out.put(e.getKey(), set);
    }
    return new CountryGroups(
        out,
        "15 CFR Part 740 Supp. 1 (Country Groups), eCFR "
            + ReferenceFiles.text(root, "ecfrIssueDate")
            + " ("
            + file.getFileName()
            + ")",
        unmatched);
  }

  /** Reads the Country Group tables (A, B, D, E) from eCFR XML of Part 740 Supp. 1. */
  public static CountryGroups readEcfrXml(Path file, LocalDate issueDate, Countries countries) {
    List<EcfrXml.Node> nodes = EcfrXml.read(file, "Supplement No. 1 to Part 740");
    Map<String, Set<CountryCode>> out = new TreeMap<>();
    List<String> unmatched = new ArrayList<>();
    for (EcfrXml.Node n : nodes) {
      if (!(n instanceof EcfrXml.Table t) || t.header().isEmpty()) {
        continue;
      }
      List<EcfrXml.Cell> header = t.header().get(t.header().size() - 1);
      List<String> ids = new ArrayList<>();
      for (int i = 1; i < header.size(); i++) {
        Matcher m = GROUP_HEADER.matcher(header.get(i).text());
        ids.add(m.find() ? m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2)) : null);
      }
      for (List<EcfrXml.Cell> row : t.rows()) {
        if (row.size() < 2) {
          continue;
        }
        String name = row.get(0).text();
        CountryCode code = countries.byName(name).orElse(null);
        if (code == null) {
          unmatched.add("line " + t.line() + ": " + name);
          continue;
        }
        for (int i = 1; i < row.size() && i - 1 < ids.size(); i++) {
          if (ids.get(i - 1) != null && "X".equalsIgnoreCase(row.get(i).text())) {
            out.computeIfAbsent(ids.get(i - 1), k -> new TreeSet<>()).add(code);
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new ReferenceDataException(file + ": no Country Group tables found");
    }
    return new CountryGroups(
        out, "15 CFR Part 740 Supp. 1 (Country Groups), eCFR XML " + issueDate, unmatched);
  }
}
