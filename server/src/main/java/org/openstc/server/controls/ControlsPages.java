package org.openstc.server.controls;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openstc.controls.determination.DeterminationJson;
import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlEntryCode;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.Regime;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.DomainException;
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

/** Pages for control lists: versions, entry tree, search, diff, import, measures, determination. */
@Controller
@PreAuthorize("hasRole('USER')")
class ControlsPages {

  private final ControlListCatalogue catalogue;

  ControlsPages(ControlListCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/controls")
  String overview(Model model) {
    model.addAttribute("lists", catalogue.lists());
    model.addAttribute("imports", catalogue.imports());
    model.addAttribute("kinds", ControlListKind.values());
    model.addAttribute("regimes", Regime.values());
    model.addAttribute("loaded", catalogue.referenceData().loaded());
    return "controls/overview";
  }

  @PostMapping("/controls/imports")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String importList(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) LocalDate validFrom,
      RedirectAttributes redirect)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      ControlListKind k = kind == null || kind.isBlank() ? null : ControlListKind.parse(kind);
      ImportedVersion v =
          catalogue.importList(
              in, file.getOriginalFilename(), k, validFrom, ControlsApi.actor(user));
      redirect.addFlashAttribute(
          "notice", "Imported " + v.label() + " with " + v.entryCount() + " entries.");
    } catch (DomainException | IllegalArgumentException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/controls";
  }

  @GetMapping("/controls/lists/{listId}/{validFrom}")
  String version(@PathVariable String listId, @PathVariable LocalDate validFrom, Model model) {
    ControlListVersion v = catalogue.version(listId, validFrom);
    model.addAttribute("summary", catalogue.summary(listId, validFrom));
    model.addAttribute("headings", v.headings());
    return "controls/version";
  }

  @GetMapping("/controls/lists/{listId}/{validFrom}/entries/{code}")
  String entry(
      @PathVariable String listId,
      @PathVariable LocalDate validFrom,
      @PathVariable String code,
      Model model) {
    ControlListVersion v = catalogue.version(listId, validFrom);
    ControlEntry e = catalogue.entry(v, code);
    List<ControlEntry> ancestors = new ArrayList<>();
    for (ControlEntryCode c = e.parent(); c != null; c = c.parent()) {
      v.entry(c).ifPresent(a -> ancestors.addFirst(a));
    }
    model.addAttribute("summary", catalogue.summary(listId, validFrom));
    model.addAttribute("entry", e);
    model.addAttribute("ancestors", ancestors);
    model.addAttribute("children", v.children(e.code()));
    model.addAttribute("tree", subtree(v, e.code()));
    return "controls/entry";
  }

  /** A paragraph below an entry with its depth under it, for the indented tree. */
  record TreeRow(ControlEntry entry, int depth) {}

  /** Every paragraph below the entry, in list order, so a heading shows its whole tree. */
  static List<TreeRow> subtree(ControlListVersion v, ControlEntryCode code) {
    int base = depth(code);
    List<TreeRow> rows = new ArrayList<>();
    for (ControlEntry e : v.entries().values()) {
      if (!e.code().equals(code) && code.covers(e.code())) {
        rows.add(new TreeRow(e, depth(e.code()) - base));
      }
    }
    return rows;
  }

  private static int depth(ControlEntryCode code) {
    return (int) code.value().chars().filter(c -> c == '.').count();
  }

  @GetMapping("/controls/search")
  String search(
      @RequestParam(required = false) String version,
      @RequestParam(required = false) String q,
      @RequestParam(required = false, defaultValue = "text") String in,
      @RequestParam(required = false) Long product,
      Model model) {
    List<ControlListCatalogue.VersionSummary> versions = new ArrayList<>();
    catalogue.lists().forEach(l -> versions.addAll(l.versions()));
    model.addAttribute("versions", versions);
    String chosen = version == null || version.isBlank() ? defaultVersion(versions) : version;
    model.addAttribute("version", chosen);
    model.addAttribute("q", q);
    model.addAttribute("in", in);
    model.addAttribute("product", product);
    if (chosen != null && q != null && !q.isBlank()) {
      ControlListVersion v = catalogue.version(chosen);
      model.addAttribute("searched", v);
      model.addAttribute("hits", catalogue.search(v, q, "parameters".equals(in), 100));
    }
    return "controls/search";
  }

  static String defaultVersion(List<ControlListCatalogue.VersionSummary> versions) {
    return versions.stream()
        .filter(v -> v.listId().equals("EU-ANNEX-I"))
        .findFirst()
        .or(() -> versions.stream().findFirst())
        .map(ControlListCatalogue.VersionSummary::label)
        .orElse(null);
  }

  @GetMapping("/controls/diff")
  String diff(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String regime,
      Model model) {
    List<ControlListCatalogue.VersionSummary> versions = new ArrayList<>();
    catalogue.lists().forEach(l -> versions.addAll(l.versions()));
    model.addAttribute("versions", versions);
    model.addAttribute("regimes", Regime.values());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("regime", regime);
    if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
      model.addAttribute(
          "diff",
          ControlsApi.view(
              catalogue.diff(
                  catalogue.version(from), catalogue.version(to), ControlsApi.regime(regime))));
    }
    return "controls/diff";
  }

  @GetMapping("/controls/measures")
  String measures(Model model) {
    model.addAttribute("measures", catalogue.measures());
    return "controls/measures";
  }

  @GetMapping("/controls/measures/edit")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String editMeasure(@RequestParam(required = false) String id, Model model) {
    model.addAttribute("id", id);
    model.addAttribute(
        "json",
        id == null || id.isBlank()
            ? "{\n  \"id\": \"\",\n  \"imposer\": \"EU\",\n  \"country\": \"\",\n  \"title\": \"\",\n"
                + "  \"legal_act\": \"\",\n  \"provision\": \"\",\n  \"items\": \"MILITARY_ITEMS\",\n"
                + "  \"target\": \"WHOLE_COUNTRY\",\n  \"activities\": [\"EXPORT\"],\n"
                + "  \"effect\": \"PROHIBITION\",\n  \"from\": \"\"\n}"
            : ControlListCatalogue.measureJson(catalogue.measure(id)));
    return "controls/measure-edit";
  }

  @PostMapping("/controls/measures")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String saveMeasure(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String json,
      @RequestParam(required = false) String id,
      Model model,
      RedirectAttributes redirect) {
    try {
      var m =
          catalogue.saveMeasure(
              json, id == null || id.isBlank() ? null : id, ControlsApi.actor(user));
      redirect.addFlashAttribute("notice", "Saved restrictive measure " + m.id() + ".");
      return "redirect:/controls/measures";
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("id", id);
      model.addAttribute("json", json);
      return "controls/measure-edit";
    }
  }

  @GetMapping("/controls/determine")
  @PreAuthorize(
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER',"
          + "'ADMINISTRATOR')")
  String determineForm(Model model) {
    model.addAttribute(
        "input", new DeterminationInput("EU", "", null, "", "civil", "export", null, false));
    return "controls/determine";
  }

  @PostMapping("/controls/determine")
  @PreAuthorize(
      "hasAnyRole('COMPLIANCE_USER','EXPORT_CONTROL_OFFICER','CASEWORKER','SENIOR_CASEWORKER',"
          + "'ADMINISTRATOR')")
  String determine(
      @RequestParam String jurisdiction,
      @RequestParam String item,
      @RequestParam String destination,
      @RequestParam(required = false) String endUse,
      @RequestParam(required = false) String activity,
      @RequestParam(required = false) LocalDate asOf,
      @RequestParam(required = false, defaultValue = "false") boolean informedByAuthority,
      Model model) {
    DeterminationInput input =
        new DeterminationInput(
            jurisdiction, item, null, destination, endUse, activity, asOf, informedByAuthority);
    model.addAttribute("input", input);
    try {
      var d = catalogue.determine(input.toRequest());
      model.addAttribute("determination", d);
      model.addAttribute("json", DeterminationJson.write(d));
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "controls/determine";
  }
}
