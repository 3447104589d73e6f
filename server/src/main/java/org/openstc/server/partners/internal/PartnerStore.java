package org.openstc.server.partners.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.PartnerDraft;
import org.openstc.server.partners.PartnerRole;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.partners.PartyType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Partner rows. */
@Repository
public class PartnerStore {

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate batch;

  public PartnerStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public long insert(long organisationId, PartnerDraft d) {
    Instant now = now();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into partner (organisation_id, reference, name, aliases, party_type, roles,"
                + " country, address, city, postal_code, birth_date, identifiers, notes, status,"
                + " fingerprint, created_at, updated_at, archived) values (:org, :ref, :name,"
                + " :aliases, :type, :roles, :country, :address, :city, :postal, :birth, :ids,"
                + " :notes, 'UNSCREENED', :fp, :at, :at, false)")
        .param("org", organisationId)
        .params(columns(d))
        .param("at", ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Inserts many partners in one batch statement and returns their ids in order. */
  public List<Long> insertAll(long organisationId, List<PartnerDraft> drafts) {
    if (drafts.isEmpty()) {
      return List.of();
    }
    OffsetDateTime at = ts(now());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    batch.batchUpdate(
        connection ->
            connection.prepareStatement(
                "insert into partner (organisation_id, reference, name, aliases, party_type, roles,"
                    + " country, address, city, postal_code, birth_date, identifiers, notes, status,"
                    + " fingerprint, created_at, updated_at, archived) values (?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, 'UNSCREENED', ?, ?, ?, false)",
                new String[] {"id"}),
        new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
          @Override
          public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
            PartnerDraft d = drafts.get(i);
            java.util.Map<String, Object> c = columns(d);
            ps.setLong(1, organisationId);
            ps.setObject(2, c.get("ref"));
            ps.setObject(3, c.get("name"));
            ps.setObject(4, c.get("aliases"));
            ps.setObject(5, c.get("type"));
            ps.setObject(6, c.get("roles"));
            ps.setObject(7, c.get("country"));
            ps.setObject(8, c.get("address"));
            ps.setObject(9, c.get("city"));
            ps.setObject(10, c.get("postal"));
            ps.setObject(11, c.get("birth"));
            ps.setObject(12, c.get("ids"));
            ps.setObject(13, c.get("notes"));
            ps.setObject(14, c.get("fp"));
            ps.setObject(15, at);
            ps.setObject(16, at);
          }

          @Override
          public int getBatchSize() {
            return drafts.size();
          }
        },
        keys);
    List<Long> ids = new ArrayList<>(drafts.size());
    for (java.util.Map<String, Object> row : keys.getKeyList()) {
      Object id = row.get("id") != null ? row.get("id") : row.get("ID");
      ids.add(((Number) id).longValue());
    }
    if (ids.size() != drafts.size()) {
      throw new IllegalStateException(
          "the database returned " + ids.size() + " keys for " + drafts.size() + " partners");
    }
    return ids;
  }

  public void update(long id, PartnerDraft d) {
    jdbc.sql(
            "update partner set reference = :ref, name = :name, aliases = :aliases, party_type ="
                + " :type, roles = :roles, country = :country, address = :address, city = :city,"
                + " postal_code = :postal, birth_date = :birth, identifiers = :ids, notes = :notes,"
                + " fingerprint = :fp, updated_at = :at where id = :id")
        .params(columns(d))
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public void updateStatus(long id, PartnerStatus status, boolean screened) {
    if (screened) {
      jdbc.sql("update partner set status = :s, last_screened_at = :at where id = :id")
          .param("s", status.name())
          .param("at", ts(now()))
          .param("id", id)
          .update();
    } else {
      jdbc.sql("update partner set status = :s where id = :id")
          .param("s", status.name())
          .param("id", id)
          .update();
    }
  }

  /** Sets status and screening time of many partners in one batch. */
  public void updateStatuses(java.util.Map<Long, PartnerStatus> statuses) {
    if (statuses.isEmpty()) {
      return;
    }
    OffsetDateTime at = ts(now());
    List<Object[]> rows = new ArrayList<>(statuses.size());
    statuses.forEach((id, status) -> rows.add(new Object[] {status.name(), at, id}));
    batch.batchUpdate("update partner set status = ?, last_screened_at = ? where id = ?", rows);
  }

  public List<Long> organisationsWithPartners() {
    return jdbc.sql("select distinct organisation_id from partner where archived = false")
        .query(Long.class)
        .list();
  }

  public void archive(long id) {
    jdbc.sql("update partner set archived = true, updated_at = :at where id = :id")
        .param("at", ts(now()))
        .param("id", id)
        .update();
  }

  public Optional<Partner> byId(long id) {
    return jdbc.sql("select * from partner where id = :id and archived = false")
        .param("id", id)
        .query(PartnerStore::map)
        .optional();
  }

  public Optional<Partner> byReference(long organisationId, String reference) {
    return jdbc.sql(
            "select * from partner where organisation_id = :org and reference = :ref and archived ="
                + " false")
        .param("org", organisationId)
        .param("ref", reference)
        .query(PartnerStore::map)
        .optional();
  }

  /** Active partners of an organisation by reference, for the given references. */
  public java.util.Map<String, Partner> byReferences(long organisationId, List<String> references) {
    java.util.Map<String, Partner> out = new java.util.HashMap<>();
    for (int i = 0; i < references.size(); i += 500) {
      jdbc.sql(
              "select * from partner where organisation_id = :org and archived = false and reference in"
                  + " (:refs)")
          .param("org", organisationId)
          .param("refs", references.subList(i, Math.min(references.size(), i + 500)))
          .query(PartnerStore::map)
          .list()
          .forEach(p -> out.put(p.reference(), p));
    }
    return out;
  }

  public List<Partner> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Partner> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i += 500) {
      out.addAll(
          jdbc.sql("select * from partner where id in (:ids) and archived = false")
              .param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
              .query(PartnerStore::map)
              .list());
    }
    return out;
  }

  /**
   * Partners of one organisation (or all when null), filtered by text and status, a page at a time.
   */
  public List<Partner> search(
      Long organisationId, String text, PartnerStatus status, int page, int size) {
    StringBuilder sql = new StringBuilder("select * from partner where archived = false");
    List<Object> params = new ArrayList<>();
    filters(organisationId, text, status, sql, params);
    sql.append(" order by name, id offset ")
        .append((long) page * size)
        .append(" rows fetch next ")
        .append(size)
        .append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(PartnerStore::map).list();
  }

  public long count(Long organisationId, String text, PartnerStatus status) {
    StringBuilder sql = new StringBuilder("select count(*) from partner where archived = false");
    List<Object> params = new ArrayList<>();
    filters(organisationId, text, status, sql, params);
    return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
  }

  /** Streams every active partner (all organisations) to the consumer, for full re-screens. */
  public void forEach(java.util.function.Consumer<Partner> consumer) {
    jdbc.sql("select * from partner where archived = false order by id")
        .query(rs -> {
          consumer.accept(map(rs, 0));
        });
  }

  private static void filters(
      Long organisationId,
      String text,
      PartnerStatus status,
      StringBuilder sql,
      List<Object> params) {
    if (organisationId != null) {
      sql.append(" and organisation_id = ?");
      params.add(organisationId);
    }
    if (text != null && !text.isBlank()) {
      sql.append(" and (lower(name) like ? or lower(coalesce(reference,'')) like ?)");
      String like = "%" + text.strip().toLowerCase() + "%";
      params.add(like);
      params.add(like);
    }
    if (status != null) {
      sql.append(" and status = ?");
      params.add(status.name());
    }
  }

  private static java.util.Map<String, Object> columns(PartnerDraft d) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("ref", d.reference());
    m.put("name", d.name());
    m.put("aliases", d.aliases().isEmpty() ? null : String.join("\n", d.aliases()));
    m.put("type", d.type().name());
    m.put("roles", d.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    m.put("country", d.country());
    m.put("address", d.address());
    m.put("city", d.city());
    m.put("postal", d.postalCode());
    m.put("birth", d.birthDate());
    m.put("ids", d.identifiers().isEmpty() ? null : String.join("\n", d.identifiers()));
    m.put("notes", d.notes());
    m.put("fp", d.fingerprint());
    return m;
  }

  static Partner map(ResultSet rs, int row) throws SQLException {
    Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
    for (String r : rs.getString("roles").split(",")) {
      if (!r.isBlank()) {
        roles.add(PartnerRole.valueOf(r));
      }
    }
    return new Partner(
        rs.getLong("id"),
        rs.getLong("organisation_id"),
        rs.getString("reference"),
        rs.getString("name"),
        lines(rs.getString("aliases")),
        PartyType.valueOf(rs.getString("party_type")),
        roles,
        rs.getString("country"),
        rs.getString("address"),
        rs.getString("city"),
        rs.getString("postal_code"),
        rs.getString("birth_date"),
        lines(rs.getString("identifiers")),
        rs.getString("notes"),
        PartnerStatus.valueOf(rs.getString("status")),
        rs.getString("fingerprint"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "last_screened_at"));
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
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
