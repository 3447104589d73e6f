package org.openstc.server.icp;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.DomainException;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the Internal Compliance Programme: dashboard, programme records, escalation. */
@Controller
@PreAuthorize(ProgrammeApi.OFFICERS)
class ProgrammePages {

  private final Programme programme;

  ProgrammePages(Programme programme) {
    this.programme = programme;
  }

  @GetMapping("/icp")
  String dashboard(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("dashboard", programme.dashboard(user));
    model.addAttribute("elements", IcpElement.values());
    return "icp/dashboard";
  }

  @GetMapping("/icp/programme")
  String programme(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("o", programme.overview(user));
    model.addAttribute("elements", IcpElement.values());
    model.addAttribute("functions", Programme.FUNCTIONS);
    return "icp/programme";
  }

  @PostMapping("/icp/commitment")
  String commitment(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String statement,
      @RequestParam String signedBy,
      @RequestParam(required = false) String signedOn,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.recordCommitment(statement, signedBy, date("signedOn", signedOn), user);
          return "Commitment statement recorded.";
        });
  }

  @PostMapping("/icp/responsibilities")
  String responsibility(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String person,
      @RequestParam String function,
      @RequestParam(required = false) String duties,
      @RequestParam(required = false) String since,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.name(person, function, duties, date("since", since), user);
          return "Responsibility named.";
        });
  }

  @PostMapping("/icp/trainings")
  String training(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String person,
      @RequestParam String course,
      @RequestParam(required = false) String completedOn,
      @RequestParam(required = false) String expiresOn,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.recordTraining(
              person, course, date("completedOn", completedOn), date("expiresOn", expiresOn), user);
          return "Training recorded.";
        });
  }

  @PostMapping("/icp/audits")
  String audit(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String title,
      @RequestParam(required = false) String heldOn,
      @RequestParam String auditor,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.recordAudit(title, date("heldOn", heldOn), auditor, user);
          return "Internal audit recorded.";
        });
  }

  @PostMapping("/icp/audits/{auditId}/findings")
  String finding(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long auditId,
      @RequestParam String description,
      @RequestParam String correctiveAction,
      @RequestParam String owner,
      @RequestParam(required = false) String dueOn,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.addFinding(
              auditId, description, correctiveAction, owner, date("dueOn", dueOn), user);
          return "Finding added.";
        });
  }

  @PostMapping("/icp/findings/{id}/closure")
  String close(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String note,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.closeFinding(id, note, user);
          return "Finding closed.";
        });
  }

  @PostMapping("/icp/escalations/{id}/resolution")
  String resolve(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String resolution,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          programme.resolveEscalation(id, resolution, user);
          return "Escalation resolved.";
        });
  }

  @PostMapping("/icp/self-assessments")
  String assess(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes r) {
    return act(
        r,
        () -> {
          Map<IcpElement, Integer> scores = new EnumMap<>(IcpElement.class);
          for (IcpElement e : IcpElement.values()) {
            String v = form.getFirst("score." + e.name());
            if (v != null && v.matches("[0-4]")) {
              scores.put(e, Integer.parseInt(v));
            }
          }
          programme.assess(scores, form.getFirst("notes"), user);
          return "Self-assessment recorded.";
        });
  }

  @GetMapping("/icp/escalate")
  @PreAuthorize(ProgrammeApi.EXPORTER_USERS)
  String escalateForm() {
    return "icp/escalate";
  }

  @PostMapping("/icp/escalate")
  @PreAuthorize(ProgrammeApi.EXPORTER_USERS)
  String escalate(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String subject,
      @RequestParam String body,
      @RequestParam(defaultValue = "false") boolean anonymous,
      RedirectAttributes r) {
    try {
      programme.escalate(subject, body, anonymous, user);
      r.addFlashAttribute(
          "notice",
          "Thank you. The export control officer will look into it"
              + (anonymous ? "; your name was not recorded." : "."));
    } catch (DomainException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/icp/escalate";
  }

  private static String act(RedirectAttributes r, java.util.function.Supplier<String> action) {
    try {
      r.addFlashAttribute("notice", action.get());
    } catch (DomainException | IllegalArgumentException e) {
      r.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/icp/programme";
  }

  private static LocalDate date(String field, String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(field + ": a date like 2026-01-31");
    }
  }
}
