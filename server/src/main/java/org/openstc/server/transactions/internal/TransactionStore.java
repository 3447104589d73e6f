package org.openstc.server.transactions.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openstc.server.transactions.EndUseCertificate;
import org.openstc.server.transactions.RedFlag;
import org.openstc.server.transactions.Transaction;
import org.openstc.server.transactions.TransactionDraft;
import org.openstc.server.transactions.TransactionKind;
import org.openstc.server.transactions.TransactionLine;
import org.openstc.server.transactions.TransactionOverride;
import org.openstc.server.transactions.TransactionParty;
import org.openstc.server.transactions.TransactionRole;
import org.openstc.server.transactions.TransactionStatus;
import org.openstc.server.transactions.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of transactions, their lines, parties, checks and overrides. */
@Repository
public class TransactionStore {

  /** A recorded check: its verdicts, fingerprints and the result as JSON. */
  public record StoredCheck(
      long id,
      long transactionId,
      Verdict result,
      Verdict rawResult,
      String contentHash,
      String rulesStamp,
      String detailJson,
      Instant checkedAt,
      String checkedBy,
      String trigger) {}

  /** A row for lists: no lines or parties. */
  public record Summary(
      long id,
      String reference,
      TransactionKind kind,
      String destination,
      TransactionStatus status,
      String createdBy,
      Instant createdAt,
      Instant shippedAt,
      LocalDate retainUntil,
      boolean legalHold) {}

  private final JdbcClient jdbc;

  public TransactionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(
      long organisationId, TransactionDraft d, String contentHash, long userId, String username) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into trade_transaction (organisation_id, reference, kind, destination,"
                + " transit, end_use, end_use_statement, red_flags, euc_end_user, euc_address,"
                + " euc_country, euc_items, euc_end_use, euc_no_reexport, euc_signatory,"
                + " euc_signed_on, euc_government, euc_authenticated, status, content_hash,"
                + " created_at, created_by_id, created_by, updated_at, legal_hold) values (:o, :r,"
                + " :k, :d, :t, :eu, :eus, :rf, :e1, :e2, :e3, :e4, :e5, :e6, :e7, :e8, :e9, :e10,"
                + " 'HELD', :h, :at, :uid, :by, :at, false)")
        .param("o", organisationId)
        .params(columns(d, contentHash))
        .param("at", now())
        .param("uid", userId)
        .param("by", username)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    insertChildren(id, d);
    return id;
  }

  /** The named parameters insert and replace share: the transaction's own columns. */
  private static Map<String, Object> columns(TransactionDraft d, String contentHash) {
    EndUseCertificate e = d.euc();
    Map<String, Object> c = new HashMap<>();
    c.put("r", d.reference());
    c.put("k", d.kind().name());
    c.put("d", d.destination());
    c.put("t", String.join(",", d.transit()));
    c.put("eu", d.endUse());
    c.put("eus", d.endUseStatement());
    c.put("rf", flags(d.redFlags()));
    c.put("e1", e.endUser());
    c.put("e2", e.address());
    c.put("e3", e.country());
    c.put("e4", e.items());
    c.put("e5", e.endUse());
    c.put("e6", e.noReexportUndertaking());
    c.put("e7", e.signatory());
    c.put("e8", e.signedOn());
    c.put("e9", e.governmentEndUser());
    c.put("e10", e.authenticated());
    c.put("h", contentHash);
    return c;
  }

  public void replace(long id, TransactionDraft d, String contentHash) {
    jdbc.sql(
            "update trade_transaction set reference = :r, kind = :k, destination = :d, transit ="
                + " :t, end_use = :eu, end_use_statement = :eus, red_flags = :rf, euc_end_user ="
                + " :e1, euc_address = :e2, euc_country = :e3, euc_items = :e4, euc_end_use = :e5,"
                + " euc_no_reexport = :e6, euc_signatory = :e7, euc_signed_on = :e8,"
                + " euc_government = :e9, euc_authenticated = :e10, content_hash = :h, updated_at"
                + " = :at where id = :id")
        .params(columns(d, contentHash))
        .param("at", now())
        .param("id", id)
        .update();
    // Keep licence assignments of lines whose position and product did not change.
    Map<String, Long> licences = new HashMap<>();
    for (TransactionLine l : lines(id)) {
      if (l.licenceId() != null) {
        licences.put(l.position() + ":" + l.productId(), l.licenceId());
      }
    }
    jdbc.sql("delete from transaction_line where transaction_id = :id").param("id", id).update();
    jdbc.sql("delete from transaction_party where transaction_id = :id").param("id", id).update();
    insertChildren(id, d);
    licences.forEach((key, licence) -> {
      String[] parts = key.split(":");
      jdbc.sql(
              "update transaction_line set licence_id = :l where transaction_id = :id and"
                  + " position = :p and product_id = :pr")
          .param("l", licence)
          .param("id", id)
          .param("p", Integer.parseInt(parts[0]))
          .param("pr", Long.parseLong(parts[1]))
          .update();
    });
  }

  private void insertChildren(long id, TransactionDraft d) {
    int position = 1;
    for (TransactionDraft.LineDraft l : d.lines()) {
      jdbc.sql(
              "insert into transaction_line (transaction_id, position, product_id, quantity,"
                  + " line_value, currency) values (:t, :p, :pr, :q, :v, :c)")
          .param("t", id)
          .param("p", position++)
          .param("pr", l.productId())
          .param("q", l.quantity())
          .param("v", l.value())
          .param("c", l.currency().strip().toUpperCase(java.util.Locale.ROOT))
          .update();
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TransactionDraft.PartyDraft p : d.parties()) {
      if (seen.add(p.role() + ":" + p.partnerId())) {
        jdbc.sql(
                "insert into transaction_party (transaction_id, role, partner_id) values (:t, :r,"
                    + " :p)")
            .param("t", id)
            .param("r", p.role().name())
            .param("p", p.partnerId())
            .update();
      }
    }
  }

  public boolean referenceTaken(long organisationId, String reference, Long exceptId) {
    return jdbc.sql(
                "select count(*) from trade_transaction where organisation_id = :o and reference"
                    + " = :r and id <> :id")
            .param("o", organisationId)
            .param("r", reference)
            .param("id", exceptId == null ? -1L : exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Long> idByReference(long organisationId, String reference) {
    return jdbc.sql(
            "select id from trade_transaction where organisation_id = :o and reference = :r")
        .param("o", organisationId)
        .param("r", reference)
        .query(Long.class)
        .optional();
  }

  public Optional<Transaction> byId(long id) {
    return jdbc.sql("select * from trade_transaction where id = :id")
        .param("id", id)
        .query((rs, n) -> header(rs))
        .optional()
        .map(this::complete);
  }

  private Transaction complete(Transaction t) {
    return new Transaction(
        t.id(),
        t.organisationId(),
        t.reference(),
        t.kind(),
        t.destination(),
        t.transit(),
        t.endUse(),
        t.endUseStatement(),
        t.redFlags(),
        t.euc(),
        t.eucDocumentName(),
        t.eucDocumentSha256(),
        t.status(),
        t.lastCheckId(),
        t.contentHash(),
        t.createdAt(),
        t.createdById(),
        t.createdBy(),
        t.updatedAt(),
        t.shippedAt(),
        t.shippedBy(),
        t.retainUntil(),
        t.legalHold(),
        t.legalHoldReason(),
        lines(t.id()),
        parties(t.id()));
  }

  public List<TransactionLine> lines(long id) {
    return jdbc.sql(
            "select l.*, p.part_number, p.description from transaction_line l join product p on"
                + " p.id = l.product_id where l.transaction_id = :id order by l.position")
        .param("id", id)
        .query((rs, n) ->
            new TransactionLine(
                rs.getLong("id"),
                rs.getInt("position"),
                rs.getLong("product_id"),
                rs.getString("part_number"),
                rs.getString("description"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("line_value"),
                rs.getString("currency"),
                (Long) rs.getObject("licence_id", Long.class)))
        .list();
  }

  private List<TransactionParty> parties(long id) {
    return jdbc.sql(
            "select tp.role, tp.partner_id, p.name, p.country from transaction_party tp join"
                + " partner p on p.id = tp.partner_id where tp.transaction_id = :id order by"
                + " tp.role, p.name")
        .param("id", id)
        .query((rs, n) ->
            new TransactionParty(
                TransactionRole.valueOf(rs.getString("role")),
                rs.getLong("partner_id"),
                rs.getString("name"),
                rs.getString("country")))
        .list();
  }

  public List<Summary> list(Long scope, TransactionStatus status, String q, int limit) {
    StringBuilder sql = new StringBuilder("select * from trade_transaction where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (scope != null) {
      sql.append(" and organisation_id = :o");
      params.put("o", scope);
    }
    if (status != null) {
      sql.append(" and status = :s");
      params.put("s", status.name());
    }
    if (q != null && !q.isBlank()) {
      sql.append(" and lower(reference) like :q");
      params.put("q", "%" + q.strip().toLowerCase(java.util.Locale.ROOT) + "%");
    }
    sql.append(" order by id desc limit ").append(Math.max(1, Math.min(limit, 1000)));
    return jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs)).list();
  }

  /** Counts by status in the scope. */
  public Map<TransactionStatus, Long> countByStatus(Long scope) {
    Map<TransactionStatus, Long> out = new EnumMap<>(TransactionStatus.class);
    for (TransactionStatus s : TransactionStatus.values()) {
      out.put(s, 0L);
    }
    jdbc.sql(
            "select status, count(*) as n from trade_transaction"
                + (scope == null ? "" : " where organisation_id = :o")
                + " group by status")
        .params(scope == null ? Map.of() : Map.of("o", scope))
        .query((rs, n) -> {
          out.put(TransactionStatus.valueOf(rs.getString("status")), rs.getLong("n"));
          return null;
        })
        .list();
    return out;
  }

  public void setStatus(long id, TransactionStatus status, Long lastCheckId) {
    jdbc.sql("update trade_transaction set status = :s, last_check_id = :c where id = :id")
        .param("s", status.name())
        .param("c", lastCheckId)
        .param("id", id)
        .update();
  }

  public void setLineLicence(long lineId, Long licenceId) {
    jdbc.sql("update transaction_line set licence_id = :l where id = :id")
        .param("l", licenceId)
        .param("id", lineId)
        .update();
  }

  public void setEucDocument(
      long id, String name, String type, String sha256, String stored, String contentHash) {
    jdbc.sql(
            "update trade_transaction set euc_document_name = :n, euc_document_type = :t,"
                + " euc_document_sha256 = :s, euc_document_stored = :st, content_hash = :h,"
                + " updated_at = :at where id = :id")
        .param("n", name)
        .param("t", type)
        .param("s", sha256)
        .param("st", stored)
        .param("h", contentHash)
        .param("at", now())
        .param("id", id)
        .update();
  }

  public void setContentHash(long id, String contentHash) {
    jdbc.sql("update trade_transaction set content_hash = :h, updated_at = :at where id = :id")
        .param("h", contentHash)
        .param("at", now())
        .param("id", id)
        .update();
  }

  /** The stored file name and content type of the EUC document, if any. */
  public Optional<String[]> eucDocument(long id) {
    return jdbc.sql(
            "select euc_document_stored, euc_document_type, euc_document_name from"
                + " trade_transaction where id = :id and euc_document_stored is not null")
        .param("id", id)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .optional();
  }

  public void ship(long id, String by, LocalDate retainUntil) {
    jdbc.sql(
            "update trade_transaction set status = 'SHIPPED', shipped_at = :at, shipped_by = :by,"
                + " retain_until = :r where id = :id")
        .param("at", now())
        .param("by", by)
        .param("r", retainUntil)
        .param("id", id)
        .update();
  }

  public void setLegalHold(long id, boolean hold, String reason) {
    jdbc.sql("update trade_transaction set legal_hold = :h, legal_hold_reason = :r where id = :id")
        .param("h", hold)
        .param("r", reason)
        .param("id", id)
        .update();
  }

  public long insertCheck(
      long transactionId,
      Verdict result,
      Verdict raw,
      String contentHash,
      String rulesStamp,
      String json,
      String by,
      String trigger) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into transaction_check (transaction_id, result, raw_result, content_hash,"
                + " rules_stamp, detail_json, checked_at, checked_by, trigger_reason) values (:t,"
                + " :r, :raw, :h, :s, :j, :at, :by, :tr)")
        .param("t", transactionId)
        .param("r", result.name())
        .param("raw", raw.name())
        .param("h", contentHash)
        .param("s", rulesStamp)
        .param("j", json)
        .param("at", now())
        .param("by", by)
        .param("tr", trigger)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<StoredCheck> checks(long transactionId) {
    return jdbc.sql("select * from transaction_check where transaction_id = :t order by id")
        .param("t", transactionId)
        .query((rs, n) -> check(rs))
        .list();
  }

  public Optional<StoredCheck> check(long checkId) {
    return jdbc.sql("select * from transaction_check where id = :id")
        .param("id", checkId)
        .query((rs, n) -> check(rs))
        .optional();
  }

  public long insertOverride(
      long transactionId,
      Verdict overrides,
      String contentHash,
      String reason,
      long userId,
      String username) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into transaction_override (transaction_id, overrides, content_hash, reason,"
                + " requested_by_id, requested_by, requested_at, status) values (:t, :o, :h, :r,"
                + " :uid, :by, :at, 'REQUESTED')")
        .param("t", transactionId)
        .param("o", overrides.name())
        .param("h", contentHash)
        .param("r", reason)
        .param("uid", userId)
        .param("by", username)
        .param("at", now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void decideOverride(long id, TransactionOverride.Status status, String by, String reason) {
    jdbc.sql(
            "update transaction_override set status = :s, decided_by = :by, decided_at = :at,"
                + " decision_reason = :r where id = :id")
        .param("s", status.name())
        .param("by", by)
        .param("at", now())
        .param("r", reason)
        .param("id", id)
        .update();
  }

  public List<TransactionOverride> overrides(long transactionId) {
    return jdbc.sql("select * from transaction_override where transaction_id = :t order by id")
        .param("t", transactionId)
        .query((rs, n) ->
            new TransactionOverride(
                rs.getLong("id"),
                rs.getLong("transaction_id"),
                Verdict.valueOf(rs.getString("overrides")),
                rs.getString("content_hash"),
                rs.getString("reason"),
                rs.getLong("requested_by_id"),
                rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")),
                TransactionOverride.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_reason")))
        .list();
  }

  /** Shipped transactions whose retention ended before the day and that are not on legal hold. */
  public List<Summary> expired(LocalDate day) {
    return jdbc.sql(
            "select * from trade_transaction where retain_until is not null and retain_until <"
                + " :d and legal_hold = false order by id")
        .param("d", day)
        .query((rs, n) -> summary(rs))
        .list();
  }

  /** Transactions past their retention that a legal hold keeps. */
  public List<Summary> keptByLegalHold(LocalDate day) {
    return jdbc.sql(
            "select * from trade_transaction where retain_until is not null and retain_until <"
                + " :d and legal_hold = true order by id")
        .param("d", day)
        .query((rs, n) -> summary(rs))
        .list();
  }

  /** A recorded purge: when, by whom, how many and the report. */
  public record PurgeRun(long id, Instant ranAt, String ranBy, int purged, String report) {}

  public List<PurgeRun> purgeRuns(int limit) {
    return jdbc.sql("select * from purge_run order by id desc limit " + Math.max(1, limit))
        .query((rs, n) ->
            new PurgeRun(
                rs.getLong("id"),
                instant(rs.getTimestamp("ran_at")),
                rs.getString("ran_by"),
                rs.getInt("purged"),
                rs.getString("report")))
        .list();
  }

  /** Deletes a transaction and everything recorded under it (not the licence uses). */
  public void delete(long id) {
    for (String table :
        List.of(
            "transaction_check", "transaction_override", "transaction_line", "transaction_party")) {
      jdbc.sql("delete from " + table + " where transaction_id = :id").param("id", id).update();
    }
    jdbc.sql("delete from trade_transaction where id = :id").param("id", id).update();
  }

  public void insertPurgeRun(String by, int purged, String report) {
    jdbc.sql("insert into purge_run (ran_at, ran_by, purged, report) values (:at, :by, :n, :r)")
        .param("at", now())
        .param("by", by)
        .param("n", purged)
        .param("r", report)
        .update();
  }

  /** Seconds from the first HELD or BLOCKED check to the first RELEASED check after it. */
  public List<Long> releaseSeconds(Long scope) {
    List<Long> out = new ArrayList<>();
    Map<Long, Instant> heldSince = new HashMap<>();
    Map<Long, Boolean> done = new HashMap<>();
    jdbc.sql(
            "select c.transaction_id, c.result, c.checked_at from transaction_check c join"
                + " trade_transaction t on t.id = c.transaction_id"
                + (scope == null ? "" : " where t.organisation_id = :o")
                + " order by c.id")
        .params(scope == null ? Map.of() : Map.of("o", scope))
        .query((rs, n) -> {
          long t = rs.getLong(1);
          String r = rs.getString(2);
          Instant at = instant(rs.getTimestamp(3));
          if (!"RELEASED".equals(r)) {
            heldSince.putIfAbsent(t, at);
          } else if (heldSince.containsKey(t) && !done.containsKey(t)) {
            done.put(t, true);
            out.add(Math.max(0, ChronoUnit.SECONDS.between(heldSince.get(t), at)));
          }
          return null;
        })
        .list();
    return out;
  }

  private Summary summary(ResultSet rs) throws SQLException {
    java.sql.Date r = rs.getDate("retain_until");
    return new Summary(
        rs.getLong("id"),
        rs.getString("reference"),
        TransactionKind.valueOf(rs.getString("kind")),
        rs.getString("destination"),
        TransactionStatus.valueOf(rs.getString("status")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("shipped_at")),
        r == null ? null : r.toLocalDate(),
        rs.getBoolean("legal_hold"));
  }

  private static StoredCheck check(ResultSet rs) throws SQLException {
    return new StoredCheck(
        rs.getLong("id"),
        rs.getLong("transaction_id"),
        Verdict.valueOf(rs.getString("result")),
        Verdict.valueOf(rs.getString("raw_result")),
        rs.getString("content_hash"),
        rs.getString("rules_stamp"),
        rs.getString("detail_json"),
        instant(rs.getTimestamp("checked_at")),
        rs.getString("checked_by"),
        rs.getString("trigger_reason"));
  }

  private static Transaction header(ResultSet rs) throws SQLException {
    java.sql.Date signed = rs.getDate("euc_signed_on");
    java.sql.Date retain = rs.getDate("retain_until");
    EndUseCertificate euc =
        new EndUseCertificate(
            rs.getString("euc_end_user"),
            rs.getString("euc_address"),
            rs.getString("euc_country"),
            rs.getString("euc_items"),
            rs.getString("euc_end_use"),
            rs.getBoolean("euc_no_reexport"),
            rs.getString("euc_signatory"),
            signed == null ? null : signed.toLocalDate(),
            rs.getBoolean("euc_government"),
            rs.getBoolean("euc_authenticated"));
    String transit = rs.getString("transit");
    return new Transaction(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("reference"),
        TransactionKind.valueOf(rs.getString("kind")),
        rs.getString("destination"),
        transit == null || transit.isBlank() ? List.of() : Arrays.asList(transit.split(",")),
        rs.getString("end_use"),
        rs.getString("end_use_statement"),
        parseFlags(rs.getString("red_flags")),
        euc,
        rs.getString("euc_document_name"),
        rs.getString("euc_document_sha256"),
        TransactionStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("last_check_id", Long.class),
        rs.getString("content_hash"),
        instant(rs.getTimestamp("created_at")),
        rs.getLong("created_by_id"),
        rs.getString("created_by"),
        instant(rs.getTimestamp("updated_at")),
        instant(rs.getTimestamp("shipped_at")),
        rs.getString("shipped_by"),
        retain == null ? null : retain.toLocalDate(),
        rs.getBoolean("legal_hold"),
        rs.getString("legal_hold_reason"),
        List.of(),
        List.of());
  }

  /** Answers as {@code FLAG=yes,FLAG=no}; unanswered flags are absent. */
  static String flags(Map<RedFlag, Boolean> answers) {
    StringBuilder sb = new StringBuilder();
    for (RedFlag f : RedFlag.values()) {
      Boolean a = answers.get(f);
      if (a != null) {
        if (!sb.isEmpty()) {
          sb.append(',');
        }
        sb.append(f.name()).append('=').append(a ? "yes" : "no");
      }
    }
    return sb.toString();
  }

  static Map<RedFlag, Boolean> parseFlags(String s) {
    Map<RedFlag, Boolean> out = new EnumMap<>(RedFlag.class);
    if (s != null && !s.isBlank()) {
      for (String part : s.split(",")) {
        String[] kv = part.split("=");
        out.put(RedFlag.valueOf(kv[0]), "yes".equals(kv[1]));
      }
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
