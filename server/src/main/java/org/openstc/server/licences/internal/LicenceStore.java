package org.openstc.server.licences.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openstc.server.licences.Licence;
import org.openstc.server.licences.LicenceDraft;
import org.openstc.server.licences.LicenceKind;
import org.openstc.server.licences.LicenceUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of the licence register and of the shipments recorded against each licence. */
@Repository
public class LicenceStore {

  private static final String LICENCE =
      "select l.*, (select coalesce(sum(u.quantity), 0) from licence_use u where u.licence_id ="
          + " l.id) as quantity_used, (select coalesce(sum(u.line_value), 0) from licence_use u"
          + " where u.licence_id = l.id) as value_used from licence l";

  private final JdbcClient jdbc;

  public LicenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long organisationId, LicenceDraft d, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into licence (organisation_id, number, kind, authority, valid_from,"
                + " valid_until, items, destinations, party_ids, conditions, quantity_limit,"
                + " value_limit, currency, tolerance_percent, status, created_at, created_by)"
                + " values (:o, :n, :k, :a, :vf, :vu, :i, :d, :p, :c, :ql, :vl, :cur, :t,"
                + " 'ACTIVE', :at, :by)")
        .param("o", organisationId)
        .param("n", d.number())
        .param("k", d.kind().name())
        .param("a", d.authority())
        .param("vf", d.validFrom())
        .param("vu", d.validUntil())
        .param("i", String.join("\n", d.items()))
        .param("d", String.join(",", d.destinations()))
        .param("p", String.join(",", d.partyIds().stream().map(String::valueOf).toList()))
        .param("c", d.conditions())
        .param("ql", d.quantityLimit())
        .param("vl", d.valueLimit())
        .param("cur", d.currency())
        .param("t", d.tolerancePercent())
        .param("at", now())
        .param("by", by)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public boolean numberTaken(long organisationId, String number) {
    return jdbc.sql("select count(*) from licence where organisation_id = :o and number = :n")
            .param("o", organisationId)
            .param("n", number)
            .query(Long.class)
            .single()
        > 0;
  }

  public void revoke(long id) {
    jdbc.sql("update licence set status = 'REVOKED' where id = :id").param("id", id).update();
  }

  public Optional<Licence> byId(long id) {
    return jdbc.sql(LICENCE + " where l.id = :id").param("id", id).query(this::licence).optional();
  }

  public List<Licence> list(Long scope) {
    return jdbc.sql(
            LICENCE
                + (scope == null ? "" : " where l.organisation_id = :o")
                + " order by l.valid_until nulls last, l.number")
        .params(scope == null ? java.util.Map.of() : java.util.Map.of("o", scope))
        .query(this::licence)
        .list();
  }

  public long insertUse(
      long licenceId,
      long transactionId,
      long lineId,
      BigDecimal quantity,
      BigDecimal value,
      String currency,
      String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into licence_use (licence_id, transaction_id, line_id, quantity, line_value,"
                + " currency, used_at, used_by) values (:l, :t, :li, :q, :v, :c, :at, :by)")
        .param("l", licenceId)
        .param("t", transactionId)
        .param("li", lineId)
        .param("q", quantity)
        .param("v", value)
        .param("c", currency)
        .param("at", now())
        .param("by", by)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public List<LicenceUse> uses(Long licenceId, Long transactionId) {
    String where =
        licenceId != null ? " where u.licence_id = :id" : " where u.transaction_id = :id";
    return jdbc.sql(
            "select u.*, l.number from licence_use u join licence l on l.id = u.licence_id"
                + where
                + " order by u.id")
        .param("id", licenceId != null ? licenceId : transactionId)
        .query((rs, n) ->
            new LicenceUse(
                rs.getLong("id"),
                rs.getLong("licence_id"),
                rs.getString("number"),
                rs.getLong("transaction_id"),
                rs.getLong("line_id"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("line_value"),
                rs.getString("currency"),
                instant(rs.getTimestamp("used_at")),
                rs.getString("used_by")))
        .list();
  }

  private Licence licence(ResultSet rs, int n) throws SQLException {
    java.sql.Date vu = rs.getDate("valid_until");
    return new Licence(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("number"),
        LicenceKind.valueOf(rs.getString("kind")),
        rs.getString("authority"),
        rs.getDate("valid_from").toLocalDate(),
        vu == null ? null : vu.toLocalDate(),
        split(rs.getString("items"), "\n"),
        split(rs.getString("destinations"), ","),
        split(rs.getString("party_ids"), ",").stream().map(Long::valueOf).toList(),
        rs.getString("conditions"),
        rs.getBigDecimal("quantity_limit"),
        rs.getBigDecimal("value_limit"),
        rs.getString("currency"),
        rs.getBigDecimal("tolerance_percent"),
        "REVOKED".equals(rs.getString("status")),
        rs.getBigDecimal("quantity_used"),
        rs.getBigDecimal("value_used"),
        instant(rs.getTimestamp("created_at")),
        rs.getString("created_by"));
  }

  private static List<String> split(String s, String sep) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return Arrays.stream(s.split(sep)).map(String::strip).filter(x -> !x.isEmpty()).toList();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
