package org.openstc.server.screening;

import org.openstc.screening.matching.ScreeningQuery;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.lists.Watchlists;
import org.openstc.server.partners.Partners;
import org.openstc.server.problems.DomainException;
import org.openstc.server.screening.AlertDecisions.Decision;
import org.openstc.server.screening.internal.AlertStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the alert queue, one alert side by side with the listed entity, ad-hoc checks. */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
class ScreeningController {

  private final AlertDecisions decisions;
  private final AdHocScreening adHoc;
  private final PartnerScreening screening;
  private final Partners partners;
  private final Watchlists watchlists;

  ScreeningController(
      AlertDecisions decisions,
      AdHocScreening adHoc,
      PartnerScreening screening,
      Partners partners,
      Watchlists watchlists) {
    this.decisions = decisions;
    this.adHoc = adHoc;
    this.screening = screening;
    this.partners = partners;
    this.watchlists = watchlists;
  }

  @GetMapping("/screening/alerts")
  String queue(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long partner,
      @RequestParam(required = false) String assignedTo,
      @RequestParam(defaultValue = "score") String sort,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    AlertStatus wanted =
        status == null ? AlertStatus.OPEN : status.isBlank() ? null : AlertStatus.valueOf(status);
    int size = 50;
    AlertStore.Filter filter =
        new AlertStore.Filter(
            user.organisationScope(), wanted, partner, assignedTo, sort, Math.max(0, page), size);
    long total = decisions.count(filter);
    model.addAttribute("alerts", decisions.search(filter));
    model.addAttribute("total", total);
    model.addAttribute("page", filter.page());
    model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
    model.addAttribute("status", wanted);
    model.addAttribute("statusParam", wanted == null ? "" : wanted.name());
    model.addAttribute("statuses", AlertStatus.values());
    model.addAttribute("partner", partner);
    model.addAttribute("assignedTo", assignedTo);
    model.addAttribute("sort", sort);
    model.addAttribute("runs", decisions.runs(user.organisationScope(), 5));
    model.addAttribute("listsReady", adHoc.ready());
    return "screening/alerts";
  }

  @GetMapping("/screening/alerts/{id}")
  String alert(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    Alert alert = decisions.get(id, user.organisationScope());
    model.addAttribute("alert", alert);
    model.addAttribute("partner", partners.get(alert.partnerId(), user.organisationScope()));
    model.addAttribute(
        "entity",
        alert.listVersionId() == null
            ? null
            : watchlists.entity(alert.listVersionId(), alert.entityId()).orElse(null));
    model.addAttribute("history", decisions.history(id, user.organisationScope()));
    model.addAttribute("decisions", Decision.values());
    return "screening/alert";
  }

  @PostMapping("/screening/alerts/{id}/decision")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  String decide(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam Decision decision,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id, redirect, () -> decisions.decide(id, decision, reason, user), "Decision recorded.");
  }

  @PostMapping("/screening/alerts/{id}/clearance")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String requestClearance(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> decisions.requestClearance(id, reason, user),
        "Clearance requested; a second export control officer must approve it.");
  }

  @PostMapping("/screening/alerts/{id}/clearance/decision")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String decideClearance(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam boolean approve,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> decisions.decideClearance(id, approve, reason, user),
        approve ? "Clearance approved." : "Clearance refused.");
  }

  @PostMapping("/screening/alerts/{id}/assign")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  String assign(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam(required = false) String assignee,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> decisions.assign(id, assignee, user), "Assignment saved.");
  }

  @PostMapping("/screening/rescreen")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String rescreen(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
    var runs = screening.rescreenAll(user.organisationId());
    redirect.addFlashAttribute(
        "notice",
        runs.isEmpty() ? "No partners to screen." : "Re-screened: " + runs.getFirst().text() + ".");
    return "redirect:/screening/alerts";
  }

  @GetMapping("/screening/check")
  @PreAuthorize(
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER','ADMINISTRATOR')")
  String check(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String birthDate,
      @RequestParam(required = false) String country,
      @RequestParam(required = false) String identifiers,
      Model model) {
    model.addAttribute("name", name);
    model.addAttribute("type", type);
    model.addAttribute("birthDate", birthDate);
    model.addAttribute("country", country);
    model.addAttribute("identifiers", identifiers);
    model.addAttribute("listsReady", adHoc.ready());
    if (name != null && !name.isBlank()) {
      try {
        model.addAttribute(
            "result",
            adHoc.screen(
                new ScreeningQuery(
                    name.strip(),
                    type == null || type.isBlank() ? null : EntityType.valueOf(type),
                    birthDate == null || birthDate.isBlank() ? null : BirthDate.parse(birthDate),
                    country == null || country.isBlank() ? null : country.strip(),
                    null,
                    identifiers == null || identifiers.isBlank()
                        ? java.util.List.of()
                        : java.util.Arrays.stream(identifiers.split("[;,\\n]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList()),
                null,
                20));
      } catch (IllegalArgumentException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "screening/check";
  }

  private static String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/screening/alerts/" + id;
  }
}
