package org.openstc.server.controls.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openstc.controls.list.ControlEntry;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.server.controls.ControlListKind;
import org.openstc.server.controls.ImportedVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of imported control list versions, their entries, and restrictive measure edits. */
@Repository
public class ControlListStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public ControlListStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A saved measure edit: the measure's JSON and who saved it. */
  public record MeasureEdit(String measureId, String json, Instant editedAt, String editedBy) {}

  /** Records an imported file that is not a control list (Country Chart, Country Groups). */
  public ImportedVersion insertReferenceFile(
      String listId,
      String title,
      ControlListKind kind,
      String legalSource,
      LocalDate validFrom,
      String fileName,
      String checksum,
      int rows,
      String importedBy) {
    jdbc.sql(
            "insert into control_list_version (list_id, title, jurisdiction, kind, legal_source,"
                + " valid_from, origin, file_name, checksum, entry_count, imported_at, imported_by)"
                + " values (:l, :t, 'US', :k, :s, :d, :o, :f, :c, :n, :at, :by)")
        .param("l", listId)
        .param("t", title)
        .param("k", kind.name())
        .param("s", legalSource)
        .param("d", validFrom)
        .param("o", cut(fileName, 2000))
        .param("f", cut(fileName, 300))
        .param("c", checksum)
        .param("n", rows)
        .param("at", OffsetDateTime.now(ZoneOffset.UTC))
        .param("by", importedBy)
        .update();
    long id =
        jdbc.sql("select max(id) from control_list_version where list_id = :l and checksum = :c")
            .param("l", listId)
            .param("c", checksum)
            .query(Long.class)
            .single();
    return byId(id).orElseThrow();
  }

  public ImportedVersion insertVersion(
      ControlListVersion v,
      ControlListKind kind,
      String fileName,
      String checksum,
      String importedBy) {
    Instant now = Instant.now();
    jdbc.sql(
            "insert into control_list_version (list_id, title, jurisdiction, kind, legal_source,"
                + " valid_from, origin, file_name, checksum, entry_count, imported_at, imported_by)"
                + " values (:l, :t, :j, :k, :s, :d, :o, :f, :c, :n, :at, :by)")
        .param("l", v.listId())
        .param("t", cut(v.title(), 500))
        .param("j", v.jurisdiction().name())
        .param("k", kind.name())
        .param("s", cut(v.source().legalSource(), 2000))
        .param("d", v.source().validFrom())
        .param("o", cut(v.source().origin(), 2000))
        .param("f", cut(fileName, 300))
        .param("c", checksum)
        .param("n", v.entries().size())
        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .param("by", importedBy)
        .update();
    long id =
        jdbc.sql("select max(id) from control_list_version where list_id = :l and checksum = :c")
            .param("l", v.listId())
            .param("c", checksum)
            .query(Long.class)
            .single();
    List<Object[]> rows = new ArrayList<>(v.entries().size());
    int position = 0;
    for (ControlEntry e : v.entries().values()) {
      rows.add(
          new Object[] {
            id,
            position++,
            e.code().value(),
            e.parent() == null ? null : e.parent().value(),
            e.text(),
            e.parameters().isEmpty() ? null : String.join("\n", e.parameters()),
            e.notes().isEmpty() ? null : String.join("\n", e.notes()),
            e.regime().name(),
            e.reasonsForControl().isEmpty() ? null : String.join(",", e.reasonsForControl())
          });
    }
    template.batchUpdate(
        "insert into control_list_entry (version_id, position, code, parent, entry_text,"
            + " parameters, notes, regime, reasons) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return byId(id).orElseThrow();
  }

  /** The id of the latest import (0 when none), to notice imports by another process. */
  public long latestImportId() {
    return jdbc.sql("select coalesce(max(id), 0) from control_list_version")
        .query(Long.class)
        .single();
  }

  public void setStoredFile(long id, String storedFile) {
    jdbc.sql("update control_list_version set stored_file = :f where id = :id")
        .param("f", storedFile)
        .param("id", id)
        .update();
  }

  public Optional<ImportedVersion> byId(long id) {
    return jdbc.sql("select * from control_list_version where id = :id")
        .param("id", id)
        .query(ControlListStore::version)
        .optional();
  }

  public Optional<ImportedVersion> byChecksum(String listId, String checksum) {
    return jdbc
        .sql("select * from control_list_version where list_id = :l and checksum = :c order by id")
        .param("l", listId)
        .param("c", checksum)
        .query(ControlListStore::version)
        .list()
        .stream()
        .findFirst();
  }

  /** Every imported version, in import order. */
  public List<ImportedVersion> all() {
    return jdbc.sql("select * from control_list_version order by id")
        .query(ControlListStore::version)
        .list();
  }

  public int entryCount(long versionId) {
    return jdbc.sql("select count(*) from control_list_entry where version_id = :id")
        .param("id", versionId)
        .query(Integer.class)
        .single();
  }

  public List<MeasureEdit> measureEdits() {
    return jdbc.sql("select * from restrictive_measure_edit order by measure_id")
        .query((rs, n) ->
            new MeasureEdit(
                rs.getString("measure_id"),
                rs.getString("measure_json"),
                instant(rs, "edited_at"),
                rs.getString("edited_by")))
        .list();
  }

  public void saveMeasure(String id, String json, String by) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int updated =
        jdbc.sql(
                "update restrictive_measure_edit set measure_json = :j, edited_at = :at,"
                    + " edited_by = :by where measure_id = :id")
            .param("j", json)
            .param("at", now)
            .param("by", by)
            .param("id", id)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into restrictive_measure_edit (measure_id, measure_json, edited_at,"
                  + " edited_by) values (:id, :j, :at, :by)")
          .param("id", id)
          .param("j", json)
          .param("at", now)
          .param("by", by)
          .update();
    }
  }

  private static ImportedVersion version(ResultSet rs, int n) throws SQLException {
    return new ImportedVersion(
        rs.getLong("id"),
        rs.getString("list_id"),
        rs.getString("title"),
        rs.getString("jurisdiction"),
        ControlListKind.valueOf(rs.getString("kind")),
        rs.getString("legal_source"),
        rs.getObject("valid_from", LocalDate.class),
        rs.getString("origin"),
        rs.getString("file_name"),
        rs.getString("stored_file"),
        rs.getString("checksum"),
        rs.getInt("entry_count"),
        instant(rs, "imported_at"),
        rs.getString("imported_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
