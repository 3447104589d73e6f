package org.openstc.controls.authorisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.controls.list.ControlEntryCode;
import tools.jackson.databind.JsonNode;

/**
 * The Union general export authorisations EU001–EU008 with Annex II Section I and Annex IV, from
 * the curated {@code general-authorisations-eu.json}; the verbatim Annex II text is attached from
 * the shared Annex I file when it is loaded.
 */
public final class GeneralAuthorisations {

  public static final String FORMAT = "openstc-general-authorisations/1";

  private final Map<String, GeneralAuthorisation> byId;
  private final List<GeneralAuthorisation> all;
  private final Map<ControlEntryCode, List<ControlEntryCode>> sectionIByHeading;
  private final Map<String, Map<ControlEntryCode, List<ControlEntryCode>>> coveredByHeading =
      new java.util.HashMap<>();
  private final Map<String, Map<ControlEntryCode, List<ControlEntryCode>>> excludedByHeading =
      new java.util.HashMap<>();
  private final List<ControlEntryCode> sectionI;
  private final List<ControlEntryCode> annexIvPartI;
  private final List<ControlEntryCode> annexIvPartII;
  private final String legalSource;

  private GeneralAuthorisations(
      Map<String, GeneralAuthorisation> byId,
      List<ControlEntryCode> sectionI,
      List<ControlEntryCode> annexIvPartI,
      List<ControlEntryCode> annexIvPartII,
      String legalSource) {
    this.byId = byId;
    this.all = List.copyOf(byId.values());
    Map<ControlEntryCode, List<ControlEntryCode>> index = new java.util.HashMap<>();
    for (ControlEntryCode c : sectionI) {
      index.computeIfAbsent(c.heading(), k -> new ArrayList<>()).add(c);
    }
    this.sectionIByHeading = index;
    for (GeneralAuthorisation ga : all) {
      coveredByHeading.put(ga.id(), byHeading(ga.coveredItems()));
      excludedByHeading.put(ga.id(), byHeading(ga.excludedItems()));
    }
    this.sectionI = List.copyOf(sectionI);
    this.annexIvPartI = List.copyOf(annexIvPartI);
    this.annexIvPartII = List.copyOf(annexIvPartII);
    this.legalSource = legalSource;
  }

  public static GeneralAuthorisations bundled() {
    String r = "/org/openstc/controls/general-authorisations-eu.json";
    return read(ReferenceFiles.readResource(r), r);
  }

  public static GeneralAuthorisations read(JsonNode root, String name) {
    if (!FORMAT.equals(ReferenceFiles.text(root, "format"))) {
      throw new ReferenceDataException(name + ": 'format' must be \"" + FORMAT + "\"");
    }
    List<ControlEntryCode> annexIvI = codes(root.path("annex_iv").get("part_i"), name);
    List<ControlEntryCode> annexIvII = codes(root.path("annex_iv").get("part_ii"), name);
    List<ControlEntryCode> sectionI =
        new ArrayList<>(codes(root.path("section_i").get("items"), name));
    sectionI.addAll(annexIvI);
    sectionI.addAll(annexIvII);
    Map<String, GeneralAuthorisation> byId = new LinkedHashMap<>();
    String legal = ReferenceFiles.required(root, "legal_source", name);
    JsonNode arr = root.get("authorisations");
    if (arr == null || !arr.isArray()) {
      throw new ReferenceDataException(name + ": 'authorisations' is not an array");
    }
    for (JsonNode a : arr) {
      String id = ReferenceFiles.required(a, "id", name + ": authorisations");
      String where = name + ": " + id;
      Set<CountryCode> dest = new TreeSet<>();
      for (JsonNode c : a.path("destinations")) {
        try {
          dest.add(CountryCode.of(c.asString()));
        } catch (IllegalArgumentException e) {
          throw new ReferenceDataException(where + ": " + e.getMessage(), e);
        }
      }
      String fact = ReferenceFiles.text(a, "required_fact");
      GeneralAuthorisation ga;
      try {
        ga =
            new GeneralAuthorisation(
                id,
                ReferenceFiles.text(a, "title"),
                "Art. 12(1)(d) and Annex II Regulation (EU) 2021/821 — Union general export authorisation "
                    + id,
                dest,
                a.path("destinations_are_excluded").asBoolean(false),
                codes(a.get("covered_items"), where),
                codes(a.get("excluded_items"), where),
                a.path("excludes_section_i").asBoolean(false),
                ReferenceFiles.text(a, "excluded_product_groups"),
                ReferenceFiles.text(a, "only_product_groups"),
                fact == null ? null : TransactionFact.valueOf(fact),
                a.path("excludes_government_security_end_users").asBoolean(false),
                a.path("excludes_arms_embargoed_destinations").asBoolean(false),
                ReferenceFiles.text(a, "conditions"),
                null);
      } catch (IllegalArgumentException e) {
        throw new ReferenceDataException(where + ": " + e.getMessage(), e);
      }
      byId.put(id, ga);
    }
    return new GeneralAuthorisations(byId, sectionI, annexIvI, annexIvII, legal);
  }

  private static List<ControlEntryCode> codes(JsonNode arr, String where) {
    List<ControlEntryCode> out = new ArrayList<>();
    if (arr == null || arr.isNull() || arr.isMissingNode()) {
      return out;
    }
    for (JsonNode c : arr) {
      try {
        out.add(ControlEntryCode.of(c.asString()));
      } catch (IllegalArgumentException e) {
        throw new ReferenceDataException(where + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** A copy with the verbatim Annex II texts attached (keyed by id, e.g. from the Annex I file). */
  public GeneralAuthorisations withTexts(Map<String, String> texts) {
    Map<String, GeneralAuthorisation> m = new LinkedHashMap<>();
    byId.forEach(
        (id, ga) -> m.put(id, texts.containsKey(id) ? ga.withVerbatimText(texts.get(id)) : ga));
    return new GeneralAuthorisations(m, sectionI, annexIvPartI, annexIvPartII, legalSource);
  }

  public List<GeneralAuthorisation> all() {
    return all;
  }

  public Optional<GeneralAuthorisation> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Annex II Section I: items no EU001/EU003/EU004/EU007 may cover (includes Annex IV). */
  public List<ControlEntryCode> sectionI() {
    return sectionI;
  }

  /**
   * Whether Annex II Section I reaches the item: an entry encloses it, or the item is broader than
   * an entry (a heading-level classification cannot show it is outside). Indexed by heading.
   */
  public boolean inSectionI(ControlEntryCode item) {
    List<ControlEntryCode> same = sectionIByHeading.get(item.heading());
    return same != null && GeneralAuthorisation.enclosedOrOverlapping(item, same);
  }

  private static Map<ControlEntryCode, List<ControlEntryCode>> byHeading(
      List<ControlEntryCode> codes) {
    Map<ControlEntryCode, List<ControlEntryCode>> m = new java.util.HashMap<>();
    for (ControlEntryCode c : codes) {
      m.computeIfAbsent(c.heading(), k -> new ArrayList<>()).add(c);
    }
    return m;
  }

  /**
   * Whether Part 1 of the authorisation covers the item, as {@link
   * GeneralAuthorisation#coversItem(ControlEntryCode, boolean)} but looking codes up by heading
   * (the determination hot path).
   */
  public boolean covers(GeneralAuthorisation ga, ControlEntryCode item, boolean inSectionI) {
    char group = item.productGroup();
    if (!ga.onlyProductGroups().isEmpty() && ga.onlyProductGroups().indexOf(group) < 0) {
      return false;
    }
    if (group != 0 && ga.excludedProductGroups().indexOf(group) >= 0) {
      return false;
    }
    if (ga.excludesSectionI() && inSectionI) {
      return false;
    }
    ControlEntryCode heading = item.heading();
    List<ControlEntryCode> excluded = excludedByHeading.get(ga.id()).get(heading);
    if (excluded != null && GeneralAuthorisation.enclosedOrOverlapping(item, excluded)) {
      return false;
    }
    if (ga.coveredItems().isEmpty()) {
      return true;
    }
    List<ControlEntryCode> covered = coveredByHeading.get(ga.id()).get(heading);
    if (covered != null) {
      for (ControlEntryCode c : covered) {
        if (c.covers(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the item is in Annex IV (intra-Union transfer needs an authorisation, Art. 11(1)). */
  public Optional<String> annexIvPart(ControlEntryCode item) {
    for (ControlEntryCode c : annexIvPartII) {
      if (c.covers(item)) {
        return Optional.of("Part II");
      }
    }
    for (ControlEntryCode c : annexIvPartI) {
      if (c.covers(item)) {
        return Optional.of("Part I");
      }
    }
    return Optional.empty();
  }

  public String legalSource() {
    return legalSource;
  }
}
