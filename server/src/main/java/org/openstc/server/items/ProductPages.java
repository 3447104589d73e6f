package org.openstc.server.items;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.DomainException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for products: list, new, detail with documents, classify (with search), review queue. */
@Controller
@PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','ADMINISTRATOR')")
class ProductPages {

  private final Products products;
  private final ControlListCatalogue catalogue;

  ProductPages(Products products, ControlListCatalogue catalogue) {
    this.products = products;
    this.catalogue = catalogue;
  }

  @GetMapping("/products")
  String list(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) String q,
      Model model) {
    model.addAttribute("products", products.products(user, q));
    model.addAttribute("q", q);
    return "items/list";
  }

  @GetMapping("/products/new")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  String newProduct() {
    return "items/new";
  }

  @PostMapping("/products")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  String create(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String partNumber,
      @RequestParam String description,
      @RequestParam(required = false) String technicalData,
      Model model,
      RedirectAttributes redirect) {
    try {
      Product p = products.create(partNumber, description, technicalData, user);
      redirect.addFlashAttribute("notice", "Product " + p.partNumber() + " created.");
      return "redirect:/products/" + p.id();
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("partNumber", partNumber);
      model.addAttribute("description", description);
      model.addAttribute("technicalData", technicalData);
      return "items/new";
    }
  }

  @GetMapping("/products/{id}")
  String detail(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
    ProductDetail d = products.detail(id, user);
    model.addAttribute("detail", d);
    model.addAttribute("p", d.product());
    Map<Long, List<ReviewDiff>> diffs = new HashMap<>();
    for (ProductClassification c : d.classifications()) {
      if (c.reviewDiff() != null) {
        diffs.put(c.id(), ReviewDiff.parse(c.reviewDiff()));
      }
    }
    model.addAttribute("diffs", diffs);
    model.addAttribute("me", user.userId());
    return "items/detail";
  }

  @PostMapping("/products/{id}/determine")
  String determine(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String destination,
      @RequestParam(required = false) String endUse,
      @RequestParam(required = false) String activity,
      Model model) {
    try {
      model.addAttribute(
          "determination", products.determine(id, destination, endUse, activity, null, user));
    } catch (DomainException e) {
      if (e instanceof org.openstc.server.problems.NotFoundException) {
        throw e;
      }
      model.addAttribute("error", e.getMessage());
    }
    model.addAttribute("destination", destination);
    return detail(user, id, model);
  }

  @PostMapping("/products/{id}/documents")
  @PreAuthorize("hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER')")
  String attach(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      ProductDocument d =
          products.attach(id, file.getOriginalFilename(), file.getContentType(), in, user);
      redirect.addFlashAttribute("notice", "Attached " + d.fileName() + ".");
    } catch (DomainException e) {
      if (e instanceof org.openstc.server.problems.NotFoundException) {
        throw e;
      }
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/products/" + id;
  }

  @GetMapping("/products/{id}/documents/{documentId}")
  ResponseEntity<Resource> download(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long documentId) {
    return ProductApi.file(products.document(id, documentId, user));
  }

  @GetMapping("/products/{id}/classify")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String classify(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String q,
      Model model) {
    model.addAttribute("p", products.product(id, user));
    List<ControlListCatalogue.VersionSummary> versions = new ArrayList<>();
    catalogue.lists().forEach(l -> versions.addAll(l.versions()));
    String chosen =
        version == null || version.isBlank()
            ? versions.stream()
                .filter(v -> v.listId().equals("EU-ANNEX-I"))
                .findFirst()
                .or(() -> versions.stream().findFirst())
                .map(ControlListCatalogue.VersionSummary::label)
                .orElse(null)
            : version;
    model.addAttribute("versions", versions);
    model.addAttribute("version", chosen);
    model.addAttribute("q", q);
    model.addAttribute("jurisdiction", jurisdiction == null ? "EU" : jurisdiction);
    model.addAttribute("code", code);
    if (chosen != null && q != null && !q.isBlank()) {
      ControlListVersion v = catalogue.version(chosen);
      model.addAttribute("searched", v);
      model.addAttribute(
          "searchedJurisdiction", v.jurisdiction().name().equals("US") ? "US" : "EU");
      model.addAttribute("hits", catalogue.search(v, q, false, 30));
    }
    return "items/classify";
  }

  @PostMapping("/products/{id}/classifications")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String propose(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @RequestParam String jurisdiction,
      @RequestParam String code,
      @RequestParam String rationale,
      Model model,
      RedirectAttributes redirect) {
    try {
      ProductClassification c = products.propose(id, jurisdiction, code, rationale, user);
      redirect.addFlashAttribute(
          "notice",
          "Proposed "
              + c.jurisdiction()
              + " "
              + c.itemCode()
              + "; a second officer must approve it.");
      return "redirect:/products/" + id;
    } catch (DomainException e) {
      if (e instanceof org.openstc.server.problems.NotFoundException) {
        throw e;
      }
      model.addAttribute("error", e.getMessage());
      model.addAttribute("rationale", rationale);
      return classify(user, id, jurisdiction, code, null, null, model);
    }
  }

  @PostMapping("/products/{id}/classifications/{classificationId}/approve")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String approve(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long classificationId,
      RedirectAttributes redirect) {
    try {
      ProductClassification c = products.approve(id, classificationId, user);
      redirect.addFlashAttribute(
          "notice", "Approved " + c.jurisdiction() + " " + c.itemCode() + ".");
    } catch (DomainException e) {
      if (e instanceof org.openstc.server.problems.NotFoundException) {
        throw e;
      }
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/products/" + id;
  }

  @PostMapping("/products/{id}/classifications/{classificationId}/reject")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String reject(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      @PathVariable long classificationId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      ProductClassification c = products.reject(id, classificationId, reason, user);
      redirect.addFlashAttribute(
          "notice", "Rejected " + c.jurisdiction() + " " + c.itemCode() + ".");
    } catch (DomainException e) {
      if (e instanceof org.openstc.server.problems.NotFoundException) {
        throw e;
      }
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/products/" + id;
  }

  @GetMapping("/products/review")
  @PreAuthorize("hasRole('EXPORT_CONTROL_OFFICER')")
  String review(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("items", products.reviewQueue(user));
    model.addAttribute("me", user.userId());
    return "items/review";
  }
}
