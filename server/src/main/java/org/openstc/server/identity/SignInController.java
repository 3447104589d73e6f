package org.openstc.server.identity;

import org.openstc.server.problems.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the one-time setup page that creates the first administrator. */
@Controller
class SignInController {

  private final UserAccounts accounts;

  SignInController(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/login")
  @PreAuthorize("permitAll()")
  String login(Model model) {
    if (!accounts.hasUsers()) {
      return "redirect:/setup";
    }
    return "login";
  }

  @GetMapping("/setup")
  @PreAuthorize("permitAll()")
  String setup(Model model) {
    if (accounts.hasUsers()) {
      return "redirect:/login";
    }
    model.addAttribute("organisation", "OpenSTC platform");
    return "setup";
  }

  @PostMapping("/setup")
  @PreAuthorize("permitAll()")
  String completeSetup(
      @RequestParam String username,
      @RequestParam(required = false) String displayName,
      @RequestParam(required = false) String organisation,
      @RequestParam String password,
      @RequestParam String confirmPassword,
      Model model) {
    if (accounts.hasUsers()) {
      return "redirect:/login";
    }
    model.addAttribute("username", username);
    model.addAttribute("displayName", displayName);
    model.addAttribute("organisation", organisation);
    if (!password.equals(confirmPassword)) {
      model.addAttribute("error", "The two passwords differ.");
      return "setup";
    }
    try {
      accounts.createFirstAdministrator(
          username,
          displayName,
          organisation == null || organisation.isBlank() ? "OpenSTC platform" : organisation,
          password.toCharArray());
    } catch (DomainException | IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
      return "setup";
    }
    return "redirect:/login?setupComplete";
  }
}
