package org.openstc.server.lists;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The watchlists page: sources, versions, deltas; uploads and source switches for admins. */
@Controller
class ListsController {

  /** Rows of each delta table shown on the page; the API and the CLI give all. */
  static final int SHOWN = 500;

  private final Watchlists watchlists;
  private final WatchlistUpdates updates;
  private final ListUploads uploads;
  private final ListsProperties properties;

  ListsController(
      Watchlists watchlists,
      WatchlistUpdates updates,
      ListUploads uploads,
      ListsProperties properties) {
    this.watchlists = watchlists;
    this.updates = updates;
    this.uploads = uploads;
    this.properties = properties;
  }

  @GetMapping("/lists")
  @PreAuthorize(ListsApi.VIEWERS)
  String lists(Model model) {
    List<WatchlistSource> sources = watchlists.sources();
    Map<String, WatchlistVersion> active = new LinkedHashMap<>();
    for (WatchlistSource s : sources) {
      if (s.activeVersionId() != null) {
        active.put(s.code(), watchlists.version(s.activeVersionId()));
      }
    }
    model.addAttribute("sources", sources);
    model.addAttribute("active", active);
    model.addAttribute("versions", watchlists.versions(null, 50));
    model.addAttribute("maxUpload", properties.maxUploadSize().toMegabytes() + " MB");
    model.addAttribute("updating", updates.isRunning());
    model.addAttribute("scheduled", properties.update().enabled());
    model.addAttribute("cron", properties.update().cron());
    return "lists/index";
  }

  @GetMapping("/lists/versions/{id}")
  @PreAuthorize(ListsApi.VIEWERS)
  String version(@PathVariable long id, Model model) {
    WatchlistVersion version = watchlists.version(id);
    model.addAttribute("version", version);
    model.addAttribute("source", watchlists.source(version.source()));
    if (version.status() == VersionStatus.IMPORTED) {
      model.addAttribute("delta", watchlists.delta(id));
    }
    model.addAttribute("shown", SHOWN);
    return "lists/version";
  }

  @PostMapping("/lists/upload")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String upload(
      @AuthenticationPrincipal SignedInUser admin,
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String newSource,
      RedirectAttributes redirect) {
    try {
      String target = newSource != null && !newSource.isBlank() ? newSource : source;
      ImportOutcome outcome = uploads.importUpload(files, target, ListsApi.actor(admin));
      switch (outcome) {
        case ImportOutcome.Imported i -> {
          redirect.addFlashAttribute("notice", i.describe());
          return "redirect:/lists/versions/" + i.version().id();
        }
        case ImportOutcome.Unchanged u -> redirect.addFlashAttribute("notice", u.describe());
        case ImportOutcome.Failed f -> redirect.addFlashAttribute("error", f.describe());
      }
    } catch (DomainException | ListUploads.TooLarge e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/lists";
  }

  @PostMapping("/lists/sources/{code}/enabled")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String setEnabled(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable String code,
      @RequestParam boolean enabled,
      RedirectAttributes redirect) {
    try {
      watchlists.setEnabled(code, enabled, ListsApi.actor(admin));
      redirect.addFlashAttribute("notice", (enabled ? "Enabled " : "Disabled ") + code + ".");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/lists";
  }

  @PostMapping("/lists/versions/{id}/activate")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String activate(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    try {
      WatchlistVersion v = watchlists.activate(id, ListsApi.actor(admin));
      redirect.addFlashAttribute("notice", "Version " + v.id() + " of " + v.source() + " active.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/lists/versions/" + id;
  }

  @PostMapping("/lists/update")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  String update(@AuthenticationPrincipal SignedInUser admin, RedirectAttributes redirect) {
    try {
      updates.startInBackground(ListsApi.actor(admin));
      redirect.addFlashAttribute(
          "notice",
          "Update started: enabled sources are being downloaded. Reload this page to see the"
              + " results in the 'Last update' column.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/lists";
  }
}
