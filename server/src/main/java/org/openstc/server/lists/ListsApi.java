package org.openstc.server.lists;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.problems.ProblemResponses;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API for list sources, versions, deltas, uploads and updates. */
@RestController
@RequestMapping("/api/v1/lists")
@Tag(name = "Watchlists", description = "List sources, versions, deltas, imports and updates")
class ListsApi {

  static final String VIEWERS =
      "hasAnyRole('ADMINISTRATOR','EXPORT_CONTROL_OFFICER','COMPLIANCE_USER','CASEWORKER',"
          + "'SENIOR_CASEWORKER')";

  private final Watchlists watchlists;
  private final WatchlistUpdates updates;
  private final ListUploads uploads;

  ListsApi(Watchlists watchlists, WatchlistUpdates updates, ListUploads uploads) {
    this.watchlists = watchlists;
    this.updates = updates;
    this.uploads = uploads;
  }

  record EnabledRequest(Boolean enabled) {}

  /** The result of an import that produced or kept a version. */
  record ImportResult(String outcome, String source, WatchlistVersion version, String message) {}

  @GetMapping("/sources")
  @PreAuthorize(VIEWERS)
  @Operation(summary = "List sources with their active version ids")
  List<WatchlistSource> sources() {
    return watchlists.sources();
  }

  @GetMapping("/sources/{code}")
  @PreAuthorize(VIEWERS)
  WatchlistSource source(@PathVariable String code) {
    return watchlists.source(code);
  }

  @PutMapping("/sources/{code}/enabled")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Enable or disable a source (disabled: not downloaded, not screened)")
  WatchlistSource setEnabled(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable String code,
      @RequestBody EnabledRequest body) {
    if (body == null || body.enabled() == null) {
      throw new IllegalArgumentException("enabled: true or false");
    }
    return watchlists.setEnabled(code, body.enabled(), actor(admin));
  }

  @GetMapping("/versions")
  @PreAuthorize(VIEWERS)
  @Operation(summary = "Stored versions and failed attempts, newest first")
  List<WatchlistVersion> versions(
      @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "100") int limit) {
    return watchlists.versions(source, Math.min(Math.max(limit, 1), 1000));
  }

  @GetMapping("/versions/active")
  @PreAuthorize(VIEWERS)
  @Operation(summary = "The active version of every enabled source")
  List<WatchlistVersion> activeVersions() {
    return watchlists.activeVersions();
  }

  @GetMapping("/versions/{id}")
  @PreAuthorize(VIEWERS)
  WatchlistVersion version(@PathVariable long id) {
    return watchlists.version(id);
  }

  @GetMapping("/versions/{id}/delta")
  @PreAuthorize(VIEWERS)
  @Operation(summary = "Entities the version added, removed and changed against the one before")
  VersionDelta delta(@PathVariable long id) {
    return watchlists.delta(id);
  }

  @GetMapping("/versions/{id}/entities/{entityId}")
  @PreAuthorize(VIEWERS)
  @Operation(summary = "One entity as the version holds it")
  ListedEntity entity(@PathVariable long id, @PathVariable String entityId) {
    watchlists.version(id);
    return watchlists
        .entity(id, entityId)
        .orElseThrow(() -> new NotFoundException("Version " + id + " has no entity " + entityId));
  }

  @PostMapping("/versions/{id}/activation")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Make a stored version the active one of its source")
  WatchlistVersion activate(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
    return watchlists.activate(id, actor(admin));
  }

  @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(
      summary =
          "Upload a list file (format detected; several files form one OFAC CSV set). 201 with"
              + " the new active version, 200 when unchanged, 422 when the file cannot be read")
  ResponseEntity<?> upload(
      @AuthenticationPrincipal SignedInUser admin,
      @RequestParam("file") List<MultipartFile> files,
      @RequestParam(required = false) String source) {
    ImportOutcome outcome;
    try {
      outcome = uploads.importUpload(files, source, actor(admin));
    } catch (ListUploads.TooLarge e) {
      return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", e.getMessage());
    }
    return switch (outcome) {
      case ImportOutcome.Imported i ->
          ResponseEntity.created(URI.create("/api/v1/lists/versions/" + i.version().id()))
              .body(new ImportResult("IMPORTED", i.source(), i.version(), i.describe()));
      case ImportOutcome.Unchanged u ->
          ResponseEntity.ok(
              new ImportResult(
                  "UNCHANGED", u.source(), watchlists.version(u.activeVersionId()), u.describe()));
      case ImportOutcome.Failed f -> {
        ProblemDetail body =
            ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, f.describe());
        body.setType(URI.create(ProblemResponses.TYPE_BASE + "list-import-failed"));
        body.setTitle("List file cannot be imported");
        body.setProperty("source", f.source());
        body.setProperty("file", f.file());
        body.setProperty("line", f.line());
        body.setProperty("attemptId", f.attemptId());
        body.setProperty("keptVersionId", f.keptVersionId());
        body.setProperty("requestId", MDC.get("requestId"));
        yield ResponseEntity.unprocessableContent()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(body);
      }
    };
  }

  @PostMapping("/updates")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(
      summary =
          "Start downloading every enabled source now (202); results appear in each source's"
              + " lastCheckResult and in the versions")
  ResponseEntity<Void> update(@AuthenticationPrincipal SignedInUser admin) {
    updates.startInBackground(actor(admin));
    return ResponseEntity.accepted().location(URI.create("/api/v1/lists/sources")).build();
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String type, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(ProblemResponses.TYPE_BASE + type));
    body.setTitle(status.getReasonPhrase());
    body.setProperty("requestId", MDC.get("requestId"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  static Actor actor(SignedInUser user) {
    return new Actor(user.getUsername(), user.organisationId());
  }
}
