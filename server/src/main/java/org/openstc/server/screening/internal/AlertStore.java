package org.openstc.server.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openstc.server.screening.Alert;
import org.openstc.server.screening.AlertDecision;
import org.openstc.server.screening.AlertStatus;
import org.openstc.server.screening.ScreeningRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Alert, decision and screening-run rows. */
@Repository
public class AlertStore {

  private static final String SELECT =
      "select a.*, p.name as partner_name from screening_alert a join partner p on p.id ="
          + " a.partner_id";

  private final JdbcClient jdbc;

  public AlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The facts of a new hit. */
  public record NewHit(
      long organisationId,
      long partnerId,
      String source,
      String entityId,
      String entityName,
      Long versionId,
      String entityFingerprint,
      String partnerFingerprint,
      double score,
      String matchedName,
      String matchedNameKind,
      String explanation) {}

  public long insert(NewHit h) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into screening_alert (organisation_id, partner_id, list_source, entity_id,"
                + " entity_name, list_version_id, entity_fingerprint, partner_fingerprint, score,"
                + " matched_name, matched_name_kind, explanation, status, created_at, updated_at)"
                + " values (:org, :partner, :source, :entity, :ename, :version, :efp, :pfp, :score,"
                + " :mname, :mkind, :explanation, 'OPEN', :at, :at)")
        .param("org", h.organisationId())
        .param("partner", h.partnerId())
        .param("source", h.source())
        .param("entity", h.entityId())
        .param("ename", cut(h.entityName(), 1000))
        .param("version", h.versionId())
        .param("efp", h.entityFingerprint())
        .param("pfp", h.partnerFingerprint())
        .param("score", h.score())
        .param("mname", cut(h.matchedName(), 1000))
        .param("mkind", h.matchedNameKind())
        .param("explanation", cut(h.explanation(), 4000))
        .param("at", ts(now()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Refreshes the evidence of an existing alert from a new hit (status unchanged). */
  public void refresh(long id, NewHit h) {
    jdbc.sql(
            "update screening_alert set entity_name = :ename, list_version_id = :version,"
                + " entity_fingerprint = :efp, partner_fingerprint = :pfp, score = :score,"
                + " matched_name = :mname, matched_name_kind = :mkind, explanation = :explanation,"
                + " updated_at = :at where id = :id")
        .param("ename", cut(h.entityName(), 1000))
        .param("version", h.versionId())
        .param("efp", h.entityFingerprint())
        .param("pfp", h.partnerFingerprint())
        .param("score", h.score())
        .param("mname", cut(h.matchedName(), 1000))
        .param("mkind", h.matchedNameKind())
        .param("explanation", cut(h.explanation(), 4000))
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public void setStatus(long id, AlertStatus status, String reopenReason) {
    jdbc.sql(
            "update screening_alert set status = :s, reopen_reason = :r, updated_at = :at where id ="
                + " :id")
        .param("s", status.name())
        .param("r", reopenReason == null ? null : cut(reopenReason, 4000))
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public void setClearance(long id, String requestedBy, String reason) {
    jdbc.sql(
            "update screening_alert set clearance_requested_by = :b, clearance_reason = :r,"
                + " updated_at = :at where id = :id")
        .param("b", requestedBy)
        .param("r", reason == null ? null : cut(reason, 4000))
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public void assign(long id, String username) {
    jdbc.sql("update screening_alert set assigned_to = :u, updated_at = :at where id = :id")
        .param("u", username)
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public Optional<Alert> byId(long id) {
    return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AlertStore::map).optional();
  }

  public Optional<Alert> byKey(long partnerId, String source, String entityId) {
    return jdbc.sql(SELECT + " where a.partner_id = :p and a.list_source = :s and a.entity_id = :e")
        .param("p", partnerId)
        .param("s", source)
        .param("e", entityId)
        .query(AlertStore::map)
        .optional();
  }

  public List<Alert> ofPartner(long partnerId) {
    return jdbc.sql(SELECT + " where a.partner_id = :p order by a.score desc")
        .param("p", partnerId)
        .query(AlertStore::map)
        .list();
  }

  /** Every alert in the scope (null: all organisations), grouped by partner. */
  public java.util.Map<Long, List<Alert>> byPartner(Long organisationId) {
    java.util.Map<Long, List<Alert>> out = new java.util.HashMap<>();
    var spec = jdbc.sql(SELECT + (organisationId == null ? "" : " where a.organisation_id = :o"));
    if (organisationId != null) {
      spec = spec.param("o", organisationId);
    }
    spec.query(AlertStore::map)
        .list()
        .forEach(a -> out.computeIfAbsent(a.partnerId(), k -> new ArrayList<>()).add(a));
    return out;
  }

  /** The alerts of the given partners, grouped by partner. */
  public java.util.Map<Long, List<Alert>> ofPartners(List<Long> partnerIds) {
    java.util.Map<Long, List<Alert>> out = new java.util.HashMap<>();
    for (int i = 0; i < partnerIds.size(); i += 500) {
      jdbc.sql(SELECT + " where a.partner_id in (:ids)")
          .param("ids", partnerIds.subList(i, Math.min(partnerIds.size(), i + 500)))
          .query(AlertStore::map)
          .list()
          .forEach(a -> out.computeIfAbsent(a.partnerId(), k -> new ArrayList<>()).add(a));
    }
    return out;
  }

  /** Alerts on entities of a source that are still pending or remembered. */
  public List<Alert> forEntity(String source, String entityId) {
    return jdbc.sql(SELECT + " where a.list_source = :s and a.entity_id = :e")
        .param("s", source)
        .param("e", entityId)
        .query(AlertStore::map)
        .list();
  }

  /** Alert queue query. */
  public record Filter(
      Long organisationId,
      AlertStatus status,
      Long partnerId,
      String assignedTo,
      String sort,
      int page,
      int size) {}

  public List<Alert> search(Filter f) {
    List<Object> params = new ArrayList<>();
    String where = where(f, params);
    String order =
        switch (f.sort() == null ? "" : f.sort()) {
          case "oldest" -> "a.created_at asc, a.id asc";
          case "newest" -> "a.created_at desc, a.id desc";
          default -> "a.score desc, a.id asc";
        };
    return jdbc.sql(
            SELECT
                + where
                + " order by "
                + order
                + " offset "
                + ((long) f.page() * f.size())
                + " rows fetch next "
                + f.size()
                + " rows only")
        .params(params)
        .query(AlertStore::map)
        .list();
  }

  public long count(Filter f) {
    List<Object> params = new ArrayList<>();
    return jdbc.sql(
            "select count(*) from screening_alert a join partner p on p.id = a.partner_id"
                + where(f, params))
        .params(params)
        .query(Long.class)
        .single();
  }

  private static String where(Filter f, List<Object> params) {
    StringBuilder sb = new StringBuilder(" where 1=1");
    if (f.organisationId() != null) {
      sb.append(" and a.organisation_id = ?");
      params.add(f.organisationId());
    }
    if (f.status() != null) {
      sb.append(" and a.status = ?");
      params.add(f.status().name());
    }
    if (f.partnerId() != null) {
      sb.append(" and a.partner_id = ?");
      params.add(f.partnerId());
    }
    if (f.assignedTo() != null && !f.assignedTo().isBlank()) {
      sb.append(" and a.assigned_to = ?");
      params.add(f.assignedTo());
    }
    return sb.toString();
  }

  public void insertDecision(long alertId, String decision, String reason, String by) {
    jdbc.sql(
            "insert into alert_decision (alert_id, decision, reason, decided_by, decided_at)"
                + " values (:a, :d, :r, :b, :at)")
        .param("a", alertId)
        .param("d", decision)
        .param("r", cut(reason, 4000))
        .param("b", by)
        .param("at", ts(now()))
        .update();
  }

  public List<AlertDecision> decisions(long alertId) {
    return jdbc.sql("select * from alert_decision where alert_id = :a order by id")
        .param("a", alertId)
        .query((rs, n) ->
            new AlertDecision(
                rs.getLong("id"),
                rs.getLong("alert_id"),
                rs.getString("decision"),
                rs.getString("reason"),
                rs.getString("decided_by"),
                instant(rs, "decided_at")))
        .list();
  }

  public void insertRun(ScreeningRun r) {
    jdbc.sql(
            "insert into screening_run (organisation_id, trigger_kind, description,"
                + " partners_screened, new_alerts, reopened_alerts, closed_alerts, started_at,"
                + " duration_ms) values (:o, :t, :d, :p, :n, :re, :c, :at, :ms)")
        .param("o", r.organisationId())
        .param("t", r.trigger())
        .param("d", cut(r.description(), 1000))
        .param("p", r.partnersScreened())
        .param("n", r.newAlerts())
        .param("re", r.reopenedAlerts())
        .param("c", r.closedAlerts())
        .param("at", ts(r.startedAt()))
        .param("ms", r.durationMs())
        .update();
  }

  public List<ScreeningRun> runs(Long organisationId, int limit) {
    return jdbc.sql(
            "select * from screening_run"
                + (organisationId == null ? "" : " where organisation_id = :o")
                + " order by id desc fetch first "
                + limit
                + " rows only")
        .params(organisationId == null ? java.util.Map.of() : java.util.Map.of("o", organisationId))
        .query((rs, n) ->
            new ScreeningRun(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("trigger_kind"),
                rs.getString("description"),
                rs.getInt("partners_screened"),
                rs.getInt("new_alerts"),
                rs.getInt("reopened_alerts"),
                rs.getInt("closed_alerts"),
                instant(rs, "started_at"),
                rs.getLong("duration_ms")))
        .list();
  }

  static Alert map(ResultSet rs, int row) throws SQLException {
    long version = rs.getLong("list_version_id");
    Long versionId = rs.wasNull() ? null : version;
    return new Alert(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getLong("partner_id"),
        rs.getString("partner_name"),
        rs.getString("list_source"),
        rs.getString("entity_id"),
        rs.getString("entity_name"),
        versionId,
        rs.getString("entity_fingerprint"),
        rs.getString("partner_fingerprint"),
        rs.getDouble("score"),
        rs.getString("matched_name"),
        rs.getString("matched_name_kind"),
        rs.getString("explanation"),
        AlertStatus.valueOf(rs.getString("status")),
        rs.getString("assigned_to"),
        rs.getString("reopen_reason"),
        rs.getString("clearance_requested_by"),
        rs.getString("clearance_reason"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
