package org.openstc.server.licences;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.DomainException;
import org.openstc.server.problems.InvalidRequestException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the licence register: list with expiry warnings, registration form, one licence. */
@Controller
@PreAuthorize(LicenceApi.READERS)
class LicencePages {

  private final Licences licences;

  LicencePages(Licences licences) {
    this.licences = licences;
  }

  @GetMapping("/licences")
  String list(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("licences", licences.list(user.organisationScope()));
    model.addAttribute("expiring", licences.expiringSoon(user.organisationScope()));
    model.addAttribute("today", LocalDate.now());
    return "licences/list";
  }

  @GetMapping("/licences/new")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String newLicence(Model model) {
    model.addAttribute("kinds", LicenceKind.values());
    return "licences/form";
  }

  @PostMapping("/licences")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String register(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String number,
      @RequestParam LicenceKind kind,
      @RequestParam String authority,
      @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validUntil,
      @RequestParam(required = false) String items,
      @RequestParam(required = false) String destinations,
      @RequestParam(required = false) String partyIds,
      @RequestParam(required = false) String conditions,
      @RequestParam(required = false) String quantityLimit,
      @RequestParam(required = false) String valueLimit,
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) String tolerancePercent,
      Model model,
      RedirectAttributes redirect) {
    try {
      LicenceDraft d =
          new LicenceDraft(
              number,
              kind,
              authority,
              date("validFrom", validFrom),
              date("validUntil", validUntil),
              split(items),
              split(destinations),
              split(partyIds).stream().map(Long::valueOf).toList(),
              conditions,
              decimal("quantityLimit", quantityLimit),
              decimal("valueLimit", valueLimit),
              currency,
              decimal("tolerancePercent", tolerancePercent));
      Licence l = licences.register(d, user);
      redirect.addFlashAttribute("notice", "Registered " + l.number());
      return "redirect:/licences/" + l.id();
    } catch (DomainException | IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("kinds", LicenceKind.values());
      return "licences/form";
    }
  }

  @GetMapping("/licences/{id}")
  String show(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    model.addAttribute("licence", licences.get(id, user.organisationScope()));
    model.addAttribute("uses", licences.uses(id, user.organisationScope()));
    return "licences/show";
  }

  @PostMapping("/licences/{id}/revocation")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String revoke(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String reason,
      RedirectAttributes redirect) {
    try {
      licences.revoke(id, reason, user);
      redirect.addFlashAttribute("notice", "Licence revoked.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/licences/" + id;
  }

  private static List<String> split(String s) {
    return s == null || s.isBlank()
        ? List.of()
        : Arrays.stream(s.split("[,;\\s]+")).filter(x -> !x.isBlank()).toList();
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

  private static BigDecimal decimal(String field, String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(field + ": '" + s + "' is not a number");
    }
  }
}
