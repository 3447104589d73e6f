package org.openstc.server.controls;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.EntrySearch;
import org.openstc.controls.list.ListDiff;
import org.openstc.controls.list.Regime;
import org.openstc.controls.list.TextDiff;
import org.openstc.controls.measure.RestrictiveMeasure;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API for control lists (versions, entries, search, diff, import) and restrictive measures.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Control lists", description = "Versioned control lists, search, diff, measures")
class ControlsApi {

  private final ControlListCatalogue catalogue;

  ControlsApi(ControlListCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** An entry as the API shows it. */
  record EntryView(
      String code,
      String parent,
      String text,
      List<String> parameters,
      List<String> notes,
      String regime,
      List<String> reasonsForControl,
      Map<String, String> licenceExceptions,
      List<String> children) {

    static EntryView of(ControlEntry e, ControlListVersion v, boolean withChildren) {
      return new EntryView(
          e.code().value(),
          e.parent() == null ? null : e.parent().value(),
          e.text(),
          e.parameters(),
          e.notes(),
          e.regime().name(),
          e.reasonsForControl(),
          e.licenceExceptions(),
          withChildren ? v.children(e.code()).stream().map(c -> c.code().value()).toList() : null);
    }
  }

  record HitView(String code, double score, String snippet) {}

  record ChangeView(
      String change, String code, String text, String diff, List<TextDiff.Segment> segments) {}

  record DiffView(
      String from, String to, int added, int removed, int changed, List<ChangeView> changes) {}

  @GetMapping("/control-lists")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "Control lists with their versions (legal source, date, import record)")
  List<ControlListCatalogue.ListSummary> lists() {
    return catalogue.lists();
  }

  @GetMapping("/control-lists/imports")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "Import records: file, SHA-256, entries, who and when")
  List<ImportedVersion> imports() {
    return catalogue.imports();
  }

  @PostMapping(value = "/control-lists/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(
      summary =
          "Import a list file as a new version (kind: eu-annex-i, us-ccl-json, ecfr-774,"
              + " national-json; detected when omitted)")
  ImportedVersion importList(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) LocalDate validFrom)
      throws IOException {
    ControlListKind k = kind == null || kind.isBlank() ? null : ControlListKind.parse(kind);
    try (InputStream in = file.getInputStream()) {
      return catalogue.importList(in, file.getOriginalFilename(), k, validFrom, actor(user));
    }
  }

  @GetMapping("/control-lists/{listId}/versions/{validFrom}")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "One version with its headings")
  Map<String, Object> version(@PathVariable String listId, @PathVariable LocalDate validFrom) {
    ControlListVersion v = catalogue.version(listId, validFrom);
    return Map.of(
        "version",
        catalogue.summary(listId, validFrom),
        "headings",
        v.headings().stream().map(e -> EntryView.of(e, v, false)).toList());
  }

  @GetMapping("/control-lists/{listId}/versions/{validFrom}/entries/{code}")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "One entry with its parameters, notes and child paragraphs")
  EntryView entry(
      @PathVariable String listId, @PathVariable LocalDate validFrom, @PathVariable String code) {
    ControlListVersion v = catalogue.version(listId, validFrom);
    return EntryView.of(catalogue.entry(v, code), v, true);
  }

  @GetMapping("/control-lists/{listId}/versions/{validFrom}/search")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "Full-text search (in=parameters searches technical parameters only)")
  List<HitView> search(
      @PathVariable String listId,
      @PathVariable LocalDate validFrom,
      @RequestParam String q,
      @RequestParam(required = false, defaultValue = "text") String in,
      @RequestParam(required = false, defaultValue = "50") int limit) {
    ControlListVersion v = catalogue.version(listId, validFrom);
    List<EntrySearch.Hit> hits =
        catalogue.search(v, q, "parameters".equals(in), Math.min(Math.max(limit, 1), 500));
    return hits.stream().map(h -> new HitView(h.code().value(), h.score(), h.snippet())).toList();
  }

  @GetMapping("/control-lists/diff")
  @PreAuthorize("hasRole('USER')")
  @Operation(
      summary =
          "Entry-by-entry diff of two versions or lists (from/to as LIST@YYYY-MM-DD; regime,"
              + " e.g. WASSENAAR, keeps only that regime's entries of non-national lists)")
  DiffView diff(
      @RequestParam String from,
      @RequestParam String to,
      @RequestParam(required = false) String regime) {
    ListDiff d = catalogue.diff(catalogue.version(from), catalogue.version(to), regime(regime));
    return view(d);
  }

  static Regime regime(String regime) {
    if (regime == null || regime.isBlank()) {
      return null;
    }
    try {
      return Regime.valueOf(regime.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("regime: unknown '" + regime + "'");
    }
  }

  static DiffView view(ListDiff d) {
    List<ChangeView> out = new ArrayList<>();
    for (ListDiff.EntryChange c : d.changes()) {
      switch (c) {
        case ListDiff.Added a ->
            out.add(new ChangeView("ADDED", a.code().value(), a.text(), null, null));
        case ListDiff.Removed r ->
            out.add(new ChangeView("REMOVED", r.code().value(), r.text(), null, null));
        case ListDiff.Changed ch ->
            out.add(
                new ChangeView(
                    "CHANGED", ch.code().value(), null, ch.diff().render(), ch.diff().segments()));
      }
    }
    return new DiffView(
        d.from(), d.to(), d.added().size(), d.removed().size(), d.changed().size(), out);
  }

  @GetMapping(value = "/restrictive-measures", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "Restrictive measures (embargoes, export bans) in the engine's JSON format")
  ResponseEntity<String> measures() {
    StringBuilder sb = new StringBuilder("[");
    for (RestrictiveMeasure m : catalogue.measures()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(MeasureJson.write(m));
    }
    return ResponseEntity.ok(sb.append(']').toString());
  }

  @PutMapping(
      value = "/restrictive-measures/{id}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Add or replace a restrictive measure (audited with before and after)")
  ResponseEntity<String> saveMeasure(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      @RequestBody String json) {
    RestrictiveMeasure m = catalogue.saveMeasure(json, id, actor(user));
    return ResponseEntity.ok(MeasureJson.write(m));
  }

  static Actor actor(SignedInUser user) {
    return new Actor(user.getUsername(), user.organisationId());
  }
}
