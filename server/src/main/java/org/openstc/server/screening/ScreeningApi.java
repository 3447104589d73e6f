package org.openstc.server.screening;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.openstc.screening.matching.ScreeningQuery;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.screening.AlertDecisions.Decision;
import org.openstc.server.screening.internal.AlertStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API: ad-hoc screening (single and batch), alerts and decisions, screening runs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Screening", description = "Ad-hoc screening, alerts and decisions")
class ScreeningApi {

  private static final String SCREENERS =
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER','ADMINISTRATOR')";
  private static final String ALERT_READERS =
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')";

  private final AdHocScreening adHoc;
  private final AlertDecisions decisions;
  private final PartnerScreening screening;

  ScreeningApi(AdHocScreening adHoc, AlertDecisions decisions, PartnerScreening screening) {
    this.adHoc = adHoc;
    this.decisions = decisions;
    this.screening = screening;
  }

  /** A name to screen, with optional facts that move the score. */
  record QueryRequest(
      String id,
      String name,
      String type,
      String birthDate,
      String country,
      List<String> identifiers) {}

  /** One query, or a batch in {@code queries}; options apply to all. */
  record ScreeningRequest(
      String id,
      String name,
      String type,
      String birthDate,
      String country,
      List<String> identifiers,
      List<QueryRequest> queries,
      Double threshold,
      Integer limit) {}

  record QueryResult(String id, String name, List<AdHocScreening.Hit> hits, String error) {}

  record ScreeningResponse(int entitiesSearched, List<QueryResult> results) {}

  record DecisionRequest(Decision decision, String reason) {}

  record ClearanceRequest(String reason) {}

  record ClearanceDecisionRequest(Boolean approve, String reason) {}

  record AssignRequest(String assignee) {}

  record AlertPage(long total, int page, int size, List<Alert> alerts) {}

  @PostMapping("/screenings")
  @PreAuthorize(SCREENERS)
  @Operation(
      summary =
          "Screen a name (or a batch of up to 1000 in 'queries') against the active lists, with"
              + " explanations; nothing is stored")
  ScreeningResponse screen(@RequestBody ScreeningRequest body) {
    if (body == null) {
      throw new InvalidRequestException("body: give 'name' or 'queries'");
    }
    if (body.threshold() != null && !(body.threshold() > 0 && body.threshold() <= 1)) {
      throw new InvalidRequestException("threshold: must be in (0, 1]");
    }
    if (body.limit() != null && (body.limit() < 1 || body.limit() > 100)) {
      throw new InvalidRequestException("limit: 1 to 100");
    }
    List<QueryRequest> queries = new ArrayList<>();
    if (body.queries() != null) {
      if (body.queries().size() > adHoc.maxBatch()) {
        throw new InvalidRequestException(
            "queries: at most " + adHoc.maxBatch() + " per call, got " + body.queries().size());
      }
      queries.addAll(body.queries());
    }
    if (body.name() != null) {
      queries.add(
          0,
          new QueryRequest(
              body.id(),
              body.name(),
              body.type(),
              body.birthDate(),
              body.country(),
              body.identifiers()));
    }
    if (queries.isEmpty()) {
      throw new InvalidRequestException("name: give a name to screen, or 'queries'");
    }
    List<QueryResult> results = new ArrayList<>(queries.size());
    int searched = 0;
    for (int i = 0; i < queries.size(); i++) {
      QueryRequest q = queries.get(i);
      String id = q == null || q.id() == null ? Integer.toString(i + 1) : q.id();
      try {
        AdHocScreening.Result r = adHoc.screen(toQuery(q), body.threshold(), body.limit());
        searched = r.entitiesSearched();
        results.add(new QueryResult(id, q.name(), r.hits(), null));
      } catch (IllegalArgumentException | NullPointerException e) {
        if (queries.size() == 1) {
          throw new InvalidRequestException(
              e.getMessage() == null ? "invalid query" : e.getMessage());
        }
        results.add(new QueryResult(id, q == null ? null : q.name(), List.of(), e.getMessage()));
      }
    }
    return new ScreeningResponse(searched, results);
  }

  @GetMapping("/alerts")
  @PreAuthorize(ALERT_READERS)
  AlertPage alerts(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) AlertStatus status,
      @RequestParam(required = false) Long partner,
      @RequestParam(required = false) String assignedTo,
      @RequestParam(defaultValue = "score") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (size < 1 || size > 500) {
      throw new InvalidRequestException("size: 1 to 500");
    }
    AlertStore.Filter f =
        new AlertStore.Filter(
            user.organisationScope(), status, partner, assignedTo, sort, Math.max(0, page), size);
    return new AlertPage(decisions.count(f), f.page(), size, decisions.search(f));
  }

  @GetMapping("/alerts/{id}")
  @PreAuthorize(ALERT_READERS)
  Alert alert(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return decisions.get(id, user.organisationScope());
  }

  @GetMapping("/alerts/{id}/decisions")
  @PreAuthorize(ALERT_READERS)
  List<AlertDecision> history(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    return decisions.history(id, user.organisationScope());
  }

  @PostMapping("/alerts/{id}/decisions")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Decide an alert: FALSE_POSITIVE, TRUE_MATCH or ESCALATE, with a reason")
  Alert decide(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody DecisionRequest body) {
    if (body == null || body.decision() == null) {
      throw new InvalidRequestException("decision: one of FALSE_POSITIVE, TRUE_MATCH, ESCALATE");
    }
    return decisions.decide(id, body.decision(), body.reason(), user);
  }

  @PostMapping("/alerts/{id}/clearance")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Ask to clear a true match; a second officer must approve")
  Alert requestClearance(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody ClearanceRequest body) {
    return decisions.requestClearance(id, body == null ? null : body.reason(), user);
  }

  @PostMapping("/alerts/{id}/clearance/decision")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Approve or refuse a clearance requested by another officer")
  Alert decideClearance(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody ClearanceDecisionRequest body) {
    if (body == null || body.approve() == null) {
      throw new InvalidRequestException("approve: true or false");
    }
    return decisions.decideClearance(id, body.approve(), body.reason(), user);
  }

  @PostMapping("/alerts/{id}/assignment")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  Alert assign(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestBody AssignRequest body) {
    return decisions.assign(id, body == null ? null : body.assignee(), user);
  }

  @GetMapping("/screening-runs")
  @PreAuthorize(ALERT_READERS)
  @Operation(summary = "What recent screening passes (imports, list updates) changed")
  List<ScreeningRun> runs(@AuthenticationPrincipal SignedInUser user) {
    return decisions.runs(user.organisationScope(), 50);
  }

  @PostMapping("/screening-runs")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  @Operation(summary = "Re-screen all of the organisation's partners now")
  List<ScreeningRun> rescreen(@AuthenticationPrincipal SignedInUser user) {
    return screening.rescreenAll(user.organisationId());
  }

  private static ScreeningQuery toQuery(QueryRequest q) {
    if (q == null || q.name() == null || q.name().isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
    if (q.name().length() > 10_000) {
      throw new IllegalArgumentException("name: at most 10000 characters");
    }
    EntityType type = null;
    if (q.type() != null && !q.type().isBlank()) {
      try {
        type =
            EntityType.valueOf(
                q.type()
                    .strip()
                    .toUpperCase(java.util.Locale.ROOT)
                    .replace("ORGANIZATION", "ORGANISATION"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("type: one of PERSON, ORGANISATION, VESSEL, AIRCRAFT");
      }
    }
    return new ScreeningQuery(
        q.name(),
        type,
        q.birthDate() == null || q.birthDate().isBlank() ? null : BirthDate.parse(q.birthDate()),
        q.country(),
        null,
        q.identifiers());
  }
}
