package org.openstc.server.web;

import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.partners.Partners;
import org.openstc.server.screening.AlertDecisions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: what the user's roles let them do, and recent activity. */
@Controller
class DashboardController {

  private final UserAccounts accounts;
  private final AuditTrail audit;
  private final AlertDecisions alerts;
  private final Partners partners;

  DashboardController(
      UserAccounts accounts, AuditTrail audit, AlertDecisions alerts, Partners partners) {
    this.accounts = accounts;
    this.audit = audit;
    this.alerts = alerts;
    this.partners = partners;
  }

  @GetMapping("/")
  @PreAuthorize("hasRole('USER')")
  String dashboard(@AuthenticationPrincipal SignedInUser user, Model model) {
    Long scope = user.organisationScope();
    AuditQuery recent = new AuditQuery(scope, null, null, null, null, null, null, 0, 8);
    model.addAttribute("user", user);
    model.addAttribute("userCount", accounts.users(scope).size());
    model.addAttribute("auditCount", audit.count(recent));
    model.addAttribute("recent", audit.search(recent));
    model.addAttribute("openAlerts", alerts.openCount(scope));
    model.addAttribute("blockedPartners", partners.count(scope, null, PartnerStatus.BLOCKED));
    model.addAttribute("partnerCount", partners.count(scope, null, null));
    model.addAttribute("runs", alerts.runs(scope, 3));
    return "dashboard";
  }
}
