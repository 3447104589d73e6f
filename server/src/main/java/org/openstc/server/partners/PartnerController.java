package org.openstc.server.partners;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for business partners: list, create, edit, bulk import with progress. */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
class PartnerController {

  static final String WRITERS = "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')";

  private final Partners partners;
  private final PartnerImports imports;

  PartnerController(Partners partners, PartnerImports imports) {
    this.partners = partners;
    this.imports = imports;
  }

  @GetMapping("/partners")
  String list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) PartnerStatus status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    int size = 50;
    long total = partners.count(user.organisationScope(), q, status);
    model.addAttribute(
        "partners", partners.search(user.organisationScope(), q, status, page, size));
    model.addAttribute("total", total);
    model.addAttribute("page", Math.max(0, page));
    model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    model.addAttribute("statuses", PartnerStatus.values());
    return "partners/list";
  }

  @GetMapping("/partners/new")
  @PreAuthorize(WRITERS)
  String newPartner(Model model) {
    return form(model, PartnerForm.empty(), null, null);
  }

  @PostMapping("/partners")
  @PreAuthorize(WRITERS)
  String create(
      @AuthenticationPrincipal SignedInUser user,
      @ModelAttribute PartnerForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      Partner p = partners.create(user.organisationId(), form.draft());
      redirect.addFlashAttribute("notice", "Partner saved and screened.");
      return "redirect:/partners/" + p.id();
    } catch (DomainException | IllegalArgumentException e) {
      return form(model, form, null, e.getMessage());
    }
  }

  @GetMapping("/partners/{id}")
  String show(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    model.addAttribute("partner", partners.get(id, user.organisationScope()));
    return "partners/show";
  }

  @GetMapping("/partners/{id}/edit")
  @PreAuthorize(WRITERS)
  String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    return form(model, PartnerForm.of(partners.get(id, user.organisationScope())), id, null);
  }

  @PostMapping("/partners/{id}")
  @PreAuthorize(WRITERS)
  String update(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @ModelAttribute PartnerForm form,
      Model model,
      RedirectAttributes redirect) {
    try {
      partners.update(id, user.organisationScope(), form.draft());
      redirect.addFlashAttribute("notice", "Partner saved and screened.");
      return "redirect:/partners/" + id;
    } catch (DomainException | IllegalArgumentException e) {
      return form(model, form, id, e.getMessage());
    }
  }

  @GetMapping("/partners/import")
  @PreAuthorize(WRITERS)
  String importForm() {
    return "partners/import";
  }

  @PostMapping("/partners/import")
  @PreAuthorize(WRITERS)
  String startImport(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    if (file.isEmpty()) {
      redirect.addFlashAttribute("error", "Choose a CSV or XLSX file to import.");
      return "redirect:/partners/import";
    }
    Path temp = Files.createTempFile("openstc-partners-", ".upload");
    try (var in = file.getInputStream()) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    PartnerImport job =
        imports.start(
            user.organisationId(),
            new Actor(user.getUsername(), user.organisationId()),
            temp,
            file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
    return "redirect:/partners/imports/" + job.id();
  }

  @GetMapping("/partners/imports/{id}")
  @PreAuthorize(WRITERS)
  String importStatus(
      @AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
    model.addAttribute("job", imports.status(id, user.organisationScope()));
    return "partners/import-status";
  }

  @GetMapping("/partners/imports/{id}/errors.csv")
  @PreAuthorize(WRITERS)
  void importErrors(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String id,
      HttpServletResponse response)
      throws IOException {
    PartnerImport job = imports.status(id, user.organisationScope());
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"import-errors.csv\"");
    PrintWriter out = response.getWriter();
    out.println("line,error");
    for (PartnerImport.RowError e : job.errors()) {
      out.println(e.line() + ",\"" + e.message().replace("\"", "\"\"") + "\"");
    }
  }

  private String form(Model model, PartnerForm form, Long id, String error) {
    model.addAttribute("form", form);
    model.addAttribute("partnerId", id);
    model.addAttribute("error", error);
    model.addAttribute("types", PartyType.values());
    model.addAttribute("allRoles", PartnerRole.values());
    return "partners/form";
  }
}
