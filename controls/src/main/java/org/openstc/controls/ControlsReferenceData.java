package org.openstc.controls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openstc.controls.authorisation.GeneralAuthorisations;
import org.openstc.controls.authorisation.LicenceExceptionCatalog;
import org.openstc.controls.country.Countries;
import org.openstc.controls.country.CountryChart;
import org.openstc.controls.country.CountryGroups;
import org.openstc.controls.determination.DeterminationData;
import org.openstc.controls.determination.Determiner;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.controls.list.ControlListJson;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.ControlLists;
import org.openstc.controls.list.EuAnnexIReader;
import org.openstc.controls.list.UsCclReaders;
import org.openstc.controls.measure.RestrictiveMeasures;

/**
 * Everything the controls engine knows, loaded once: control lists with their versions, countries,
 * the Country Chart and Groups, restrictive measures, general authorisations and licence
 * exceptions; and the {@link Determiner} over them. The server holds one and swaps it on import.
 */
public final class ControlsReferenceData {

  private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})\\.json$");

  private final ControlLists lists;
  private final Countries countries;
  private final CountryChart chart;
  private final CountryGroups groups;
  private final RestrictiveMeasures measures;
  private final GeneralAuthorisations generalAuthorisations;
  private final LicenceExceptionCatalog licenceExceptions;
  private final Map<String, String> euArticleTexts;
  private final List<String> loaded;
  private final Determiner determiner;

  private ControlsReferenceData(Builder b) {
    this.lists = b.lists;
    this.countries = b.countries;
    this.chart = b.chart;
    this.groups = b.groups;
    this.measures = b.measures;
    this.generalAuthorisations = b.generalAuthorisations;
    this.licenceExceptions = b.licenceExceptions;
    this.euArticleTexts = Map.copyOf(b.articles);
    this.loaded = List.copyOf(b.loaded);
    this.determiner =
        new Determiner(
            new DeterminationData(
                lists.list(EuAnnexIReader.LIST_ID).orElse(null),
                lists.list(MUNITIONS_LIST_ID).orElse(null),
                lists.list(UsCclReaders.LIST_ID).orElse(null),
                countries,
                chart,
                groups,
                measures,
                generalAuthorisations,
                licenceExceptions));
  }

  /** The id of the bundled EU Common Military List (ML1–ML22 headings). */
  public static final String MUNITIONS_LIST_ID = "EU-CML";

  /**
   * Loads the bundled data plus every file found in the shared data directory (the folder holding
   * {@code controllists/}): the EU Annex I JSON, the US CCL JSON and eCFR XML (as two versions),
   * the Country Chart XML, the Country Groups (JSON, overlaid by the eCFR XML excerpt) and the
   * licence exception catalogue. Missing files are skipped; {@link #loaded()} says what was read.
   */
  public static ControlsReferenceData load(Path sharedDataDir) {
    Builder b = builder();
    Path dir = sharedDataDir.resolve("controllists");
    if (!Files.isDirectory(dir)) {
      return b.build();
    }
    first(dir, "eu-dual-use-annex-i-", ".json").ifPresent(b::euAnnexI);
    first(dir, "us-ear-ccl-", ".json").ifPresent(b::usCclJson);
    Path ecfr = dir.resolve("ecfr");
    first(ecfr, "title-15-part-774-", ".xml").ifPresent(p -> b.usCclEcfrXml(p, dateIn(p)));
    first(dir, "us-ear-country-groups-", ".json").ifPresent(b::countryGroupsJson);
    first(ecfr, "title-15-part-740-", ".xml").ifPresent(p -> b.countryGroupsEcfrXml(p, dateIn(p)));
    first(ecfr, "title-15-part-738-", ".xml").ifPresent(p -> b.countryChartEcfrXml(p, dateIn(p)));
    first(dir, "us-ear-license-exception-catalog-", ".json").ifPresent(b::licenceExceptions);
    return b.build();
  }

  /** Only the data bundled with the engine (EU military list, countries, measures, EU GAs). */
  public static ControlsReferenceData bundled() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static Optional<Path> first(Path dir, String prefix, String suffix) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      // The newest file by the date in its name, so a new download supersedes the old one.
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
              })
          .max((a, c) -> a.getFileName().toString().compareTo(c.getFileName().toString()));
    } catch (IOException e) {
      throw new ReferenceDataException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  static LocalDate dateIn(Path p) {
    String n = p.getFileName().toString();
    Matcher m = DATE.matcher(n);
    if (m.find()) {
      return LocalDate.parse(m.group(1));
    }
    Matcher c = COMPACT_DATE.matcher(n);
    if (c.find()) {
      return LocalDate.of(
          Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)));
    }
    throw new ReferenceDataException(p + ": no date (YYYY-MM-DD) in the file name");
  }

  public ControlLists lists() {
    return lists;
  }

  public Countries countries() {
    return countries;
  }

  /** The Commerce Country Chart, or null when not loaded. */
  public CountryChart chart() {
    return chart;
  }

  /** The EAR Country Groups, or null when not loaded. */
  public CountryGroups groups() {
    return groups;
  }

  public RestrictiveMeasures measures() {
    return measures;
  }

  public GeneralAuthorisations generalAuthorisations() {
    return generalAuthorisations;
  }

  public LicenceExceptionCatalog licenceExceptions() {
    return licenceExceptions;
  }

  /** Articles 2, 4 and 5 of Regulation (EU) 2021/821 as read from the Annex I file. */
  public Map<String, String> euArticleTexts() {
    return euArticleTexts;
  }

  /** What was loaded from where, for logs and the admin page. */
  public List<String> loaded() {
    return loaded;
  }

  public Determiner determiner() {
    return determiner;
  }

  /** A copy using other restrictive measures (after an administrator's edit). */
  public ControlsReferenceData withMeasures(RestrictiveMeasures newMeasures) {
    Builder b = new Builder(this);
    b.measures = newMeasures;
    return b.build();
  }

  /**
   * Collects reference data from individual files; anything not given falls back to bundled data.
   */
  public static final class Builder {
    private ControlLists lists = new ControlLists();
    private Countries countries = Countries.bundled();
    private CountryChart chart;
    private CountryGroups groups;
    private RestrictiveMeasures measures = RestrictiveMeasures.bundled();
    private GeneralAuthorisations generalAuthorisations = GeneralAuthorisations.bundled();
    private LicenceExceptionCatalog licenceExceptions = LicenceExceptionCatalog.minimal();
    private final java.util.LinkedHashMap<String, String> articles =
        new java.util.LinkedHashMap<>();
    private final List<String> loaded = new ArrayList<>();

    private Builder() {
      lists.add(
          ControlListJson.read(
              ReferenceFiles.readResource("/org/openstc/controls/munitions-list.json"),
              "munitions-list.json"));
      loaded.add(
          "bundled: EU Common Military List headings, countries, restrictive measures, EU GAs");
    }

    private Builder(ControlsReferenceData d) {
      lists = d.lists;
      countries = d.countries;
      chart = d.chart;
      groups = d.groups;
      measures = d.measures;
      generalAuthorisations = d.generalAuthorisations;
      licenceExceptions = d.licenceExceptions;
      articles.putAll(d.euArticleTexts);
      loaded.addAll(d.loaded);
    }

    public Builder euAnnexI(Path file) {
      EuAnnexIReader.AnnexI a = EuAnnexIReader.read(file);
      lists.add(a.version());
      generalAuthorisations = generalAuthorisations.withTexts(a.generalAuthorisationTexts());
      articles.putAll(a.articleTexts());
      loaded.add(file + ": " + a.version());
      return this;
    }

    public Builder usCclJson(Path file) {
      ControlListVersion v = UsCclReaders.readJson(file);
      lists.add(v);
      loaded.add(file + ": " + v);
      return this;
    }

    public Builder usCclEcfrXml(Path file, LocalDate issueDate) {
      ControlListVersion v = UsCclReaders.readEcfrXml(file, issueDate);
      lists.add(v);
      loaded.add(file + ": " + v);
      return this;
    }

    /** Adds a list version in the documented JSON format (e.g. an authority's national list). */
    public Builder controlList(Path file) {
      ControlListVersion v = ControlListJson.read(file);
      lists.add(v);
      loaded.add(file + ": " + v);
      return this;
    }

    public Builder countryChartEcfrXml(Path file, LocalDate issueDate) {
      chart = CountryChart.readEcfrXml(file, issueDate, countries);
      loaded.add(file + ": Country Chart, " + chart.rows().size() + " rows");
      return this;
    }

    public Builder countryGroupsJson(Path file) {
      CountryGroups g = CountryGroups.readJson(file, countries);
      groups = groups == null ? g : groups.overlaidWith(g);
      loaded.add(file + ": Country Groups " + g.groups().keySet());
      return this;
    }

    /** Country Groups from eCFR XML; these override the same groups read earlier from JSON. */
    public Builder countryGroupsEcfrXml(Path file, LocalDate issueDate) {
      CountryGroups g = CountryGroups.readEcfrXml(file, issueDate, countries);
      groups = groups == null ? g : groups.overlaidWith(g);
      loaded.add(file + ": Country Groups " + g.groups().keySet());
      return this;
    }

    public Builder licenceExceptions(Path file) {
      licenceExceptions = LicenceExceptionCatalog.readJson(file);
      loaded.add(file + ": " + licenceExceptions.all().size() + " licence exception symbols");
      return this;
    }

    public Builder measures(Path file) {
      measures = RestrictiveMeasures.read(file);
      loaded.add(file + ": " + measures.all().size() + " restrictive measures");
      return this;
    }

    public Builder measures(RestrictiveMeasures m) {
      measures = m;
      return this;
    }

    public ControlsReferenceData build() {
      return new ControlsReferenceData(this);
    }
  }
}
