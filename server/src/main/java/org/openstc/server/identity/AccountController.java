package org.openstc.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.openstc.server.audit.Actor;
import org.openstc.server.problems.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: password and personal API tokens. */
@Controller
@PreAuthorize("hasRole('USER')")
class AccountController {

  private final UserAccounts accounts;

  AccountController(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/account/password")
  String passwordForm(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("mustChange", user.mustChangePassword());
    return "account/password";
  }

  @PostMapping("/account/password")
  String changePassword(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam String currentPassword,
      @RequestParam String newPassword,
      @RequestParam String confirmPassword,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("mustChange", user.mustChangePassword());
    if (!newPassword.equals(confirmPassword)) {
      model.addAttribute("error", "The new password and its confirmation differ.");
      return "account/password";
    }
    try {
      accounts.changeOwnPassword(
          user.userId(), currentPassword.toCharArray(), newPassword.toCharArray());
    } catch (DomainException e) {
      model.addAttribute("error", e.getMessage());
      return "account/password";
    }
    // Refresh the session's principal so the password gate lets the user through.
    SignedInUser refreshed = accounts.signInPrincipal(user.getUsername()).orElseThrow();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            refreshed, null, refreshed.getAuthorities()));
    SecurityContextHolder.setContext(context);
    request
        .getSession()
        .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    redirect.addFlashAttribute("notice", "Your password was changed.");
    return "redirect:/";
  }

  @GetMapping("/account/tokens")
  String tokens(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("tokens", accounts.tokens(user.userId()));
    return "account/tokens";
  }

  @PostMapping("/account/tokens")
  String issueToken(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(required = false) String name,
      RedirectAttributes redirect) {
    IssuedToken token =
        accounts.issueToken(
            user.getUsername(), name, new Actor(user.getUsername(), user.organisationId()));
    redirect.addFlashAttribute("issued", token);
    return "redirect:/account/tokens";
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revokeToken(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable long id,
      RedirectAttributes redirect) {
    accounts.revokeToken(user.userId(), id, new Actor(user.getUsername(), user.organisationId()));
    redirect.addFlashAttribute("notice", "Token revoked.");
    return "redirect:/account/tokens";
  }
}
