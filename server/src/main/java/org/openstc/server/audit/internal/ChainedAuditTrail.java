package org.openstc.server.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.ActorProvider;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditRecord;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.audit.AuditVerification;
import org.openstc.server.audit.AuditVerification.Break;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores audit records in the database. The single chain-head row is locked for each append, so
 * sequence numbers are gap-free and each record's hash covers the one before it.
 */
@Component
class ChainedAuditTrail implements AuditTrail {

  static final String GENESIS = "0".repeat(64);
  private static final String COLUMNS =
      "seq, occurred_at, actor, organisation_id, action, object_type, object_id, summary,"
          + " before_state, after_state, request_id, prev_hash, hash";

  private final JdbcClient jdbc;
  private final ObjectProvider<ActorProvider> actors;

  ChainedAuditTrail(JdbcClient jdbc, ObjectProvider<ActorProvider> actors) {
    this.jdbc = jdbc;
    this.actors = actors;
  }

  @Override
  public AuditRecord record(AuditEntry entry) {
    Actor actor =
        actors
            .orderedStream()
            .map(ActorProvider::currentActor)
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(Actor.SYSTEM);
    return record(actor, entry);
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditRecord record(Actor actor, AuditEntry entry) {
    Objects.requireNonNull(actor, "actor");
    record Head(long lastSeq, String lastHash) {}
    Head head =
        jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AuditRecord unsigned =
        new AuditRecord(
            head.lastSeq() + 1,
            now,
            actor.name(),
            actor.organisationId(),
            entry.action(),
            entry.objectType(),
            entry.objectId(),
            entry.summary(),
            entry.before(),
            entry.after(),
            MDC.get("requestId"),
            head.lastHash(),
            null);
    String hash = AuditHash.of(unsigned);
    AuditRecord signed = withHash(unsigned, hash);
    jdbc.sql(
            "insert into audit_record ("
                + COLUMNS
                + ") values (:seq, :at, :actor, :org, :action, :type, :oid, :summary, :before,"
                + " :after, :rid, :prev, :hash)")
        .param("seq", signed.seq())
        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("actor", signed.actor())
        .param("org", signed.organisationId())
        .param("action", signed.action())
        .param("type", signed.objectType())
        .param("oid", signed.objectId())
        .param("summary", signed.summary())
        .param("before", signed.before())
        .param("after", signed.after())
        .param("rid", signed.requestId())
        .param("prev", signed.prevHash())
        .param("hash", hash)
        .update();
    jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1")
        .param("seq", signed.seq())
        .param("hash", hash)
        .update();
    return signed;
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditRecord> search(AuditQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from audit_record"
                + where
                + " order by seq desc offset "
                + ((long) query.page() * query.size())
                + " rows fetch next "
                + query.size()
                + " rows only")
        .params(params)
        .query(ChainedAuditTrail::map)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public long count(AuditQuery query) {
    List<Object> params = new ArrayList<>();
    String where = where(query, params);
    return jdbc.sql("select count(*) from audit_record" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  @Override
  @Transactional(readOnly = true)
  public AuditVerification verify() {
    List<Break> breaks = new ArrayList<>();
    long[] state = {0, 0}; // expected next seq - 1, records read
    String[] prev = {GENESIS};
    jdbc.sql("select " + COLUMNS + " from audit_record order by seq")
        .query(rs -> {
          AuditRecord r = map(rs, 0);
          state[1]++;
          if (r.seq() != state[0] + 1) {
            breaks.add(
                new Break(
                    r.seq(),
                    "records "
                        + (state[0] + 1)
                        + (r.seq() - 1 > state[0] + 1 ? " to " + (r.seq() - 1) : "")
                        + " are missing (deleted)"));
          } else if (!r.prevHash().equals(prev[0])) {
            breaks.add(new Break(r.seq(), "does not link to the record before it"));
          }
          if (!AuditHash.of(r).equals(r.hash())) {
            breaks.add(new Break(r.seq(), "was edited: its content no longer matches its hash"));
          }
          state[0] = r.seq();
          prev[0] = r.hash();
        });
    record Head(long lastSeq, String lastHash) {}
    Head head =
        jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    if (head.lastSeq() > state[0]) {
      breaks.add(
          new Break(
              state[0] + 1,
              "records "
                  + (state[0] + 1)
                  + (head.lastSeq() > state[0] + 1 ? " to " + head.lastSeq() : "")
                  + " at the end of the trail are missing (deleted)"));
    } else if (head.lastSeq() == state[0] && !head.lastHash().equals(prev[0])) {
      breaks.add(new Break(state[0], "the last record does not match the chain head"));
    }
    return new AuditVerification(state[1], breaks);
  }

  private static String where(AuditQuery q, List<Object> params) {
    StringBuilder sb = new StringBuilder(" where 1=1");
    if (q.organisationId() != null) {
      sb.append(" and organisation_id = ?");
      params.add(q.organisationId());
    }
    if (notBlank(q.actor())) {
      sb.append(" and lower(actor) like ?");
      params.add("%" + q.actor().toLowerCase() + "%");
    }
    if (notBlank(q.action())) {
      sb.append(" and action = ?");
      params.add(q.action());
    }
    if (notBlank(q.objectType())) {
      sb.append(" and object_type = ?");
      params.add(q.objectType());
    }
    if (notBlank(q.objectId())) {
      sb.append(" and object_id = ?");
      params.add(q.objectId());
    }
    if (q.from() != null) {
      sb.append(" and occurred_at >= ?");
      params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    }
    if (q.to() != null) {
      sb.append(" and occurred_at < ?");
      params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    }
    return sb.toString();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static AuditRecord map(ResultSet rs, int row) throws SQLException {
    long org = rs.getLong("organisation_id");
    Long organisation = rs.wasNull() ? null : org;
    return new AuditRecord(
        rs.getLong("seq"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        organisation,
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        rs.getString("summary"),
        rs.getString("before_state"),
        rs.getString("after_state"),
        rs.getString("request_id"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  private static AuditRecord withHash(AuditRecord r, String hash) {
    return new AuditRecord(
        r.seq(),
        r.occurredAt(),
        r.actor(),
        r.organisationId(),
        r.action(),
        r.objectType(),
        r.objectId(),
        r.summary(),
        r.before(),
        r.after(),
        r.requestId(),
        r.prevHash(),
        hash);
  }
}
