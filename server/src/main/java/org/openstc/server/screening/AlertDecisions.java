package org.openstc.server.screening;

import java.util.List;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.screening.internal.AlertStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions on alerts: false positive (remembered), true match (blocks the partner), escalate;
 * clearing a true match needs a second export control officer (four-eyes). Every decision carries a
 * reason and is audited.
 */
@Service
public class AlertDecisions {

  /** What an officer decides on an open or escalated alert. */
  public enum Decision {
    FALSE_POSITIVE,
    TRUE_MATCH,
    ESCALATE
  }

  private final AlertStore alerts;
  private final PartnerScreening screening;
  private final AuditTrail audit;

  public AlertDecisions(AlertStore alerts, PartnerScreening screening, AuditTrail audit) {
    this.alerts = alerts;
    this.screening = screening;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Alert get(long id, Long scope) {
    return alerts
        .byId(id)
        .filter(a -> scope == null || a.organisationId() == scope)
        .orElseThrow(() -> new NotFoundException("No alert with id " + id));
  }

  @Transactional(readOnly = true)
  public List<AlertDecision> history(long id, Long scope) {
    get(id, scope);
    return alerts.decisions(id);
  }

  @Transactional(readOnly = true)
  public List<Alert> search(AlertStore.Filter filter) {
    return alerts.search(filter);
  }

  @Transactional(readOnly = true)
  public long count(AlertStore.Filter filter) {
    return alerts.count(filter);
  }

  /** Alerts waiting for a decision (open, escalated or awaiting clearance) in the scope. */
  @Transactional(readOnly = true)
  public long openCount(Long scope) {
    return alerts.count(new AlertStore.Filter(scope, AlertStatus.OPEN, null, null, null, 0, 1))
        + alerts.count(new AlertStore.Filter(scope, AlertStatus.ESCALATED, null, null, null, 0, 1))
        + alerts.count(
            new AlertStore.Filter(scope, AlertStatus.CLEARANCE_REQUESTED, null, null, null, 0, 1));
  }

  @Transactional(readOnly = true)
  public List<ScreeningRun> runs(Long scope, int limit) {
    return alerts.runs(scope, limit);
  }

  @Transactional
  public Alert decide(long id, Decision decision, String reason, SignedInUser user) {
    Alert alert = ownAlert(id, user);
    String why = requireReason(reason);
    if (decision != Decision.ESCALATE && !user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException(
          "Only an export control officer decides alerts; you may escalate");
    }
    if (alert.status() != AlertStatus.OPEN && alert.status() != AlertStatus.ESCALATED) {
      throw new ConflictException(
          "Alert "
              + id
              + " is "
              + alert.status()
              + "; only open or escalated alerts can be decided");
    }
    AlertStatus next =
        switch (decision) {
          case FALSE_POSITIVE -> AlertStatus.FALSE_POSITIVE;
          case TRUE_MATCH -> AlertStatus.TRUE_MATCH;
          case ESCALATE -> AlertStatus.ESCALATED;
        };
    alerts.setStatus(id, next, null);
    alerts.insertDecision(id, decision.name(), why, user.getUsername());
    audit.record(
        AuditEntry.of(
                "ALERT_DECIDED",
                "Alert",
                id,
                decision
                    + " on alert for "
                    + alert.partnerName()
                    + " against "
                    + alert.entityName()
                    + ": "
                    + why)
            .withStates(alert.status().name(), next.name()));
    screening.updatePartnerStatus(alert.partnerId());
    return alerts.byId(id).orElseThrow();
  }

  /** The first officer asks to clear a true match (the partner stays blocked until approved). */
  @Transactional
  public Alert requestClearance(long id, String reason, SignedInUser user) {
    Alert alert = ownAlert(id, user);
    requireOfficer(user);
    String why = requireReason(reason);
    if (alert.status() != AlertStatus.TRUE_MATCH) {
      throw new ConflictException(
          "Only a true match can be cleared; alert " + id + " is " + alert.status());
    }
    alerts.setStatus(id, AlertStatus.CLEARANCE_REQUESTED, null);
    alerts.setClearance(id, user.getUsername(), why);
    alerts.insertDecision(id, "CLEARANCE_REQUESTED", why, user.getUsername());
    audit.record(
        AuditEntry.of(
            "ALERT_CLEARANCE_REQUESTED",
            "Alert",
            id,
            "Asked to clear the true match of " + alert.partnerName() + ": " + why));
    return alerts.byId(id).orElseThrow();
  }

  /** A second officer approves (or refuses) the clearance; the requester cannot. */
  @Transactional
  public Alert decideClearance(long id, boolean approve, String reason, SignedInUser user) {
    Alert alert = ownAlert(id, user);
    requireOfficer(user);
    String why = requireReason(reason);
    if (alert.status() != AlertStatus.CLEARANCE_REQUESTED) {
      throw new ConflictException("Alert " + id + " has no clearance request");
    }
    if (user.getUsername().equals(alert.clearanceRequestedBy())) {
      throw new ForbiddenException(
          "Four-eyes: a second export control officer must approve the clearance you requested");
    }
    AlertStatus next = approve ? AlertStatus.FALSE_POSITIVE : AlertStatus.TRUE_MATCH;
    alerts.setStatus(id, next, null);
    alerts.insertDecision(
        id, approve ? "CLEARANCE_APPROVED" : "CLEARANCE_REFUSED", why, user.getUsername());
    audit.record(
        AuditEntry.of(
                approve ? "ALERT_CLEARED" : "ALERT_CLEARANCE_REFUSED",
                "Alert",
                id,
                (approve ? "Cleared" : "Refused to clear")
                    + " the true match of "
                    + alert.partnerName()
                    + " (requested by "
                    + alert.clearanceRequestedBy()
                    + "): "
                    + why)
            .withStates(alert.status().name(), next.name()));
    screening.updatePartnerStatus(alert.partnerId());
    return alerts.byId(id).orElseThrow();
  }

  @Transactional
  public Alert assign(long id, String username, SignedInUser user) {
    Alert alert = ownAlert(id, user);
    String who = username == null || username.isBlank() ? null : username.strip();
    alerts.assign(id, who);
    audit.record(
        AuditEntry.of(
            "ALERT_ASSIGNED",
            "Alert",
            id,
            who == null ? "Unassigned alert " + id : "Assigned alert " + id + " to " + who));
    return alerts.byId(id).orElseThrow();
  }

  private Alert ownAlert(long id, SignedInUser user) {
    Alert alert = get(id, user.organisationScope());
    if (alert.organisationId() != user.organisationId()) {
      throw new ForbiddenException("Only the partner's own organisation decides its alerts");
    }
    return alert;
  }

  private static void requireOfficer(SignedInUser user) {
    if (!user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException("Only an export control officer may do this");
    }
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason: every decision needs a reason");
    }
    if (reason.length() > 4000) {
      throw new InvalidRequestException("reason: at most 4000 characters");
    }
    return reason.strip();
  }
}
