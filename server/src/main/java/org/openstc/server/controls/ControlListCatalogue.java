package org.openstc.server.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.openstc.controls.ControlsReferenceData;
import org.openstc.controls.country.Countries;
import org.openstc.controls.country.CountryChart;
import org.openstc.controls.country.CountryGroups;
import org.openstc.controls.determination.Determination;
import org.openstc.controls.determination.DeterminationRequest;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.controls.io.ReferenceFiles;
import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlList;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.EntrySearch;
import org.openstc.controls.list.EuAnnexIReader;
import org.openstc.controls.list.ListDiff;
import org.openstc.controls.list.ListJurisdiction;
import org.openstc.controls.list.Regime;
import org.openstc.controls.list.UsCclReaders;
import org.openstc.controls.measure.RestrictiveMeasure;
import org.openstc.controls.measure.RestrictiveMeasures;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.controls.internal.ControlListStore;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The control lists known to the server — bundled, read from the shared data folder, or imported as
 * versioned files — and what is asked of them: browse, search, diff, resolve a classification and
 * determine whether a licence is needed. The controls module's API for other modules.
 */
@Service
public class ControlListCatalogue {

  private static final Logger log = LoggerFactory.getLogger(ControlListCatalogue.class);

  /** One version of a list as shown in listings, with its import record when it was imported. */
  public record VersionSummary(
      String listId,
      String title,
      String jurisdiction,
      LocalDate validFrom,
      String legalSource,
      String origin,
      int entries,
      ImportedVersion imported) {

    public String label() {
      return listId + "@" + validFrom;
    }
  }

  /** A list with its versions, newest first. */
  public record ListSummary(String listId, String title, List<VersionSummary> versions) {}

  /** What a classification refers to: the list and version in force, or none (not listed). */
  public record ResolvedClassification(
      String jurisdiction, String itemCode, String listId, LocalDate listValidFrom, String text) {

    public boolean listed() {
      return text != null;
    }
  }

  private final ControlListStore store;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final StorageProperties storage;
  private final ControlsProperties properties;
  private volatile ControlsReferenceData current;
  // Bumped on every invalidation, so a build that started before a commit is not cached after it.
  private final AtomicLong generation = new AtomicLong();
  private static final long STALE_CHECK_NANOS = 10_000_000_000L;
  private volatile long builtFromImport = -1;
  private volatile long lastImportCheck = System.nanoTime();

  public ControlListCatalogue(
      ControlListStore store,
      AuditTrail audit,
      ApplicationEventPublisher events,
      StorageProperties storage,
      ControlsProperties properties) {
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.storage = storage;
    this.properties = properties;
  }

  /** The reference data in use, loaded on first use (the public files take a few seconds). */
  public ControlsReferenceData referenceData() {
    ControlsReferenceData d = current;
    if (d != null && !importedElsewhere()) {
      return d;
    }
    synchronized (this) {
      if (current != null) {
        return current;
      }
      long started = generation.get();
      builtFromImport = store.latestImportId();
      ControlsReferenceData built = build();
      if (generation.get() == started) {
        current = built;
      }
      return built;
    }
  }

  /**
   * Whether a list was imported by another process (e.g. {@code ./stc controls import} while the
   * server runs) since the data was built; checked at most every ten seconds.
   */
  private boolean importedElsewhere() {
    long now = System.nanoTime();
    if (now - lastImportCheck < STALE_CHECK_NANOS) {
      return false;
    }
    lastImportCheck = now;
    if (store.latestImportId() != builtFromImport) {
      invalidate();
      return true;
    }
    return false;
  }

  private void invalidate() {
    generation.incrementAndGet();
    current = null;
  }

  /**
   * Loads the reference data in the background once the web server is up, so the first
   * determination does not wait for the public files (a few seconds).
   */
  @EventListener(WebServerInitializedEvent.class)
  void warmUp() {
    Thread.ofVirtual()
        .name("controls-warm-up")
        .start(() -> {
          try {
            log.info("Control reference data loaded: {}", referenceData().loaded());
          } catch (RuntimeException e) {
            log.warn("Cannot load the control reference data: {}", e.getMessage());
          }
        });
  }

  private synchronized ControlsReferenceData build() {
    ControlsReferenceData.Builder b =
        ControlsReferenceFiles.builderWithSharedData(properties.sharedDataFolder());
    Path folder = ControlsReferenceFiles.listFolder(storage.dataDir());
    for (ImportedVersion v : store.all()) {
      if (v.storedFile() == null) {
        continue;
      }
      Path file = folder.resolve(v.storedFile());
      if (!Files.isRegularFile(file)) {
        log.warn("Imported list file {} of {} is missing; skipped", file, v.label());
        continue;
      }
      ControlsReferenceFiles.add(b, v.kind(), file, v.validFrom());
    }
    List<ControlListStore.MeasureEdit> edits = store.measureEdits();
    if (!edits.isEmpty()) {
      b.measures(MeasureJson.apply(b.build().measures(), edits));
    }
    return b.build();
  }

  /** Drops the loaded reference data so the next use reads it again (after an import or edit). */
  void reloadAfterCommit() {
    runAfterCommit(this::invalidate);
  }

  /**
   * Imports a control list file as a new version: reads it with the engine (the kind detected from
   * its content when not given), stores the file and its entries, audits the import and publishes
   * {@link ControlListVersionImported}. A file already imported for the same list is refused.
   */
  @Transactional
  public ImportedVersion importList(
      InputStream content,
      String fileName,
      ControlListKind kind,
      LocalDate validFrom,
      Actor actor) {
    String name =
        fileName == null || fileName.isBlank()
            ? "upload"
            : Path.of(fileName).getFileName().toString();
    Path folder = ControlsReferenceFiles.listFolder(storage.dataDir());
    Path incoming;
    String checksum;
    try {
      Files.createDirectories(folder);
      incoming = folder.resolve(".incoming-" + UUID.randomUUID());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(incoming), sha)) {
        content.transferTo(out);
      }
      checksum = HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new IllegalStateException("cannot store the uploaded list in " + folder, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      ControlListKind k = kind;
      if (k == null) {
        byte[] head = new byte[4096];
        try (InputStream in = Files.newInputStream(incoming)) {
          int n = in.readNBytes(head, 0, head.length);
          k = ControlListKind.detect(java.util.Arrays.copyOf(head, n));
        }
      }
      LocalDate date =
          validFrom != null ? validFrom : ControlsReferenceFiles.dateInName(name).orElse(null);
      if (!k.isControlList()) {
        return importCountryData(incoming, folder, name, k, date, checksum, actor);
      }
      ControlsReferenceData before = referenceData();
      ControlListVersion version = k.read(incoming, date);
      Optional<ImportedVersion> same = store.byChecksum(version.listId(), checksum);
      if (same.isPresent()) {
        throw new ConflictException(
            "This file was already imported as "
                + same.get().label()
                + " (import "
                + same.get().id()
                + ")");
      }
      ImportedVersion record = store.insertVersion(version, k, name, checksum, actor.name());
      String stored =
          ControlsReferenceFiles.storedName(record.id(), k, version.source().validFrom());
      Files.move(incoming, folder.resolve(stored), StandardCopyOption.REPLACE_EXISTING);
      deleteOnRollback(folder.resolve(stored));
      store.setStoredFile(record.id(), stored);
      record = store.byId(record.id()).orElseThrow();
      Optional<ControlListVersion> previous =
          before.lists().list(version.listId()).flatMap(ControlList::latest);
      audit.record(
          actor,
          AuditEntry.of(
                  "CONTROL_LIST_IMPORTED",
                  "ControlListVersion",
                  record.id(),
                  "Imported "
                      + record.label()
                      + " ("
                      + version.entries().size()
                      + " entries, "
                      + k.slug()
                      + ") from "
                      + name
                      + previous
                          .map(p -> "; previous version " + p.source().validFrom())
                          .orElse(""))
              .withStates(
                  null,
                  "list="
                      + record.listId()
                      + ", valid_from="
                      + record.validFrom()
                      + ", legal_source="
                      + record.legalSource()
                      + ", sha256="
                      + checksum));
      events.publishEvent(new ControlListVersionImported(record, version, before));
      reloadAfterCommit();
      return record;
    } catch (ReferenceDataException | IllegalArgumentException e) {
      deleteQuietly(incoming);
      throw new InvalidRequestException(name + ": " + e.getMessage());
    } catch (IOException e) {
      deleteQuietly(incoming);
      throw new IllegalStateException("cannot store the uploaded list in " + folder, e);
    } catch (RuntimeException e) {
      deleteQuietly(incoming);
      throw e;
    }
  }

  /** Stores the Country Chart (Part 738) or Country Groups (Part 740) XML after reading it. */
  private ImportedVersion importCountryData(
      Path incoming,
      Path folder,
      String name,
      ControlListKind k,
      LocalDate date,
      String checksum,
      Actor actor)
      throws IOException {
    if (date == null) {
      throw new IllegalArgumentException(
          "an eCFR XML import needs the issue date (--valid-from, or a date in the file name)");
    }
    Countries countries = referenceData().countries();
    boolean chart = k == ControlListKind.ECFR_738;
    int rows =
        chart
            ? CountryChart.readEcfrXml(incoming, date, countries).rows().size()
            : CountryGroups.readEcfrXml(incoming, date, countries).groups().size();
    if (rows == 0) {
      throw new IllegalArgumentException(
          "no " + (chart ? "Country Chart rows" : "Country Groups") + " found");
    }
    String listId = chart ? "US-COUNTRY-CHART" : "US-COUNTRY-GROUPS";
    Optional<ImportedVersion> same = store.byChecksum(listId, checksum);
    if (same.isPresent()) {
      throw new ConflictException(
          "This file was already imported as "
              + same.get().label()
              + " (import "
              + same.get().id()
              + ")");
    }
    ImportedVersion record =
        store.insertReferenceFile(
            listId,
            chart ? "Commerce Country Chart" : "EAR Country Groups",
            k,
            (chart ? "15 CFR Part 738, Supplement No. 1" : "15 CFR Part 740, Supplement No. 1")
                + " (eCFR issue date "
                + date
                + ")",
            date,
            name,
            checksum,
            rows,
            actor.name());
    String stored = ControlsReferenceFiles.storedName(record.id(), k, date);
    Files.move(incoming, folder.resolve(stored), StandardCopyOption.REPLACE_EXISTING);
    deleteOnRollback(folder.resolve(stored));
    store.setStoredFile(record.id(), stored);
    record = store.byId(record.id()).orElseThrow();
    audit.record(
        actor,
        AuditEntry.of(
                "CONTROL_LIST_IMPORTED",
                "ControlListVersion",
                record.id(),
                "Imported "
                    + record.label()
                    + " ("
                    + rows
                    + (chart ? " countries" : " groups")
                    + ", "
                    + k.slug()
                    + ") from "
                    + name)
            .withStates(null, "list=" + listId + ", valid_from=" + date + ", sha256=" + checksum));
    reloadAfterCommit();
    return record;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a stray temporary file is harmless; the import failed anyway
    }
  }

  /** Every list with its versions, lists by id, versions newest first. */
  @Transactional(readOnly = true)
  public List<ListSummary> lists() {
    Map<String, ImportedVersion> imported = new HashMap<>();
    for (ImportedVersion v : store.all()) {
      imported.put(v.label(), v); // the latest import of a label wins, as in the engine
    }
    List<ListSummary> out = new ArrayList<>();
    List<ControlList> all = new ArrayList<>(referenceData().lists().all());
    all.sort(Comparator.comparing(ControlList::id));
    for (ControlList l : all) {
      List<VersionSummary> versions = new ArrayList<>();
      for (ControlListVersion v : l.versions()) {
        versions.add(summary(v, imported.get(v.listId() + "@" + v.source().validFrom())));
      }
      versions.sort(Comparator.comparing(VersionSummary::validFrom).reversed());
      out.add(new ListSummary(l.id(), versions.getFirst().title(), versions));
    }
    return out;
  }

  /** The import records, newest first. */
  @Transactional(readOnly = true)
  public List<ImportedVersion> imports() {
    List<ImportedVersion> all = new ArrayList<>(store.all());
    all.sort(Comparator.comparing(ImportedVersion::id).reversed());
    return all;
  }

  private static VersionSummary summary(ControlListVersion v, ImportedVersion imported) {
    return new VersionSummary(
        v.listId(),
        v.title(),
        v.jurisdiction().name(),
        v.source().validFrom(),
        v.source().legalSource(),
        v.source().origin(),
        v.entries().size(),
        imported);
  }

  @Transactional(readOnly = true)
  public VersionSummary summary(String listId, LocalDate validFrom) {
    ControlListVersion v = version(listId, validFrom);
    ImportedVersion imported = null;
    for (ImportedVersion i : store.all()) {
      if (i.listId().equals(v.listId()) && i.validFrom().equals(validFrom)) {
        imported = i;
      }
    }
    return summary(v, imported);
  }

  /** A list version by list id and date, or 404. */
  public ControlListVersion version(String listId, LocalDate validFrom) {
    return findVersion(listId, validFrom)
        .orElseThrow(
            () -> new NotFoundException("No version of list " + listId + " dated " + validFrom));
  }

  public Optional<ControlListVersion> findVersion(String listId, LocalDate validFrom) {
    if (listId == null || validFrom == null) {
      return Optional.empty();
    }
    return referenceData().lists().list(listId.toUpperCase(Locale.ROOT)).stream()
        .flatMap(l -> l.versions().stream())
        .filter(v -> v.source().validFrom().equals(validFrom))
        .findFirst();
  }

  /** Parses {@code LIST@YYYY-MM-DD} (or a bare list id: its latest version). */
  public ControlListVersion version(String label) {
    if (label == null || label.isBlank()) {
      throw new InvalidRequestException("a list version is needed, e.g. EU-ANNEX-I@2025-11-15");
    }
    String[] parts = label.strip().split("@", 2);
    if (parts.length == 1) {
      return referenceData()
          .lists()
          .list(parts[0].toUpperCase(Locale.ROOT))
          .flatMap(ControlList::latest)
          .orElseThrow(() -> new NotFoundException("No list " + parts[0]));
    }
    try {
      return version(parts[0], LocalDate.parse(parts[1]));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException("not a date: " + parts[1]);
    }
  }

  /** An entry of a version, or 404. */
  public ControlEntry entry(ControlListVersion v, String code) {
    ControlEntryCode c;
    try {
      c = ControlEntryCode.of(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return v.entry(c)
        .orElseThrow(() ->
            new NotFoundException(
                c + " is not an entry of " + v.listId() + "@" + v.source().validFrom()));
  }

  /**
   * Searches a version: every query word in the entry text and notes (the engine's index), or, with
   * {@code parametersOnly}, in the technical parameter lines, e.g. "sample rate".
   */
  public List<EntrySearch.Hit> search(
      ControlListVersion v, String query, boolean parametersOnly, int limit) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    if (!parametersOnly) {
      return v.search().find(query, limit);
    }
    String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
    List<EntrySearch.Hit> hits = new ArrayList<>();
    for (ControlEntry e : v.entries().values()) {
      for (String p : e.parameters()) {
        String lower = p.toLowerCase(Locale.ROOT);
        boolean all = true;
        for (String w : words) {
          all &= lower.contains(w);
        }
        if (all) {
          hits.add(new EntrySearch.Hit(e.code(), words.length, p));
          break;
        }
      }
      if (hits.size() >= limit) {
        break;
      }
    }
    return hits;
  }

  /**
   * The entry-by-entry differences between two versions; {@code regime} keeps only entries of one
   * regime on both sides (e.g. the Wassenaar-derived part of the EU list against a national list).
   */
  public ListDiff diff(ControlListVersion from, ControlListVersion to, Regime regime) {
    if (regime == null) {
      return ListDiff.between(from, to);
    }
    return ListDiff.between(onlyRegime(from, regime), onlyRegime(to, regime));
  }

  // A national list is compared whole: its own codes are what the comparison is meant to show.
  private static ControlListVersion onlyRegime(ControlListVersion v, Regime regime) {
    if (v.jurisdiction() == ListJurisdiction.NATIONAL) {
      return v;
    }
    return v.filter(v.listId(), e -> e.regime() == regime);
  }

  /** Runs the determination engine; an unknown code or missing list becomes a 400 problem. */
  public Determination determine(DeterminationRequest request) {
    try {
      return referenceData().determiner().determine(request);
    } catch (InvalidDeterminationRequest e) {
      throw new InvalidRequestException(hint(e.getMessage()));
    }
  }

  /** Adds the way to load a list to the engine's "not loaded" message. */
  public static String hint(String message) {
    if (message != null
        && message.endsWith("is not loaded")
        && (message.contains("Country Chart") || message.contains("Country Groups"))) {
      return message
          + ": give the shared data folder holding controllists/ecfr/title-15-part-738-*.xml"
          + " (stc.controls.shared-data / --data DIR)";
    }
    if (message != null && message.endsWith("is not loaded")) {
      return message
          + ": import it with './stc controls import FILE' or give the shared data folder"
          + " (stc.controls.shared-data / --data DIR)";
    }
    return message;
  }

  /**
   * Checks a classification against the list in force on the date: EU codes against Annex I (ML
   * headings against the Common Military List), US codes against the CCL; {@code NOT_LISTED} and
   * {@code EAR99} refer to no entry but record the list version they were judged against (when one
   * is loaded). Unknown codes are refused.
   */
  public ResolvedClassification resolve(String jurisdiction, String item, LocalDate asOf) {
    String j = jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT);
    if (!j.equals("EU") && !j.equals("US")) {
      throw new InvalidRequestException("jurisdiction: EU or US");
    }
    if (item == null || item.isBlank()) {
      throw new InvalidRequestException("code: an entry code, NOT_LISTED or EAR99 is needed");
    }
    String t = item.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (t.equals("NOT_LISTED") || (j.equals("US") && t.equals("EAR99"))) {
      // "Not listed" is a finding about a list version too: a later version may add the item.
      String listId = j.equals("US") ? UsCclReaders.LIST_ID : EuAnnexIReader.LIST_ID;
      Optional<ControlListVersion> v = referenceData().lists().asOf(listId, asOf);
      return new ResolvedClassification(
          j,
          t,
          v.map(ControlListVersion::listId).orElse(null),
          v.map(x -> x.source().validFrom()).orElse(null),
          null);
    }
    if (t.equals("EAR99")) {
      throw new InvalidRequestException("code: EAR99 exists only under the US jurisdiction");
    }
    ControlEntryCode code;
    try {
      code = ControlEntryCode.of(item);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("code: " + e.getMessage());
    }
    String listId =
        j.equals("US")
            ? UsCclReaders.LIST_ID
            : code.isMunitions() ? ControlsReferenceData.MUNITIONS_LIST_ID : EuAnnexIReader.LIST_ID;
    ControlListVersion v =
        referenceData()
            .lists()
            .asOf(listId, asOf)
            .orElseThrow(() ->
                new InvalidRequestException(
                    hint(
                        "code: no version of list "
                            + listId
                            + " in force on "
                            + asOf
                            + " is loaded")));
    ControlEntry nearest = v.nearest(code);
    if (nearest == null) {
      throw new InvalidRequestException(
          "code: " + code + " is not on " + v.listId() + "@" + v.source().validFrom());
    }
    return new ResolvedClassification(
        j, code.value(), listId, v.source().validFrom(), nearest.fullText());
  }

  /** The restrictive measures in use (bundled, with administrators' edits). */
  public List<RestrictiveMeasure> measures() {
    List<RestrictiveMeasure> all = new ArrayList<>(referenceData().measures().all());
    all.sort(
        Comparator.comparing((RestrictiveMeasure m) -> m.country().value())
            .thenComparing(RestrictiveMeasure::id));
    return all;
  }

  public RestrictiveMeasure measure(String id) {
    return referenceData().measures().all().stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No restrictive measure " + id));
  }

  /** A measure as JSON in the engine's format (for the edit form and the API). */
  public static String measureJson(RestrictiveMeasure m) {
    return ReferenceFiles.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValueAsString(MeasureJson.node(m));
  }

  /**
   * Adds or replaces a restrictive measure (by id) from its JSON, audited with the before and after
   * state; the file {@code control-lists/restrictive-measures.json} is rewritten for the CLI.
   */
  @Transactional
  public RestrictiveMeasure saveMeasure(String json, String expectedId, Actor actor) {
    RestrictiveMeasure m;
    try {
      m = MeasureJson.parse(json, "measure");
    } catch (ReferenceDataException | IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    if (expectedId != null && !expectedId.equals(m.id())) {
      throw new InvalidRequestException(
          "id: the measure's id " + m.id() + " differs from " + expectedId);
    }
    Optional<RestrictiveMeasure> before =
        referenceData().measures().all().stream().filter(x -> x.id().equals(m.id())).findFirst();
    String after = MeasureJson.write(m);
    store.saveMeasure(m.id(), after, actor.name());
    audit.record(
        actor,
        AuditEntry.of(
                before.isPresent() ? "RESTRICTIVE_MEASURE_CHANGED" : "RESTRICTIVE_MEASURE_ADDED",
                "RestrictiveMeasure",
                m.id(),
                (before.isPresent() ? "Changed" : "Added")
                    + " restrictive measure "
                    + m.id()
                    + " ("
                    + m.country().value()
                    + ", "
                    + m.citation()
                    + ")")
            .withStates(before.map(MeasureJson::write).orElse(null), after));
    RestrictiveMeasures updated = referenceData().measures().with(m);
    Path file =
        ControlsReferenceFiles.listFolder(storage.dataDir())
            .resolve(ControlsReferenceFiles.MEASURES_FILE);
    runAfterCommit(() -> {
      try {
        Files.createDirectories(file.getParent());
        ReferenceFiles.mapper()
            .writerWithDefaultPrettyPrinter()
            .writeValue(file.toFile(), updated.write(LocalDate.now().toString()));
      } catch (IOException | RuntimeException e) {
        log.warn("Cannot write {} for the command line: {}", file, e.getMessage());
      }
      invalidate();
    });
    return m;
  }

  /** Removes a stored list file again when the import's transaction does not commit. */
  private static void deleteOnRollback(Path file) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                deleteQuietly(file);
              }
            }
          });
    }
  }

  private void runAfterCommit(Runnable r) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              r.run();
            }
          });
    } else {
      r.run();
    }
  }
}
