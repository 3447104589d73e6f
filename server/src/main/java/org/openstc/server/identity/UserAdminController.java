package org.openstc.server.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openstc.server.audit.Actor;
import org.openstc.server.problems.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration pages for organisations and users. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class UserAdminController {

  private final UserAccounts accounts;

  UserAdminController(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/admin/users")
  String users(@AuthenticationPrincipal SignedInUser admin, Model model) {
    model.addAttribute("users", accounts.users(admin.organisationScope()));
    model.addAttribute("now", java.time.Instant.now());
    return "admin/users";
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    model.addAttribute("organisations", accounts.organisations());
    model.addAttribute("roles", Role.values());
    return "admin/user-new";
  }

  @PostMapping("/admin/users")
  String createUser(
      @AuthenticationPrincipal SignedInUser admin,
      @RequestParam String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String email,
      @RequestParam String organisation,
      @RequestParam(required = false) List<Role> roles,
      Model model) {
    try {
      CreatedUser created =
          accounts.create(
              new NewUser(
                  username,
                  displayName,
                  email,
                  organisation,
                  roles == null ? Set.of() : EnumSet.copyOf(roles),
                  null),
              actor(admin));
      model.addAttribute("created", created);
      return "admin/user-created";
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("organisations", accounts.organisations());
      model.addAttribute("roles", Role.values());
      model.addAttribute("username", username);
      model.addAttribute("displayName", displayName);
      model.addAttribute("email", email);
      model.addAttribute("selectedOrganisation", organisation);
      model.addAttribute("selectedRoles", roles == null ? List.of() : roles);
      return "admin/user-new";
    }
  }

  @GetMapping("/admin/users/{id}")
  String user(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, Model model) {
    model.addAttribute("user", accounts.user(id, admin.organisationScope()));
    model.addAttribute("roles", Role.values());
    model.addAttribute("now", java.time.Instant.now());
    return "admin/user";
  }

  @PostMapping("/admin/users/{id}/roles")
  String changeRoles(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      @RequestParam(required = false) List<Role> roles,
      RedirectAttributes redirect) {
    try {
      accounts.changeRoles(id, roles == null ? Set.of() : EnumSet.copyOf(roles), admin);
      redirect.addFlashAttribute("notice", "Roles saved.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/admin/users/{id}/enabled")
  String setEnabled(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      @RequestParam boolean enabled,
      RedirectAttributes redirect) {
    try {
      accounts.setEnabled(id, enabled, admin);
      redirect.addFlashAttribute("notice", enabled ? "Account enabled." : "Account disabled.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/admin/users/{id}/unlock")
  String unlock(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    accounts.unlock(id, admin);
    redirect.addFlashAttribute("notice", "Account unlocked.");
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/admin/users/{id}/reset-password")
  String resetPassword(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("oneTimePassword", accounts.resetPassword(id, admin));
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/admin/organisations")
  String organisations(Model model) {
    model.addAttribute("organisations", accounts.organisations());
    model.addAttribute("kinds", OrganisationKind.values());
    return "admin/organisations";
  }

  @PostMapping("/admin/organisations")
  String createOrganisation(
      @AuthenticationPrincipal SignedInUser admin,
      @RequestParam String name,
      @RequestParam OrganisationKind kind,
      @RequestParam(required = false) String country,
      RedirectAttributes redirect) {
    try {
      accounts.createOrganisation(name, kind, country, actor(admin));
      redirect.addFlashAttribute("notice", "Organisation " + name + " created.");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/organisations";
  }

  private static Actor actor(SignedInUser user) {
    return new Actor(user.getUsername(), user.organisationId());
  }
}
