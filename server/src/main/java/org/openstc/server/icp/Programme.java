package org.openstc.server.icp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.icp.ProgrammeRecords.Audit;
import org.openstc.server.icp.ProgrammeRecords.Commitment;
import org.openstc.server.icp.ProgrammeRecords.Escalation;
import org.openstc.server.icp.ProgrammeRecords.Finding;
import org.openstc.server.icp.ProgrammeRecords.Responsibility;
import org.openstc.server.icp.ProgrammeRecords.SelfAssessment;
import org.openstc.server.icp.ProgrammeRecords.Training;
import org.openstc.server.icp.internal.ProgrammeStore;
import org.openstc.server.identity.OrganisationKind;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.identity.UserAccount;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.licences.Licences;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.screening.AlertDecisions;
import org.openstc.server.transactions.TransactionStatus;
import org.openstc.server.transactions.Transactions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exporter's Internal Compliance Programme: commitment, responsibilities, training, internal
 * audits with findings tracked to closure, the escalation channel, self-assessment against the
 * seven elements, and the dashboard. The icp module's API; export control officers run it, any user
 * of the exporter may escalate (anonymously if they wish). Every write is audited.
 */
@Service
public class Programme {

  /** Function names for named responsibilities. */
  public static final List<String> FUNCTIONS =
      List.of("EXPORT_CONTROL_OFFICER", "DEPUTY", "MANAGEMENT_SPONSOR", "TEAM_MEMBER");

  private final ProgrammeStore store;
  private final AuditTrail audit;
  private final UserAccounts accounts;
  private final Transactions transactions;
  private final Licences licences;
  private final AlertDecisions alerts;

  public Programme(
      ProgrammeStore store,
      AuditTrail audit,
      UserAccounts accounts,
      Transactions transactions,
      Licences licences,
      AlertDecisions alerts) {
    this.store = store;
    this.audit = audit;
    this.accounts = accounts;
    this.transactions = transactions;
    this.licences = licences;
    this.alerts = alerts;
  }

  @Transactional
  public Commitment recordCommitment(
      String statement, String signedBy, LocalDate signedOn, SignedInUser user) {
    requireOfficer(user);
    String s = InvalidRequestException.requireText("statement", statement, 20_000);
    String by = InvalidRequestException.requireText("signedBy", signedBy, 300);
    LocalDate on = signedOn == null ? LocalDate.now() : signedOn;
    long id = store.insertCommitment(user.organisationId(), s, by, on, user.getUsername());
    audit.record(
        AuditEntry.of(
            "ICP_COMMITMENT_RECORDED",
            "IcpCommitment",
            id,
            "Recorded the commitment statement signed by " + by + " on " + on));
    return store.commitment(user.organisationId()).orElseThrow();
  }

  @Transactional
  public Responsibility name(
      String person, String function, String duties, LocalDate since, SignedInUser user) {
    requireOfficer(user);
    String p = InvalidRequestException.requireText("person", person, 300);
    String f =
        InvalidRequestException.requireText("function", function, 40)
            .toUpperCase(java.util.Locale.ROOT);
    if (!FUNCTIONS.contains(f)) {
      throw new InvalidRequestException("function: one of " + FUNCTIONS);
    }
    LocalDate from = since == null ? LocalDate.now() : since;
    long id = store.insertResponsibility(user.organisationId(), p, f, blank(duties), from);
    audit.record(
        AuditEntry.of(
            "ICP_RESPONSIBILITY_NAMED", "IcpResponsibility", id, "Named " + p + " as " + f));
    return store.responsibilities(user.organisationId()).stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public Training recordTraining(
      String person, String course, LocalDate completedOn, LocalDate expiresOn, SignedInUser user) {
    requireOfficer(user);
    String p = InvalidRequestException.requireText("person", person, 300);
    String c = InvalidRequestException.requireText("course", course, 500);
    if (completedOn == null) {
      throw new InvalidRequestException("completedOn: required");
    }
    if (expiresOn != null && expiresOn.isBefore(completedOn)) {
      throw new InvalidRequestException("expiresOn: before completedOn");
    }
    long id = store.insertTraining(user.organisationId(), p, c, completedOn, expiresOn);
    audit.record(
        AuditEntry.of(
            "ICP_TRAINING_RECORDED",
            "IcpTraining",
            id,
            p
                + " completed "
                + c
                + " on "
                + completedOn
                + (expiresOn == null ? "" : " (refresher due " + expiresOn + ")")));
    return store.trainings(user.organisationId()).stream()
        .filter(t -> t.id() == id)
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  public long recordAudit(String title, LocalDate heldOn, String auditor, SignedInUser user) {
    requireOfficer(user);
    String t = InvalidRequestException.requireText("title", title, 500);
    String a = InvalidRequestException.requireText("auditor", auditor, 300);
    LocalDate on = heldOn == null ? LocalDate.now() : heldOn;
    long id = store.insertAudit(user.organisationId(), t, on, a);
    audit.record(
        AuditEntry.of("ICP_AUDIT_RECORDED", "IcpAudit", id, "Internal audit " + t + " by " + a));
    return id;
  }

  @Transactional
  public Finding addFinding(
      long auditId,
      String description,
      String correctiveAction,
      String owner,
      LocalDate dueOn,
      SignedInUser user) {
    requireOfficer(user);
    requireOwnAudit(auditId, user);
    String d = InvalidRequestException.requireText("description", description, 20_000);
    String c = InvalidRequestException.requireText("correctiveAction", correctiveAction, 20_000);
    String o = InvalidRequestException.requireText("owner", owner, 300);
    long id = store.insertFinding(auditId, d, c, o, dueOn);
    audit.record(
        AuditEntry.of(
            "ICP_FINDING_ADDED",
            "IcpFinding",
            id,
            "Finding of audit " + auditId + ": " + d + " → " + c + " (owner " + o + ")"));
    return store.finding(id).orElseThrow();
  }

  @Transactional
  public Finding closeFinding(long findingId, String note, SignedInUser user) {
    requireOfficer(user);
    Finding f =
        store
            .finding(findingId)
            .orElseThrow(() -> new NotFoundException("No finding " + findingId));
    requireOwnAudit(f.auditId(), user);
    if (!f.open()) {
      throw new ConflictException("Finding " + findingId + " is already closed");
    }
    String n = InvalidRequestException.requireText("note", note, 4000);
    store.closeFinding(findingId, user.getUsername(), n);
    audit.record(
        AuditEntry.of(
                "ICP_FINDING_CLOSED",
                "IcpFinding",
                findingId,
                "Closed finding " + findingId + ": " + n)
            .withStates("OPEN", "CLOSED"));
    return store.finding(findingId).orElseThrow();
  }

  /** Anyone of the exporter may escalate; an anonymous report does not record the reporter. */
  @Transactional
  public long escalate(String subject, String body, boolean anonymous, SignedInUser user) {
    if (user.organisationKind() != OrganisationKind.EXPORTER) {
      throw new ForbiddenException("The escalation channel belongs to an exporter");
    }
    String s = InvalidRequestException.requireText("subject", subject, 500);
    String b = InvalidRequestException.requireText("body", body, 20_000);
    long id =
        store.insertEscalation(
            user.organisationId(), s, b, anonymous, anonymous ? null : user.getUsername());
    // The audit record names no one for an anonymous report: the channel protects the reporter.
    audit.record(
        new org.openstc.server.audit.Actor(
            anonymous ? "anonymous" : user.getUsername(), user.organisationId()),
        AuditEntry.of("ICP_ESCALATION_REPORTED", "IcpEscalation", id, "Escalation: " + s));
    return id;
  }

  @Transactional
  public void resolveEscalation(long id, String resolution, SignedInUser user) {
    requireOfficer(user);
    String r = InvalidRequestException.requireText("resolution", resolution, 20_000);
    if (store.resolveEscalation(user.organisationId(), id, r, user.getUsername()) == 0) {
      throw new NotFoundException("No open escalation " + id);
    }
    audit.record(
        AuditEntry.of("ICP_ESCALATION_RESOLVED", "IcpEscalation", id, "Resolved: " + r)
            .withStates("OPEN", "RESOLVED"));
  }

  @Transactional
  public SelfAssessment assess(Map<IcpElement, Integer> scores, String notes, SignedInUser user) {
    requireOfficer(user);
    Map<IcpElement, Integer> s = new EnumMap<>(IcpElement.class);
    for (IcpElement e : IcpElement.values()) {
      Integer v = scores == null ? null : scores.get(e);
      if (v == null || v < 0 || v > 4) {
        throw new InvalidRequestException(
            "scores." + e.name() + ": a score from 0 (absent) to 4 (embedded) is required");
      }
      s.put(e, v);
    }
    long id =
        store.insertAssessment(
            user.organisationId(), LocalDate.now(), user.getUsername(), s, blank(notes));
    audit.record(
        AuditEntry.of(
            "ICP_SELF_ASSESSED",
            "IcpSelfAssessment",
            id,
            "Self-assessment: "
                + s.entrySet().stream()
                    .map(e -> e.getKey().name() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))));
    return store.assessments(user.organisationId()).getFirst();
  }

  /** Everything the programme page shows. */
  public record Overview(
      Commitment commitment,
      List<Responsibility> responsibilities,
      List<Training> trainings,
      List<Audit> audits,
      List<Escalation> escalations,
      List<SelfAssessment> assessments,
      List<UserAccount> people) {}

  @Transactional(readOnly = true)
  public Overview overview(SignedInUser user) {
    long org = user.organisationId();
    return new Overview(
        store.commitment(org).orElse(null),
        store.responsibilities(org),
        store.trainings(org),
        store.audits(org),
        user.has(Role.EXPORT_CONTROL_OFFICER) ? store.escalations(org) : List.of(),
        store.assessments(org),
        accounts.users(org));
  }

  @Transactional(readOnly = true)
  public Dashboard dashboard(SignedInUser user) {
    long org = user.organisationId();
    LocalDate today = LocalDate.now();
    Map<TransactionStatus, Long> status = transactions.countByStatus(org);
    long openAlerts = alerts.openCount(org);
    List<Long> release = transactions.releaseSeconds(org);
    Map<String, Long> buckets = new LinkedHashMap<>();
    buckets.put("under 1 hour", release.stream().filter(s -> s < 3600).count());
    buckets.put("1–24 hours", release.stream().filter(s -> s >= 3600 && s < 86_400).count());
    buckets.put("1–7 days", release.stream().filter(s -> s >= 86_400 && s < 604_800).count());
    buckets.put("over 7 days", release.stream().filter(s -> s >= 604_800).count());

    List<UserAccount> people = accounts.users(org).stream().filter(UserAccount::enabled).toList();
    List<Training> trainings = store.trainings(org);
    Set<String> trained =
        trainings.stream()
            .filter(t -> t.currentOn(today))
            .map(t -> t.person().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.toSet());
    long covered =
        people.stream()
            .filter(p ->
                trained.contains(p.username().toLowerCase(java.util.Locale.ROOT))
                    || (p.displayName() != null
                        && trained.contains(p.displayName().toLowerCase(java.util.Locale.ROOT))))
            .count();
    int coverage = people.isEmpty() ? 0 : (int) Math.round(100.0 * covered / people.size());

    List<Audit> audits = store.audits(org);
    List<Finding> findings = audits.stream().flatMap(a -> a.findings().stream()).toList();
    long open = findings.stream().filter(Finding::open).count();
    long overdue =
        findings.stream()
            .filter(f -> f.open() && f.dueOn() != null && f.dueOn().isBefore(today))
            .count();
    long escalations =
        store.escalations(org).stream().filter(e -> "OPEN".equals(e.status())).count();
    int expiring = licences.expiringSoon(org).size();

    List<Dashboard.Chart> charts = new ArrayList<>();
    Map<String, Long> holds = new LinkedHashMap<>();
    status.forEach((k, v) -> holds.put(k.name(), v));
    holds.put("open alerts", openAlerts);
    charts.add(new Dashboard.Chart("holds", "Transactions and alerts", "", Dashboard.bars(holds)));
    charts.add(
        new Dashboard.Chart(
            "release-times", "Time from hold to release", "transactions", Dashboard.bars(buckets)));
    Map<String, Long> training = new LinkedHashMap<>();
    training.put("trained (current)", covered);
    training.put("not trained or expired", people.size() - covered);
    charts.add(
        new Dashboard.Chart("training", "Training coverage", "people", Dashboard.bars(training)));
    List<SelfAssessment> assessments = store.assessments(org);
    if (!assessments.isEmpty()) {
      Map<String, Integer> scores = new LinkedHashMap<>();
      assessments.getFirst().scores().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> scores.put(e.getKey().shortName(), e.getValue()));
      charts.add(
          new Dashboard.Chart(
              "self-assessment",
              "Self-assessment of " + assessments.getFirst().assessedOn() + " (0–4)",
              "score",
              barsOutOf4(scores)));
    }

    Map<IcpElement, List<String>> evidence = new EnumMap<>(IcpElement.class);
    Commitment c = store.commitment(org).orElse(null);
    evidence.put(
        IcpElement.LEADERSHIP_COMMITMENT,
        List.of(
            c == null
                ? "No commitment statement recorded"
                : "Commitment signed by " + c.signedBy() + " on " + c.signedOn()));
    long officers =
        store.responsibilities(org).stream()
            .filter(r -> r.function().equals("EXPORT_CONTROL_OFFICER"))
            .count();
    long deputies =
        store.responsibilities(org).stream().filter(r -> r.function().equals("DEPUTY")).count();
    evidence.put(
        IcpElement.ORGANISATION,
        List.of(officers + " export control officer(s) named, " + deputies + " deputy(ies)"));
    evidence.put(
        IcpElement.SCOPE_OF_REQUIREMENTS,
        List.of(
            "Transactions cover exports, brokering, technical assistance and intangible transfers"));
    evidence.put(
        IcpElement.TRANSACTION_DUE_DILIGENCE,
        List.of(
            status.values().stream().mapToLong(Long::longValue).sum()
                + " transactions checked; "
                + status.get(TransactionStatus.HELD)
                + " held, "
                + status.get(TransactionStatus.BLOCKED)
                + " blocked; "
                + openAlerts
                + " open alerts"));
    evidence.put(
        IcpElement.DOCUMENTATION,
        List.of("Records kept with retention and legal hold; audit packs per transaction"));
    evidence.put(
        IcpElement.TRAINING,
        List.of(coverage + "% of " + people.size() + " users hold a current training record"));
    evidence.put(
        IcpElement.MONITORING_AUDIT,
        List.of(
            audits.size()
                + " internal audits; "
                + open
                + " open findings ("
                + overdue
                + " overdue); "
                + escalations
                + " open escalations"));
    return new Dashboard(
        charts, evidence, openAlerts, open, overdue, escalations, coverage, expiring);
  }

  private static List<Dashboard.Bar> barsOutOf4(Map<String, Integer> scores) {
    return scores.entrySet().stream()
        .map(e -> new Dashboard.Bar(e.getKey(), e.getValue(), e.getValue() * 25))
        .toList();
  }

  private void requireOwnAudit(long auditId, SignedInUser user) {
    long org =
        store
            .auditOrganisation(auditId)
            .orElseThrow(() -> new NotFoundException("No audit " + auditId));
    if (org != user.organisationId()) {
      throw new NotFoundException("No audit " + auditId);
    }
  }

  private static void requireOfficer(SignedInUser user) {
    if (!user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException("Only an export control officer runs the programme");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
