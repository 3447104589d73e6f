package org.openstc.server.icp.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstc.server.icp.IcpElement;
import org.openstc.server.icp.ProgrammeRecords.Audit;
import org.openstc.server.icp.ProgrammeRecords.Commitment;
import org.openstc.server.icp.ProgrammeRecords.Escalation;
import org.openstc.server.icp.ProgrammeRecords.Finding;
import org.openstc.server.icp.ProgrammeRecords.Responsibility;
import org.openstc.server.icp.ProgrammeRecords.SelfAssessment;
import org.openstc.server.icp.ProgrammeRecords.Training;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of the programme: commitment, responsibilities, training, audits, escalations, scores. */
@Repository
public class ProgrammeStore {

  private final JdbcClient jdbc;

  public ProgrammeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertCommitment(
      long org, String statement, String signedBy, LocalDate signedOn, String by) {
    return insert(
        "insert into icp_commitment (organisation_id, statement, signed_by, signed_on,"
            + " recorded_at, recorded_by) values (:o, :a, :b, :c, :at, :by)",
        Map.of("o", org, "a", statement, "b", signedBy, "c", signedOn, "at", now(), "by", by));
  }

  public Optional<Commitment> commitment(long org) {
    return jdbc.sql(
            "select * from icp_commitment where organisation_id = :o order by id desc limit 1")
        .param("o", org)
        .query((rs, n) ->
            new Commitment(
                rs.getLong("id"),
                rs.getString("statement"),
                rs.getString("signed_by"),
                rs.getDate("signed_on").toLocalDate(),
                instant(rs.getTimestamp("recorded_at")),
                rs.getString("recorded_by")))
        .optional();
  }

  public long insertResponsibility(
      long org, String person, String function, String duties, LocalDate since) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("o", org);
    p.put("p", person);
    p.put("f", function);
    p.put("d", duties);
    p.put("s", since);
    return insert(
        "insert into icp_responsibility (organisation_id, person, function_name, duties, since)"
            + " values (:o, :p, :f, :d, :s)",
        p);
  }

  public List<Responsibility> responsibilities(long org) {
    return jdbc.sql(
            "select * from icp_responsibility where organisation_id = :o order by function_name,"
                + " person")
        .param("o", org)
        .query((rs, n) ->
            new Responsibility(
                rs.getLong("id"),
                rs.getString("person"),
                rs.getString("function_name"),
                rs.getString("duties"),
                rs.getDate("since").toLocalDate()))
        .list();
  }

  public long insertTraining(
      long org, String person, String course, LocalDate completed, LocalDate expires) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("o", org);
    p.put("p", person);
    p.put("c", course);
    p.put("d", completed);
    p.put("e", expires);
    return insert(
        "insert into icp_training (organisation_id, person, course, completed_on, expires_on)"
            + " values (:o, :p, :c, :d, :e)",
        p);
  }

  public List<Training> trainings(long org) {
    return jdbc.sql(
            "select * from icp_training where organisation_id = :o order by completed_on desc")
        .param("o", org)
        .query((rs, n) ->
            new Training(
                rs.getLong("id"),
                rs.getString("person"),
                rs.getString("course"),
                rs.getDate("completed_on").toLocalDate(),
                date(rs.getDate("expires_on"))))
        .list();
  }

  public long insertAudit(long org, String title, LocalDate heldOn, String auditor) {
    return insert(
        "insert into icp_audit (organisation_id, title, held_on, auditor) values (:o, :t, :h,"
            + " :a)",
        Map.of("o", org, "t", title, "h", heldOn, "a", auditor));
  }

  public Optional<Long> auditOrganisation(long auditId) {
    return jdbc.sql("select organisation_id from icp_audit where id = :id")
        .param("id", auditId)
        .query(Long.class)
        .optional();
  }

  public long insertFinding(
      long auditId, String description, String action, String owner, LocalDate due) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("a", auditId);
    p.put("d", description);
    p.put("c", action);
    p.put("o", owner);
    p.put("due", due);
    return insert(
        "insert into icp_finding (audit_id, description, corrective_action, owner, due_on)"
            + " values (:a, :d, :c, :o, :due)",
        p);
  }

  public Optional<Finding> finding(long id) {
    return jdbc.sql("select * from icp_finding where id = :id")
        .param("id", id)
        .query((rs, n) -> finding(rs))
        .optional();
  }

  public void closeFinding(long id, String by, String note) {
    jdbc.sql(
            "update icp_finding set closed_at = :at, closed_by = :by, closing_note = :n where id"
                + " = :id")
        .param("at", now())
        .param("by", by)
        .param("n", note)
        .param("id", id)
        .update();
  }

  public List<Audit> audits(long org) {
    List<Audit> out = new ArrayList<>();
    jdbc.sql("select * from icp_audit where organisation_id = :o order by held_on desc")
        .param("o", org)
        .query((rs, n) ->
            new Object[] {
              rs.getLong("id"),
              rs.getString("title"),
              rs.getDate("held_on").toLocalDate(),
              rs.getString("auditor")
            })
        .list()
        .forEach(a ->
            out.add(
                new Audit(
                    (Long) a[0],
                    (String) a[1],
                    (LocalDate) a[2],
                    (String) a[3],
                    jdbc.sql("select * from icp_finding where audit_id = :a order by id")
                        .param("a", a[0])
                        .query((rs, n) -> finding(rs))
                        .list())));
    return out;
  }

  public long insertEscalation(
      long org, String subject, String body, boolean anonymous, String reportedBy) {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("o", org);
    p.put("s", subject);
    p.put("b", body);
    p.put("a", anonymous);
    p.put("r", reportedBy);
    p.put("at", now());
    return insert(
        "insert into icp_escalation (organisation_id, subject, body, anonymous, reported_by,"
            + " reported_at, status) values (:o, :s, :b, :a, :r, :at, 'OPEN')",
        p);
  }

  public List<Escalation> escalations(long org) {
    return jdbc.sql("select * from icp_escalation where organisation_id = :o order by id desc")
        .param("o", org)
        .query((rs, n) ->
            new Escalation(
                rs.getLong("id"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getBoolean("anonymous"),
                rs.getString("reported_by"),
                instant(rs.getTimestamp("reported_at")),
                rs.getString("status"),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at"))))
        .list();
  }

  public int resolveEscalation(long org, long id, String resolution, String by) {
    return jdbc.sql(
            "update icp_escalation set status = 'RESOLVED', resolution = :r, resolved_by = :by,"
                + " resolved_at = :at where id = :id and organisation_id = :o and status ="
                + " 'OPEN'")
        .param("r", resolution)
        .param("by", by)
        .param("at", now())
        .param("id", id)
        .param("o", org)
        .update();
  }

  public long insertAssessment(
      long org, LocalDate on, String by, Map<IcpElement, Integer> scores, String notes) {
    StringBuilder s = new StringBuilder();
    for (IcpElement e : IcpElement.values()) {
      if (!s.isEmpty()) {
        s.append(',');
      }
      s.append(scores.getOrDefault(e, 0));
    }
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("o", org);
    p.put("d", on);
    p.put("by", by);
    p.put("s", s.toString());
    p.put("n", notes);
    return insert(
        "insert into icp_self_assessment (organisation_id, assessed_on, assessed_by, scores,"
            + " notes) values (:o, :d, :by, :s, :n)",
        p);
  }

  public List<SelfAssessment> assessments(long org) {
    return jdbc.sql("select * from icp_self_assessment where organisation_id = :o order by id desc")
        .param("o", org)
        .query((rs, n) -> {
          String[] parts = rs.getString("scores").split(",");
          Map<IcpElement, Integer> scores = new EnumMap<>(IcpElement.class);
          for (IcpElement e : IcpElement.values()) {
            scores.put(e, e.ordinal() < parts.length ? Integer.parseInt(parts[e.ordinal()]) : 0);
          }
          return new SelfAssessment(
              rs.getLong("id"),
              rs.getDate("assessed_on").toLocalDate(),
              rs.getString("assessed_by"),
              scores,
              rs.getString("notes"));
        })
        .list();
  }

  private static Finding finding(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Finding(
        rs.getLong("id"),
        rs.getLong("audit_id"),
        rs.getString("description"),
        rs.getString("corrective_action"),
        rs.getString("owner"),
        date(rs.getDate("due_on")),
        instant(rs.getTimestamp("closed_at")),
        rs.getString("closed_by"),
        rs.getString("closing_note"));
  }

  private long insert(String sql, Map<String, ?> params) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
