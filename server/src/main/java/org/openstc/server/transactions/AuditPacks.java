package org.openstc.server.transactions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditRecord;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.licences.LicenceUse;
import org.openstc.server.transactions.internal.TransactionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit pack of a transaction for an authority or an auditor: a ZIP with the transaction, every
 * check with its reasons, every override, the licence uses, the audit records of the transaction,
 * its parties' alerts and its licences as JSON, the signed end-user certificate, and a PDF summary.
 */
@Service
public class AuditPacks {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Transactions transactions;
  private final TransactionStore store;
  private final AuditTrail audit;
  private final JsonMapper json;

  public AuditPacks(
      Transactions transactions, TransactionStore store, AuditTrail audit, JsonMapper json) {
    this.transactions = transactions;
    this.store = store;
    this.audit = audit;
    this.json = json;
  }

  /** Writes the pack to the stream and records that it was exported. */
  @Transactional
  public void write(long id, SignedInUser user, OutputStream target) throws IOException {
    Transaction t = transactions.get(id, user);
    ZipOutputStream zip = new ZipOutputStream(target);
    String summary = entries(t, user, zip, "");
    zip.finish();
    audit.record(
        AuditEntry.of(
            "TRANSACTION_AUDIT_PACK_EXPORTED",
            "Transaction",
            id,
            "Exported the audit pack of " + t.reference() + " (" + summary + ")"));
  }

  /**
   * Writes one pack for every transaction entered in the period (inclusive days, UTC), each in a
   * folder named by its reference, with an index; records the export.
   */
  @Transactional
  public int writePeriod(
      java.time.LocalDate from, java.time.LocalDate to, SignedInUser user, OutputStream target)
      throws IOException {
    if (from == null || to == null || to.isBefore(from)) {
      throw new org.openstc.server.problems.InvalidRequestException(
          "from, to: a period like from=2026-01-01&to=2026-12-31");
    }
    java.time.Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    java.time.Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<TransactionStore.Summary> all =
        store.list(user.organisationScope(), null, null, 1000).stream()
            .filter(s -> !s.createdAt().isBefore(start) && s.createdAt().isBefore(end))
            .toList();
    ZipOutputStream zip = new ZipOutputStream(target);
    List<Map<String, Object>> index = new ArrayList<>();
    for (TransactionStore.Summary s : all.reversed()) {
      Transaction t = transactions.get(s.id(), user);
      String folder = t.reference().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + t.id() + "/";
      entries(t, user, zip, folder);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("reference", t.reference());
      m.put("status", t.status());
      m.put("folder", folder);
      index.add(m);
    }
    put(zip, "index.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
    zip.finish();
    audit.record(
        AuditEntry.of(
            "TRANSACTIONS_AUDIT_PACK_EXPORTED",
            "Transaction",
            from + ".." + to,
            "Exported the audit pack of "
                + all.size()
                + " transactions entered "
                + from
                + " to "
                + to));
    return all.size();
  }

  private String entries(Transaction t, SignedInUser user, ZipOutputStream zip, String prefix)
      throws IOException {
    long id = t.id();
    List<TransactionStore.StoredCheck> checks = store.checks(id);
    List<TransactionOverride> overrides = store.overrides(id);
    List<LicenceUse> uses = transactions.licenceUses(id, user);
    List<AuditRecord> trail = trail(t, uses);
    List<Map<String, Object>> checkDocs = new ArrayList<>();
    for (TransactionStore.StoredCheck c : checks) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("checkId", c.id());
      m.put("checkedAt", c.checkedAt());
      m.put("checkedBy", c.checkedBy());
      m.put("trigger", c.trigger());
      m.put("result", c.result());
      m.put("resultBeforeOverrides", c.rawResult());
      m.put("contentHash", c.contentHash());
      m.put("rulesStamp", c.rulesStamp());
      m.put("detail", json.readTree(c.detailJson()));
      checkDocs.add(m);
    }
    var writer = json.writerWithDefaultPrettyPrinter();
    put(zip, prefix + "transaction.json", writer.writeValueAsBytes(t));
    put(zip, prefix + "checks.json", writer.writeValueAsBytes(checkDocs));
    put(zip, prefix + "overrides.json", writer.writeValueAsBytes(overrides));
    put(zip, prefix + "licence-uses.json", writer.writeValueAsBytes(uses));
    put(zip, prefix + "audit-trail.json", writer.writeValueAsBytes(trail));
    var euc = transactions.endUseCertificateFile(id, user);
    if (euc.isPresent() && Files.isRegularFile(euc.get().file())) {
      put(zip, prefix + "documents/" + euc.get().name(), Files.readAllBytes(euc.get().file()));
    }
    CheckResult last = transactions.lastCheck(id, user).orElse(null);
    put(zip, prefix + "summary.pdf", pdf(t, last, checks, overrides, uses, trail));
    return checks.size() + " checks, " + trail.size() + " audit records";
  }

  /** The audit records of the transaction, its parties' alerts and the licences it used. */
  private List<AuditRecord> trail(Transaction t, List<LicenceUse> uses) {
    List<AuditRecord> out = new ArrayList<>();
    Long org = t.organisationId();
    out.addAll(
        audit.search(
            new AuditQuery(
                org, null, null, "Transaction", Long.toString(t.id()), null, null, 0, 500)));
    Set<Long> licenceIds = new LinkedHashSet<>();
    uses.forEach(u -> licenceIds.add(u.licenceId()));
    t.lines()
        .forEach(l -> {
          if (l.licenceId() != null) {
            licenceIds.add(l.licenceId());
          }
        });
    for (Long l : licenceIds) {
      out.addAll(
          audit.search(
              new AuditQuery(org, null, null, "Licence", Long.toString(l), null, null, 0, 500)));
    }
    List<AuditRecord> alerts =
        audit.search(new AuditQuery(org, null, null, "Alert", null, null, null, 0, 500));
    for (AuditRecord r : alerts) {
      boolean concerns = t.parties().stream().anyMatch(p -> r.summary().contains(p.name()));
      if (concerns) {
        out.add(r);
      }
    }
    out.sort(java.util.Comparator.comparingLong(AuditRecord::seq));
    return out;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] pdf(
      Transaction t,
      CheckResult last,
      List<TransactionStore.StoredCheck> checks,
      List<TransactionOverride> overrides,
      List<LicenceUse> uses,
      List<AuditRecord> trail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter.getInstance(doc, out);
    doc.open();
    Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
    doc.add(new Paragraph("Audit pack: " + t.reference(), h1));
    doc.add(
        new Paragraph(
            t.kind().label()
                + " to "
                + t.destination()
                + (t.transit().isEmpty() ? "" : " via " + String.join(", ", t.transit()))
                + " · status "
                + t.status()
                + " · entered by "
                + t.createdBy()
                + " on "
                + TIME.format(t.createdAt())
                + (t.shippedAt() == null
                    ? ""
                    : " · shipped by " + t.shippedBy() + " on " + TIME.format(t.shippedAt()))
                + (t.retainUntil() == null ? "" : " · keep until " + t.retainUntil())
                + (t.legalHold() ? " · LEGAL HOLD: " + t.legalHoldReason() : ""),
            body));
    doc.add(new Paragraph("Lines", h2));
    PdfPTable lines = new PdfPTable(new float[] {1, 3, 5, 2, 2, 2});
    lines.setWidthPercentage(100);
    for (String h : List.of("#", "Part", "Description", "Quantity", "Value", "Licence")) {
      lines.addCell(new org.openpdf.text.Phrase(h, h2));
    }
    for (TransactionLine l : t.lines()) {
      lines.addCell(new org.openpdf.text.Phrase(Integer.toString(l.position()), body));
      lines.addCell(new org.openpdf.text.Phrase(l.partNumber(), body));
      lines.addCell(new org.openpdf.text.Phrase(l.description(), body));
      lines.addCell(
          new org.openpdf.text.Phrase(l.quantity().stripTrailingZeros().toPlainString(), body));
      lines.addCell(
          new org.openpdf.text.Phrase(l.value().toPlainString() + " " + l.currency(), body));
      lines.addCell(
          new org.openpdf.text.Phrase(l.licenceId() == null ? "—" : "#" + l.licenceId(), body));
    }
    doc.add(lines);
    doc.add(new Paragraph("Parties", h2));
    for (TransactionParty p : t.parties()) {
      doc.add(
          new Paragraph(
              p.role().label()
                  + ": "
                  + p.name()
                  + (p.country() == null ? "" : " (" + p.country() + ")"),
              body));
    }
    if (last != null) {
      doc.add(new Paragraph("Last check: " + last.result(), h2));
      for (CheckResult.Reason r : last.reasons()) {
        doc.add(
            new Paragraph(
                r.effect()
                    + " · "
                    + r.subject()
                    + ": "
                    + r.explanation()
                    + " ["
                    + r.legalBasis()
                    + "]",
                body));
      }
    }
    doc.add(new Paragraph("Checks", h2));
    for (TransactionStore.StoredCheck c : checks) {
      doc.add(
          new Paragraph(
              TIME.format(c.checkedAt())
                  + " · "
                  + c.result()
                  + (c.result() != c.rawResult() ? " (rules: " + c.rawResult() + ")" : "")
                  + " · "
                  + c.trigger()
                  + " · by "
                  + c.checkedBy(),
              body));
    }
    if (!overrides.isEmpty()) {
      doc.add(new Paragraph("Overrides (four-eyes)", h2));
      for (TransactionOverride o : overrides) {
        doc.add(
            new Paragraph(
                o.overrides()
                    + " override requested by "
                    + o.requestedBy()
                    + ": "
                    + o.reason()
                    + " · "
                    + o.status()
                    + (o.decidedBy() == null
                        ? ""
                        : " by " + o.decidedBy() + ": " + o.decisionReason()),
                body));
      }
    }
    if (!uses.isEmpty()) {
      doc.add(new Paragraph("Licence depletion", h2));
      for (LicenceUse u : uses) {
        doc.add(
            new Paragraph(
                u.licenceNumber()
                    + ": "
                    + u.quantity().stripTrailingZeros().toPlainString()
                    + " units, "
                    + u.value().toPlainString()
                    + " "
                    + u.currency()
                    + " on "
                    + TIME.format(u.usedAt()),
                body));
      }
    }
    doc.add(new Paragraph("Audit trail", h2));
    for (AuditRecord r : trail) {
      doc.add(
          new Paragraph(
              "#"
                  + r.seq()
                  + " "
                  + TIME.format(r.occurredAt())
                  + " "
                  + r.actor()
                  + " "
                  + r.action()
                  + ": "
                  + r.summary(),
              body));
    }
    doc.close();
    return out.toByteArray();
  }
}
