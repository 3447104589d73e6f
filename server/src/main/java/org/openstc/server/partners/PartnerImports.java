package org.openstc.server.partners;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.partners.internal.PartnerStore;
import org.openstc.server.problems.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of partners from CSV (UTF-8, comma or semicolon) or XLSX, in the background with
 * progress. Rows are upserted by reference in batches of {@value #BATCH} per transaction; each
 * batch is screened and audited as it commits. Bad rows are reported with their line and skipped.
 */
@Service
public class PartnerImports {

  static final int BATCH = 1000;
  private static final int MAX_ERRORS_KEPT = 10_000;
  private static final Logger log = LoggerFactory.getLogger(PartnerImports.class);

  private final PartnerStore store;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  public PartnerImports(
      PartnerStore store,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.store = store;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
  }

  /** Starts importing a file already saved to disk; the file is deleted when done. */
  public PartnerImport start(long organisationId, Actor actor, Path file, String fileName) {
    Job job = new Job(UUID.randomUUID().toString(), organisationId, fileName);
    jobs.put(job.id, job);
    Runnable work =
        new DelegatingSecurityContextRunnable(() -> {
          try {
            run(job, actor, file);
          } finally {
            try {
              Files.deleteIfExists(file);
            } catch (IOException ignored) {
              // a temp file; the OS cleans it
            }
          }
        });
    Thread.ofVirtual().name("partner-import-" + job.id).start(work);
    return job.snapshot();
  }

  /** Imports synchronously (for the command line and tests). */
  public PartnerImport importNow(long organisationId, Actor actor, Path file, String fileName) {
    Job job = new Job(UUID.randomUUID().toString(), organisationId, fileName);
    jobs.put(job.id, job);
    run(job, actor, file);
    return job.snapshot();
  }

  public PartnerImport status(String id, Long scope) {
    Job job = jobs.get(id);
    if (job == null || (scope != null && job.organisationId != scope)) {
      throw new NotFoundException("No partner import with id " + id);
    }
    return job.snapshot();
  }

  private void run(Job job, Actor actor, Path file) {
    long size;
    try {
      size = Math.max(1, Files.size(file));
    } catch (IOException e) {
      job.fail("cannot read the uploaded file: " + e.getMessage());
      return;
    }
    try {
      // Pass 1 checks the whole file, so a broken file imports nothing at all.
      read(
          file,
          (count, parsed) -> {
            job.rowsRead++;
            job.progress = 0.3 * count / size;
            if (parsed.error != null) {
              job.error(parsed.line, parsed.error);
            }
          });
      // Pass 2 writes the good rows in batches, each screened and audited as it commits.
      List<Map.Entry<Long, PartnerDraft>> batch = new ArrayList<>(BATCH);
      read(
          file,
          (count, parsed) -> {
            job.progress = Math.min(0.99, 0.3 + 0.7 * count / size);
            if (parsed.error == null) {
              batch.add(Map.entry(parsed.line, parsed.draft));
              if (batch.size() >= BATCH) {
                flush(job, actor, batch);
              }
            }
          });
      flush(job, actor, batch);
      job.finish();
      log.info(
          "Partner import {} of {}: {} rows, {} created, {} updated, {} errors",
          job.id,
          job.fileName,
          job.rowsRead,
          job.created,
          job.updated,
          job.errorCount);
    } catch (ImportFailure e) {
      job.fail(e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.warn("Partner import {} of {} failed", job.id, job.fileName, e);
      job.fail(
          "the file could not be read after row "
              + job.rowsRead
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  /** Reads every row of a CSV or XLSX file (told apart by content) with the bytes read so far. */
  private static void read(Path file, java.util.function.BiConsumer<Long, Parsed> sink)
      throws IOException {
    try (CountingStream counting = new CountingStream(Files.newInputStream(file))) {
      BufferedInputStream in = new BufferedInputStream(counting);
      in.mark(4);
      byte[] magic = in.readNBytes(2);
      in.reset();
      Consumer<Parsed> rows = parsed -> sink.accept(counting.count, parsed);
      if (magic.length == 2 && magic[0] == 'P' && magic[1] == 'K') {
        readXlsx(in, rows);
      } else {
        readCsv(in, rows);
      }
    }
  }

  private void flush(Job job, Actor actor, List<Map.Entry<Long, PartnerDraft>> batch) {
    if (batch.isEmpty()) {
      return;
    }
    transactions.executeWithoutResult(tx -> {
      List<Long> changed = new ArrayList<>();
      int created = 0;
      int updated = 0;
      Map<String, Partner> known =
          store.byReferences(
              job.organisationId,
              batch.stream()
                  .map(r -> r.getValue().reference())
                  .filter(java.util.Objects::nonNull)
                  .distinct()
                  .toList());
      // Rows of this batch that repeat a reference: the last one wins.
      Map<String, PartnerDraft> newByReference = new java.util.LinkedHashMap<>();
      List<PartnerDraft> inserts = new ArrayList<>();
      for (Map.Entry<Long, PartnerDraft> row : batch) {
        PartnerDraft d = row.getValue();
        Partner existing = d.reference() == null ? null : known.get(d.reference());
        if (existing != null) {
          store.update(existing.id(), d);
          updated++;
          if (!existing.fingerprint().equals(d.fingerprint())) {
            changed.add(existing.id());
          }
        } else if (d.reference() == null) {
          inserts.add(d);
        } else {
          if (newByReference.put(d.reference(), d) != null) {
            updated++;
          }
        }
      }
      inserts.addAll(newByReference.values());
      List<Long> ids = store.insertAll(job.organisationId, inserts);
      changed.addAll(ids);
      created += ids.size();
      audit.record(
          actor,
          AuditEntry.of(
              "PARTNERS_IMPORTED",
              "PartnerImport",
              job.id,
              "Imported rows "
                  + batch.getFirst().getKey()
                  + "–"
                  + batch.getLast().getKey()
                  + " of "
                  + job.fileName
                  + ": "
                  + created
                  + " created, "
                  + updated
                  + " updated"));
      if (!changed.isEmpty()) {
        events.publishEvent(new PartnersChanged(job.organisationId, changed, "import"));
      }
      job.created += created;
      job.updated += updated;
    });
    batch.clear();
  }

  private static void readCsv(InputStream in, Consumer<Parsed> sink) throws IOException {
    Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 4096);
    char[] head = new char[4096];
    int n;
    try {
      n = pushback.read(head);
    } catch (CharacterCodingException e) {
      throw new ImportFailure("the file is not UTF-8 text (save it as CSV UTF-8 or XLSX)");
    }
    if (n <= 0) {
      throw new ImportFailure("the file is empty");
    }
    String first = new String(head, 0, n);
    pushback.unread(head, 0, n);
    int firstLine = first.indexOf('\n') < 0 ? first.length() : first.indexOf('\n');
    String headerLine = first.substring(0, firstLine);
    char delimiter =
        headerLine.chars().filter(c -> c == ';').count()
                > headerLine.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setMaxRows(5_000_000)
            .get();
    try (CSVParser parser = CSVParser.parse(pushback, format)) {
      Columns columns = Columns.of(parser.getHeaderNames());
      var it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
          String msg = e.getMessage() == null ? "" : e.getMessage();
          if (e.getCause() instanceof CharacterCodingException) {
            throw new ImportFailure(
                "the file is not valid UTF-8 near line " + (parser.getCurrentLineNumber() + 1));
          }
          throw new ImportFailure(
              "malformed CSV near line " + (parser.getCurrentLineNumber() + 1) + ": " + msg);
        }
        long line = record.getRecordNumber() + 1;
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parser.getHeaderNames().size() && i < record.size(); i++) {
          values.put(parser.getHeaderNames().get(i), record.get(i));
        }
        sink.accept(columns.parse(line, values));
      }
    }
  }

  private static void readXlsx(InputStream in, Consumer<Parsed> sink) throws IOException {
    try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
      Sheet sheet = workbook.getFirstSheet();
      try (var rows = sheet.openStream()) {
        var it = rows.iterator();
        if (!it.hasNext()) {
          throw new ImportFailure("the first sheet is empty");
        }
        Row header = it.next();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.getCellCount(); i++) {
          names.add(header.getCellText(i));
        }
        Columns columns = Columns.of(names);
        while (it.hasNext()) {
          Row row = it.next();
          Map<String, String> values = new HashMap<>();
          boolean any = false;
          for (int i = 0; i < names.size() && i < row.getCellCount(); i++) {
            String text = row.getCellText(i);
            values.put(names.get(i), text);
            any |= text != null && !text.isBlank();
          }
          if (any) {
            sink.accept(columns.parse(row.getRowNum(), values));
          }
        }
      }
    } catch (ImportFailure e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ImportFailure("not a readable XLSX workbook: " + e.getMessage());
    }
  }

  /** One row turned into a draft, or the reason it could not be. */
  record Parsed(long line, PartnerDraft draft, String error) {}

  /** Maps the file's header names (in the usual spellings) to partner fields. */
  record Columns(Map<String, String> fieldByHeader) {

    private static final Map<String, String> ALIASES =
        Map.ofEntries(
            Map.entry("reference", "reference"),
            Map.entry("ref", "reference"),
            Map.entry("id", "reference"),
            Map.entry("customer_no", "reference"),
            Map.entry("partner_id", "reference"),
            Map.entry("name", "name"),
            Map.entry("partner_name", "name"),
            Map.entry("type", "type"),
            Map.entry("party_type", "type"),
            Map.entry("roles", "roles"),
            Map.entry("role", "roles"),
            Map.entry("country", "country"),
            Map.entry("country_code", "country"),
            Map.entry("address", "address"),
            Map.entry("street", "address"),
            Map.entry("city", "city"),
            Map.entry("postal_code", "postal_code"),
            Map.entry("zip", "postal_code"),
            Map.entry("postcode", "postal_code"),
            Map.entry("birth_date", "birth_date"),
            Map.entry("date_of_birth", "birth_date"),
            Map.entry("dob", "birth_date"),
            Map.entry("identifiers", "identifiers"),
            Map.entry("ids", "identifiers"),
            Map.entry("aliases", "aliases"),
            Map.entry("aka", "aliases"),
            Map.entry("notes", "notes"));

    static Columns of(List<String> headers) {
      Map<String, String> byHeader = new HashMap<>();
      for (String h : headers) {
        String key =
            h == null
                ? ""
                : h.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
        String field = ALIASES.get(key);
        if (field != null) {
          byHeader.put(h, field);
        }
      }
      if (!byHeader.containsValue("name")) {
        throw new ImportFailure(
            "the header has no 'name' column (found: "
                + String.join(", ", headers)
                + "); expected columns: reference,name,type,roles,country,address,city,postal_code,"
                + "birth_date,identifiers,aliases,notes");
      }
      return new Columns(byHeader);
    }

    Parsed parse(long line, Map<String, String> raw) {
      Map<String, String> v = new HashMap<>();
      raw.forEach((header, value) -> {
        String field = fieldByHeader.get(header);
        if (field != null) {
          v.put(field, value);
        }
      });
      try {
        Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
        for (String r :
            PartnerDraft.splitList(
                v.get("roles") == null ? null : v.get("roles").replace(',', ';'))) {
          try {
            roles.add(
                PartnerRole.valueOf(
                    r.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "role '"
                    + r
                    + "' is not one of "
                    + java.util.Arrays.toString(PartnerRole.values()));
          }
        }
        PartnerDraft draft =
            new PartnerDraft(
                v.get("reference"),
                v.get("name"),
                PartnerDraft.splitList(v.get("aliases")),
                PartyType.parse(v.get("type")),
                roles,
                v.get("country"),
                v.get("address"),
                v.get("city"),
                v.get("postal_code"),
                v.get("birth_date"),
                PartnerDraft.splitList(v.get("identifiers")),
                v.get("notes"));
        return new Parsed(line, draft, null);
      } catch (IllegalArgumentException e) {
        return new Parsed(line, null, e.getMessage());
      }
    }
  }

  /** The whole file cannot be imported (not CSV/XLSX, no name column, broken quoting ...). */
  static final class ImportFailure extends RuntimeException {
    ImportFailure(String message) {
      super(message);
    }
  }

  private static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  private static final class Job {
    final String id;
    final long organisationId;
    final String fileName;
    final Instant startedAt = Instant.now();
    volatile PartnerImport.State state = PartnerImport.State.RUNNING;
    volatile double progress;
    volatile int rowsRead;
    volatile int created;
    volatile int updated;
    volatile int errorCount;
    volatile String failure;
    volatile Instant finishedAt;
    final List<PartnerImport.RowError> errors =
        java.util.Collections.synchronizedList(new ArrayList<>());

    Job(String id, long organisationId, String fileName) {
      this.id = id;
      this.organisationId = organisationId;
      this.fileName = fileName;
    }

    void error(long line, String message) {
      errorCount++;
      if (errors.size() < MAX_ERRORS_KEPT) {
        errors.add(new PartnerImport.RowError(line, message));
      }
    }

    void finish() {
      progress = 1;
      state = PartnerImport.State.DONE;
      finishedAt = Instant.now();
    }

    void fail(String message) {
      failure = message;
      state = PartnerImport.State.FAILED;
      finishedAt = Instant.now();
    }

    PartnerImport snapshot() {
      List<PartnerImport.RowError> copy;
      synchronized (errors) {
        copy = List.copyOf(errors);
      }
      return new PartnerImport(
          id,
          organisationId,
          fileName,
          state,
          progress,
          rowsRead,
          created,
          updated,
          copy,
          errorCount,
          failure,
          startedAt,
          finishedAt);
    }
  }
}
