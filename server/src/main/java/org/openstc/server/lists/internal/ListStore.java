package org.openstc.server.lists.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.ListFormat;
import org.openstc.server.lists.DeltaSummary;
import org.openstc.server.lists.VersionStatus;
import org.openstc.server.lists.WatchlistSource;
import org.openstc.server.lists.WatchlistVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of list sources, versions, their entities and stored deltas. */
@Repository
public class ListStore {

  /** Rows per JDBC batch: large enough to amortise round trips, small enough to stay cheap. */
  public static final int BATCH = 500;

  private static final String VERSION_COLUMNS =
      "v.*, case when s.active_version_id = v.id then true else false end as is_active";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final JdbcTemplate streaming;

  public ListStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
    // PostgreSQL streams a result only with a fetch size (inside a transaction); without one a
    // whole list version would be held in memory by the driver.
    this.streaming = new JdbcTemplate(template.getDataSource());
    this.streaming.setFetchSize(1000);
  }

  /** An entity as stored: its JSON and the columns queries use. */
  public record EntityRow(
      String entityId,
      EntityType type,
      String primaryName,
      String fingerprint,
      String content,
      String contentHash) {}

  /** A delta entry as stored. */
  public record DeltaRow(
      String entityId, String kind, String primaryName, String changedFields, String changes) {}

  /** An entity present in two versions with different fingerprints. */
  public record ChangedPair(String entityId, String primaryName, String before, String after) {}

  // ---- sources

  public boolean insertSourceIfAbsent(WatchlistSource s) {
    if (source(s.code()).isPresent()) {
      return false;
    }
    jdbc.sql(
            "insert into list_source (code, name, publisher, format, download_urls, enabled,"
                + " official, created_at) values (:c, :n, :p, :f, :u, :e, :o, :at)")
        .param("c", s.code())
        .param("n", s.name())
        .param("p", s.publisher())
        .param("f", s.format().name())
        .param("u", String.join("\n", s.downloadUrls().stream().map(URI::toString).toList()))
        .param("e", s.enabled())
        .param("o", s.official())
        .param("at", ts(now()))
        .update();
    return true;
  }

  public List<WatchlistSource> sources() {
    return jdbc.sql("select * from list_source order by official desc, code")
        .query(ListStore::source)
        .list();
  }

  public Optional<WatchlistSource> source(String code) {
    return jdbc.sql("select * from list_source where code = :c")
        .param("c", code)
        .query(ListStore::source)
        .optional();
  }

  /**
   * Locks a source row until the transaction ends, so that two imports of one source cannot both
   * compare against and replace the same active version.
   */
  public Optional<WatchlistSource> lockSource(String code) {
    return jdbc.sql("select * from list_source where code = :c for update")
        .param("c", code)
        .query(ListStore::source)
        .optional();
  }

  public void updateEnabled(String code, boolean enabled) {
    jdbc.sql("update list_source set enabled = :e where code = :c")
        .param("e", enabled)
        .param("c", code)
        .update();
  }

  public void updateActive(String code, long versionId) {
    jdbc.sql("update list_source set active_version_id = :v where code = :c")
        .param("v", versionId)
        .param("c", code)
        .update();
  }

  public void recordCheck(String code, String result) {
    jdbc.sql("update list_source set last_checked_at = :at, last_check_result = :r where code = :c")
        .param("at", ts(now()))
        .param("r", result.length() > 2000 ? result.substring(0, 1997) + "..." : result)
        .param("c", code)
        .update();
  }

  // ---- versions

  /** Inserts a version row with no entities yet; returns its id. */
  public long insertVersion(
      String source,
      VersionStatus status,
      ListFormat format,
      String fileName,
      String checksum,
      String importedBy,
      Long previousVersionId,
      String error) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into list_version (source_code, status, format, file_name, checksum,"
                + " imported_at, imported_by, entity_count, person_count, organisation_count,"
                + " vessel_count, aircraft_count, other_count, previous_version_id, added_count,"
                + " removed_count, changed_count, unchanged_count, error) values (:s, :st, :f,"
                + " :fn, :cs, :at, :by, 0, 0, 0, 0, 0, 0, :prev, 0, 0, 0, 0, :err)")
        .param("s", source)
        .param("st", status.name())
        .param("f", format == null ? null : format.name())
        .param("fn", clip(fileName, 1000))
        .param("cs", checksum)
        .param("at", ts(now()))
        .param("by", clip(importedBy, 200))
        .param("prev", previousVersionId)
        .param("err", error == null ? null : clip(error, 4000))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  /** Fills in what reading and comparing found. */
  public void completeVersion(
      long id, LocalDate publicationDate, Map<EntityType, Integer> counts, DeltaSummary delta) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    jdbc.sql(
            "update list_version set publication_date = :pd, entity_count = :n, person_count ="
                + " :pe, organisation_count = :o, vessel_count = :ve, aircraft_count = :a,"
                + " other_count = :u, added_count = :ad, removed_count = :rm, changed_count = :ch,"
                + " unchanged_count = :un where id = :id")
        .param("pd", publicationDate)
        .param("n", total)
        .param("pe", counts.getOrDefault(EntityType.PERSON, 0))
        .param("o", counts.getOrDefault(EntityType.ORGANISATION, 0))
        .param("ve", counts.getOrDefault(EntityType.VESSEL, 0))
        .param("a", counts.getOrDefault(EntityType.AIRCRAFT, 0))
        .param("u", counts.getOrDefault(EntityType.UNKNOWN, 0))
        .param("ad", delta.added())
        .param("rm", delta.removed())
        .param("ch", delta.changed())
        .param("un", delta.unchanged())
        .param("id", id)
        .update();
  }

  public Optional<WatchlistVersion> version(long id) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from list_version v join list_source s on s.code = v.source_code"
                + " where v.id = :id")
        .param("id", id)
        .query(ListStore::version)
        .optional();
  }

  /** Versions newest first, of one source or (source null) of all. */
  public List<WatchlistVersion> versions(String source, int limit) {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from list_version v join list_source s on s.code = v.source_code"
                + (source == null ? "" : " where v.source_code = :s")
                + " order by v.id desc fetch first "
                + Math.max(1, limit)
                + " rows only")
        .params(source == null ? Map.of() : Map.of("s", source))
        .query(ListStore::version)
        .list();
  }

  public List<WatchlistVersion> activeVersions() {
    return jdbc.sql(
            "select "
                + VERSION_COLUMNS
                + " from list_version v join list_source s on s.active_version_id = v.id"
                + " order by s.code")
        .query(ListStore::version)
        .list();
  }

  // ---- entities

  /**
   * Inserts a batch of entities of a version; their JSON is stored only when no earlier version
   * holds the same content.
   *
   * @param mayShare whether the source has earlier versions whose content may be reused
   */
  public void insertEntities(long versionId, List<EntityRow> rows, boolean mayShare) {
    if (rows.isEmpty()) {
      return;
    }
    // The JSON names the source, so only a source with an earlier version can share content.
    Set<String> known =
        !mayShare
            ? Set.of()
            : new HashSet<>(
                jdbc.sql("select content_hash from list_entity_content where content_hash in (:h)")
                    .param("h", rows.stream().map(EntityRow::contentHash).toList())
                    .query(String.class)
                    .list());
    Map<String, String> fresh = new LinkedHashMap<>();
    for (EntityRow r : rows) {
      if (!known.contains(r.contentHash())) {
        fresh.putIfAbsent(r.contentHash(), r.content());
      }
    }
    if (!fresh.isEmpty()) {
      template.batchUpdate(
          "insert into list_entity_content (content_hash, content) values (?, ?)",
          fresh.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList(),
          new int[] {Types.VARCHAR, Types.VARCHAR});
    }
    template.batchUpdate(
        "insert into list_entity (version_id, entity_id, entity_type, primary_name, fingerprint,"
            + " content_hash) values (?, ?, ?, ?, ?, ?)",
        rows.stream()
            .map(r ->
                new Object[] {
                  versionId,
                  r.entityId(),
                  r.type().name(),
                  clip(r.primaryName(), 1000),
                  r.fingerprint(),
                  r.contentHash()
                })
            .toList(),
        new int[] {
          Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
        });
  }

  /** Streams the stored JSON of a version's entities, in entity id order. */
  public void eachEntity(long versionId, Consumer<String> sink) {
    streaming.query(
        "select c.content from list_entity e join list_entity_content c on c.content_hash ="
            + " e.content_hash where e.version_id = ? order by e.entity_id",
        (ResultSet rs) -> {
          sink.accept(rs.getString(1));
        },
        versionId);
  }

  /** Streams the stored JSON of the entities of every active version of enabled sources. */
  public void eachActiveEntity(Consumer<String> sink) {
    streaming.query(
        "select c.content from list_source s join list_entity e on e.version_id ="
            + " s.active_version_id join list_entity_content c on c.content_hash = e.content_hash"
            + " where s.enabled = true order by s.code, e.entity_id",
        (ResultSet rs) -> {
          sink.accept(rs.getString(1));
        });
  }

  public Optional<String> entity(long versionId, String entityId) {
    return jdbc.sql(
            "select c.content from list_entity e join list_entity_content c on c.content_hash ="
                + " e.content_hash where e.version_id = :v and e.entity_id = :e")
        .param("v", versionId)
        .param("e", entityId)
        .query(String.class)
        .optional();
  }

  // ---- deltas

  /** Entities of {@code newer} whose id is not in {@code older}: id and primary name. */
  public List<String[]> onlyIn(long versionId, long otherVersionId) {
    return jdbc.sql(
            "select n.entity_id, n.primary_name from list_entity n where n.version_id = :a and"
                + " not exists (select 1 from list_entity o where o.version_id = :b and"
                + " o.entity_id = n.entity_id) order by n.entity_id")
        .param("a", versionId)
        .param("b", otherVersionId)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  public int countSame(long newer, long older) {
    return jdbc.sql(
            "select count(*) from list_entity n join list_entity o on o.version_id = :o and"
                + " o.entity_id = n.entity_id where n.version_id = :n and n.fingerprint ="
                + " o.fingerprint")
        .param("n", newer)
        .param("o", older)
        .query(Integer.class)
        .single();
  }

  /** Streams the entities in both versions whose fingerprints differ, with both JSON forms. */
  public void eachChanged(long newer, long older, Consumer<ChangedPair> sink) {
    streaming.query(
        "select n.entity_id, n.primary_name, oc.content, nc.content from list_entity n join"
            + " list_entity o on o.version_id = ? and o.entity_id = n.entity_id join"
            + " list_entity_content oc on oc.content_hash = o.content_hash join"
            + " list_entity_content nc on nc.content_hash = n.content_hash where n.version_id = ?"
            + " and n.fingerprint <> o.fingerprint order by n.entity_id",
        (ResultSet rs) -> {
          sink.accept(
              new ChangedPair(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        },
        older,
        newer);
  }

  public void insertDeltaRows(long versionId, List<DeltaRow> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<DeltaRow> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
      template.batchUpdate(
          "insert into list_delta_entry (version_id, entity_id, change_kind, primary_name,"
              + " changed_fields, changes) values (?, ?, ?, ?, ?, ?)",
          chunk.stream()
              .map(r ->
                  new Object[] {
                    versionId,
                    r.entityId(),
                    r.kind(),
                    clip(r.primaryName(), 1000),
                    r.changedFields() == null ? null : clip(r.changedFields(), 2000),
                    r.changes()
                  })
              .toList(),
          new int[] {
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
          });
    }
  }

  public List<DeltaRow> deltaRows(long versionId) {
    return jdbc.sql(
            "select entity_id, change_kind, primary_name, changed_fields, changes from"
                + " list_delta_entry where version_id = :v order by change_kind, entity_id")
        .param("v", versionId)
        .query((rs, i) ->
            new DeltaRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5)))
        .list();
  }

  // ---- mapping

  private static WatchlistSource source(ResultSet rs, int row) throws SQLException {
    String urls = rs.getString("download_urls");
    return new WatchlistSource(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("publisher"),
        ListFormat.valueOf(rs.getString("format")),
        urls == null || urls.isBlank()
            ? List.of()
            : Arrays.stream(urls.split("\n")).map(URI::create).toList(),
        rs.getBoolean("enabled"),
        rs.getBoolean("official"),
        nullableLong(rs, "active_version_id"),
        instant(rs, "last_checked_at"),
        rs.getString("last_check_result"));
  }

  private static WatchlistVersion version(ResultSet rs, int row) throws SQLException {
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    put(counts, EntityType.PERSON, rs.getInt("person_count"));
    put(counts, EntityType.ORGANISATION, rs.getInt("organisation_count"));
    put(counts, EntityType.VESSEL, rs.getInt("vessel_count"));
    put(counts, EntityType.AIRCRAFT, rs.getInt("aircraft_count"));
    put(counts, EntityType.UNKNOWN, rs.getInt("other_count"));
    Long previous = nullableLong(rs, "previous_version_id");
    String format = rs.getString("format");
    return new WatchlistVersion(
        rs.getLong("id"),
        rs.getString("source_code"),
        VersionStatus.valueOf(rs.getString("status")),
        rs.getBoolean("is_active"),
        format == null ? null : ListFormat.valueOf(format),
        rs.getString("file_name"),
        rs.getString("checksum"),
        rs.getObject("publication_date", LocalDate.class),
        instant(rs, "imported_at"),
        rs.getString("imported_by"),
        rs.getInt("entity_count"),
        counts,
        previous,
        new DeltaSummary(
            rs.getInt("added_count"),
            rs.getInt("removed_count"),
            rs.getInt("changed_count"),
            rs.getInt("unchanged_count"),
            previous == null),
        rs.getString("error"));
  }

  private static void put(Map<EntityType, Integer> counts, EntityType type, int n) {
    if (n > 0) {
      counts.put(type, n);
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
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

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
