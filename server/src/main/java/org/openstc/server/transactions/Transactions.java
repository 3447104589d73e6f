package org.openstc.server.transactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openstc.controls.country.CountryCode;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.OrganisationKind;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.items.ClassificationStatus;
import org.openstc.server.items.Product;
import org.openstc.server.items.ProductClassification;
import org.openstc.server.items.ProductDetail;
import org.openstc.server.items.Products;
import org.openstc.server.licences.Licence;
import org.openstc.server.licences.LicenceKind;
import org.openstc.server.licences.LicenceUse;
import org.openstc.server.licences.Licences;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.Partners;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.openstc.server.storage.StorageProperties;
import org.openstc.server.transactions.internal.TransactionStore;
import org.openstc.server.transactions.internal.TransactionStore.StoredCheck;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transactions and their checks, holds and releases: the transactions module's API. Every stored
 * transaction is checked on every change; a hold is released by a covering licence or by one
 * officer's documented override approved by a second; nobody releases their own transaction;
 * shipping re-checks when anything changed and records what it used of each licence.
 */
@Service
public class Transactions {

  private final TransactionStore store;
  private final Products products;
  private final Partners partners;
  private final Licences licences;
  private final ControlListCatalogue catalogue;
  private final AuditTrail audit;
  private final StorageProperties storage;
  private final RecordsProperties records;
  private final JsonMapper json;

  public Transactions(
      TransactionStore store,
      Products products,
      Partners partners,
      Licences licences,
      ControlListCatalogue catalogue,
      AuditTrail audit,
      StorageProperties storage,
      RecordsProperties records,
      JsonMapper json) {
    this.store = store;
    this.products = products;
    this.partners = partners;
    this.licences = licences;
    this.catalogue = catalogue;
    this.audit = audit;
    this.storage = storage;
    this.records = records;
    this.json = json;
  }

  // ---------------------------------------------------------------- entering transactions

  /** Stores a new transaction and checks it at once. */
  @Transactional
  public CheckResult create(TransactionDraft draft, SignedInUser user) {
    requireExporterUser(user);
    ResolvedTransaction r = resolve(draft, user, Map.of(), null, null);
    if (store.referenceTaken(user.organisationId(), draft.reference(), null)) {
      throw new ConflictException(
          "reference: transaction " + draft.reference() + " already exists");
    }
    String hash = contentHash(r);
    long id =
        store.insert(user.organisationId(), r.draft(), hash, user.userId(), user.getUsername());
    audit.record(
        AuditEntry.of(
                "TRANSACTION_CREATED",
                "Transaction",
                id,
                "Entered "
                    + draft.kind().label().toLowerCase(Locale.ROOT)
                    + " "
                    + draft.reference()
                    + " to "
                    + draft.destination()
                    + " ("
                    + draft.lines().size()
                    + " lines, "
                    + draft.parties().size()
                    + " parties)")
            .withStates(null, describe(r)));
    return runCheck(id, user, "entered");
  }

  /** Replaces a transaction's content (not after shipping) and checks it again. */
  @Transactional
  public CheckResult update(long id, TransactionDraft draft, SignedInUser user) {
    requireExporterUser(user);
    Transaction before = get(id, user);
    requireNotShipped(before);
    if (store.referenceTaken(before.organisationId(), draft.reference(), id)) {
      throw new ConflictException(
          "reference: transaction " + draft.reference() + " already exists");
    }
    ResolvedTransaction r =
        resolve(
            draft,
            user,
            Map.of(),
            before.hasEucDocument() ? before.eucDocumentSha256() : null,
            before);
    store.replace(id, r.draft(), contentHash(r));
    // The store keeps the licences of lines whose product did not move: hash what it stored.
    store.setContentHash(id, contentHash(resolve(get(id, user), user)));
    audit.record(
        AuditEntry.of("TRANSACTION_CHANGED", "Transaction", id, "Changed " + draft.reference())
            .withStates(describe(resolve(before, user)), describe(r)));
    return runCheck(id, user, "changed");
  }

  @Transactional(readOnly = true)
  public Transaction get(long id, SignedInUser user) {
    return get(id, user.organisationScope());
  }

  @Transactional(readOnly = true)
  public Transaction get(long id, Long scope) {
    return store
        .byId(id)
        .filter(t -> scope == null || t.organisationId() == scope)
        .orElseThrow(() -> new NotFoundException("No transaction with id " + id));
  }

  @Transactional(readOnly = true)
  public Optional<Long> idByReference(SignedInUser user, String reference) {
    return store.idByReference(user.organisationId(), reference);
  }

  @Transactional(readOnly = true)
  public List<TransactionStore.Summary> list(
      SignedInUser user, TransactionStatus status, String q, int limit) {
    return store.list(user.organisationScope(), status, q, limit);
  }

  @Transactional(readOnly = true)
  public Map<TransactionStatus, Long> countByStatus(Long scope) {
    return store.countByStatus(scope);
  }

  /** Seconds from the first hold to the release, per released transaction (for the dashboard). */
  @Transactional(readOnly = true)
  public List<Long> releaseSeconds(Long scope) {
    return store.releaseSeconds(scope);
  }

  /** Attaches the signed end-user certificate (a new file replaces the previous one). */
  @Transactional
  public CheckResult attachEndUseCertificate(
      long id, String fileName, String contentType, InputStream content, SignedInUser user) {
    requireExporterUser(user);
    Transaction t = get(id, user);
    requireNotShipped(t);
    String name = safeFileName(fileName);
    Path folder = folder(t.id());
    String stored = UUID.randomUUID().toString();
    Path target = folder.resolve(stored);
    long size = 0;
    String sha256;
    long limit = 20L * 1024 * 1024;
    try {
      Files.createDirectories(folder);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
        byte[] buf = new byte[65536];
        int n;
        while ((n = content.read(buf)) > 0 && size <= limit) {
          size += n;
          out.write(buf, 0, n);
        }
      }
      sha256 = HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new IllegalStateException("cannot store the document in " + folder, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (size == 0 || size > limit) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // a refused upload leaves at most a stray file
      }
      throw new InvalidRequestException(
          size == 0 ? "file: the document is empty" : "file: larger than 20 MB");
    }
    String type =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    store.setEucDocument(t.id(), name, type, sha256, stored, t.contentHash());
    store.setContentHash(t.id(), contentHash(resolve(get(id, user), user)));
    audit.record(
        AuditEntry.of(
            "TRANSACTION_EUC_ATTACHED",
            "Transaction",
            t.id(),
            "Attached end-user certificate "
                + name
                + " ("
                + size
                + " bytes, sha256 "
                + sha256.substring(0, 12)
                + "…) to "
                + t.reference()));
    return runCheck(t.id(), user, "end-user certificate attached");
  }

  /** The stored EUC file of a transaction in the user's scope. */
  @Transactional(readOnly = true)
  public Optional<DocumentFile> endUseCertificateFile(long id, SignedInUser user) {
    Transaction t = get(id, user);
    return store
        .eucDocument(t.id())
        .map(d -> new DocumentFile(d[2], d[1], folder(t.id()).resolve(d[0])));
  }

  /** A stored document: its name, content type and file. */
  public record DocumentFile(String name, String contentType, Path file) {}

  // ---------------------------------------------------------------- the check

  /** Checks a draft without storing anything (the ERP's "may I ship this?"). */
  @Transactional(readOnly = true)
  public CheckResult checkDraft(
      TransactionDraft draft, boolean eucDocumentOnFile, SignedInUser user) {
    requireExporterUser(user);
    ResolvedTransaction r =
        resolve(draft, user, Map.of(), eucDocumentOnFile ? "on file" : null, null);
    TransactionCheck.Evaluation e = evaluate(r, user.organisationId());
    return new CheckResult(
        null, null, draft.reference(), e.raw(), e.reasons(), e.lines(), Instant.now());
  }

  /** Checks a stored transaction again and records the result. */
  @Transactional
  public CheckResult check(long id, SignedInUser user) {
    Transaction t = get(id, user);
    requireNotShipped(t);
    return runCheck(id, user, "checked on request");
  }

  @Transactional(readOnly = true)
  public List<CheckResult> checks(long id, SignedInUser user) {
    get(id, user);
    return store.checks(id).stream().map(this::result).toList();
  }

  @Transactional(readOnly = true)
  public Optional<CheckResult> lastCheck(long id, SignedInUser user) {
    Transaction t = get(id, user);
    return t.lastCheckId() == null
        ? Optional.empty()
        : store.check(t.lastCheckId()).map(this::result);
  }

  private CheckResult result(StoredCheck c) {
    return json.readValue(c.detailJson(), CheckResult.class);
  }

  private CheckResult runCheck(long id, SignedInUser user, String trigger) {
    String by = user.getUsername();
    Transaction t = store.byId(id).orElseThrow();
    ResolvedTransaction r = resolve(t, user);
    TransactionCheck.Evaluation e = evaluate(r, t.organisationId());
    List<CheckResult.Reason> reasons = new ArrayList<>(e.reasons());
    Verdict result = e.raw();
    if (result != Verdict.RELEASED) {
      for (TransactionOverride o : store.overrides(id)) {
        if (o.status() == TransactionOverride.Status.APPROVED
            && o.overrides() == e.raw()
            && o.contentHash().equals(t.contentHash())) {
          result = Verdict.RELEASED;
          reasons.add(
              new CheckResult.Reason(
                  "override.applied",
                  "release",
                  Verdict.RELEASED,
                  "Released by the documented override of "
                      + o.requestedBy()
                      + ", approved by "
                      + o.decidedBy()
                      + ": "
                      + o.reason(),
                  "Four-eyes release by two export control officers (ICP elements 3 and 4,"
                      + " Recommendation (EU) 2019/1318)"));
          break;
        }
      }
    }
    CheckResult draft =
        new CheckResult(id, null, t.reference(), result, reasons, e.lines(), Instant.now());
    String stamp = rulesStamp(r, t.organisationId());
    long checkId =
        store.insertCheck(
            id,
            result,
            e.raw(),
            t.contentHash(),
            stamp,
            json.writeValueAsString(draft),
            by,
            trigger);
    CheckResult stored =
        new CheckResult(id, checkId, t.reference(), result, reasons, e.lines(), draft.checkedAt());
    store.setStatus(id, TransactionStatus.of(result), checkId);
    audit.record(
        AuditEntry.of(
                "TRANSACTION_CHECKED",
                "Transaction",
                id,
                t.reference()
                    + " "
                    + result
                    + " ("
                    + trigger
                    + ")"
                    + (result == Verdict.RELEASED
                        ? ""
                        : ": "
                            + String.join(
                                " | ",
                                reasons.stream()
                                    .filter(x -> x.effect() != Verdict.RELEASED)
                                    .map(CheckResult.Reason::explanation)
                                    .toList())))
            .withStates(t.status().name(), result.name()));
    return stored;
  }

  private TransactionCheck.Evaluation evaluate(ResolvedTransaction r, long organisationId) {
    List<Licence> registrations =
        licences.list(organisationId).stream()
            .filter(l -> l.kind() == LicenceKind.GENERAL_AUTHORISATION)
            .toList();
    return TransactionCheck.evaluate(
        r, catalogue.referenceData().determiner(), registrations, LocalDate.now());
  }

  // ---------------------------------------------------------------- releases

  /** Assigns a licence (or registration) to a held line, or removes it (null), and re-checks. */
  @Transactional
  public CheckResult assignLicence(long id, long lineId, Long licenceId, SignedInUser user) {
    requireOfficer(user);
    Transaction t = get(id, user);
    requireNotShipped(t);
    requireNotCreator(t, user, "assign licences to");
    TransactionLine line =
        t.lines().stream()
            .filter(l -> l.id() == lineId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No line " + lineId + " in " + t.reference()));
    Licence licence = licenceId == null ? null : licences.get(licenceId, t.organisationId());
    store.setLineLicence(lineId, licenceId);
    store.setContentHash(id, contentHash(resolve(get(id, user), user)));
    audit.record(
        AuditEntry.of(
                licence == null ? "TRANSACTION_LICENCE_REMOVED" : "TRANSACTION_LICENCE_ASSIGNED",
                "Transaction",
                id,
                (licence == null
                        ? "Removed the licence from "
                        : "Assigned " + licence.number() + " to ")
                    + "line "
                    + line.position()
                    + " ("
                    + line.partNumber()
                    + ") of "
                    + t.reference())
            .withStates(
                line.licenceId() == null ? null : "licence=" + line.licenceId(),
                licence == null ? null : "licence=" + licence.id()));
    return runCheck(id, user, licence == null ? "licence removed" : "licence assigned");
  }

  /** The first officer documents an override of the current hold (or block). */
  @Transactional
  public TransactionOverride requestOverride(long id, String reason, SignedInUser user) {
    requireOfficer(user);
    Transaction t = get(id, user);
    requireNotShipped(t);
    requireNotCreator(t, user, "override");
    String why = requireReason(reason);
    StoredCheck last = t.lastCheckId() == null ? null : store.check(t.lastCheckId()).orElse(null);
    if (last == null || last.rawResult() == Verdict.RELEASED) {
      throw new ConflictException(t.reference() + " is not held: nothing to override");
    }
    boolean pending =
        store.overrides(id).stream()
            .anyMatch(o -> o.status() == TransactionOverride.Status.REQUESTED);
    if (pending) {
      throw new ConflictException("An override of " + t.reference() + " is already waiting");
    }
    long oid =
        store.insertOverride(
            id, last.rawResult(), t.contentHash(), why, user.userId(), user.getUsername());
    audit.record(
        AuditEntry.of(
            "TRANSACTION_OVERRIDE_REQUESTED",
            "Transaction",
            id,
            "Asked to override the "
                + last.rawResult()
                + " of "
                + t.reference()
                + " (a second officer must approve): "
                + why));
    return override(id, oid);
  }

  /** A second officer approves or refuses an override; an approval releases the transaction. */
  @Transactional
  public CheckResult decideOverride(
      long id, long overrideId, boolean approve, String reason, SignedInUser user) {
    requireOfficer(user);
    Transaction t = get(id, user);
    requireNotShipped(t);
    requireNotCreator(t, user, "release");
    String why = requireReason(reason);
    TransactionOverride o = override(id, overrideId);
    if (o.status() != TransactionOverride.Status.REQUESTED) {
      throw new ConflictException("Override " + overrideId + " was already " + o.status());
    }
    if (o.requestedById() == user.userId()) {
      throw new ForbiddenException(
          "Four-eyes: a second export control officer must approve the override you requested");
    }
    if (approve && !o.contentHash().equals(t.contentHash())) {
      throw new ConflictException(
          "The transaction changed since the override was requested; request it again");
    }
    store.decideOverride(
        overrideId,
        approve ? TransactionOverride.Status.APPROVED : TransactionOverride.Status.REFUSED,
        user.getUsername(),
        why);
    audit.record(
        AuditEntry.of(
                approve ? "TRANSACTION_OVERRIDE_APPROVED" : "TRANSACTION_OVERRIDE_REFUSED",
                "Transaction",
                id,
                (approve ? "Approved" : "Refused")
                    + " the override of "
                    + t.reference()
                    + " requested by "
                    + o.requestedBy()
                    + ": "
                    + why)
            .withStates("REQUESTED", approve ? "APPROVED" : "REFUSED"));
    return runCheck(id, user, approve ? "override approved" : "override refused");
  }

  @Transactional(readOnly = true)
  public List<TransactionOverride> overrides(long id, SignedInUser user) {
    get(id, user);
    return store.overrides(id);
  }

  private TransactionOverride override(long id, long overrideId) {
    return store.overrides(id).stream()
        .filter(o -> o.id() == overrideId)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No override " + overrideId));
  }

  // ---------------------------------------------------------------- shipping

  /**
   * Ships a released transaction: re-checks first when the transaction, a party, a classification,
   * a licence balance or the rules changed since the last check; refuses unless RELEASED; records
   * the depletion of every licence used; starts the retention period.
   */
  @Transactional(noRollbackFor = ConflictException.class)
  public CheckResult ship(long id, SignedInUser user) {
    requireExporterUser(user);
    Transaction t = get(id, user);
    requireNotShipped(t);
    ResolvedTransaction r = resolve(t, user);
    StoredCheck last = t.lastCheckId() == null ? null : store.check(t.lastCheckId()).orElse(null);
    CheckResult check;
    if (last == null
        || !last.contentHash().equals(t.contentHash())
        || !last.rulesStamp().equals(rulesStamp(r, t.organisationId()))) {
      String what =
          last == null
              ? "never checked"
              : !last.contentHash().equals(t.contentHash())
                  ? "transaction changed"
                  : "lists, rules, parties or licences changed";
      check = runCheck(id, user, "pre-shipment re-check: " + what);
    } else {
      check = result(last);
      check =
          new CheckResult(
              id,
              last.id(),
              check.reference(),
              check.result(),
              check.reasons(),
              check.lines(),
              check.checkedAt());
    }
    if (check.result() != Verdict.RELEASED) {
      throw new ConflictException(
          "Not shipped: the pre-shipment check found "
              + t.reference()
              + " "
              + check.result()
              + ": "
              + String.join(
                  " | ",
                  check.reasons().stream()
                      .filter(x -> x.effect() != Verdict.RELEASED)
                      .map(CheckResult.Reason::explanation)
                      .toList()));
    }
    Map<Integer, TransactionLine> byPosition = new HashMap<>();
    t.lines().forEach(l -> byPosition.put(l.position(), l));
    List<String> used = new ArrayList<>();
    for (CheckResult.LineResult lr : check.lines()) {
      if (lr.licenceId() == null) {
        continue;
      }
      TransactionLine l = byPosition.get(lr.line());
      licences.recordUse(
          lr.licenceId(), id, l.id(), l.quantity(), l.value(), l.currency(), user.getUsername());
      used.add(lr.licenceNumber() + " (line " + lr.line() + ")");
    }
    LocalDate retain = retainUntil(r, LocalDate.now());
    store.ship(id, user.getUsername(), retain);
    audit.record(
        AuditEntry.of(
                "TRANSACTION_SHIPPED",
                "Transaction",
                id,
                "Shipped "
                    + t.reference()
                    + (used.isEmpty() ? "" : "; licences used: " + String.join(", ", used))
                    + "; records kept until "
                    + retain)
            .withStates(t.status().name(), TransactionStatus.SHIPPED.name()));
    return check;
  }

  @Transactional(readOnly = true)
  public List<LicenceUse> licenceUses(long id, SignedInUser user) {
    get(id, user);
    return licences.usesOfTransaction(id);
  }

  /** The end of the retention: the end of the export year plus the longest period that applies. */
  LocalDate retainUntil(ResolvedTransaction r, LocalDate exportDay) {
    int years = records.retentionYears();
    for (ResolvedTransaction.Line l : r.lines()) {
      for (ProductClassification c : l.classifications()) {
        if (c.status() == ClassificationStatus.APPROVED) {
          years =
              Math.max(years, records.retentionByJurisdiction().getOrDefault(c.jurisdiction(), 0));
        }
      }
    }
    return LocalDate.of(exportDay.getYear(), 12, 31).plusYears(years);
  }

  /** Sets or lifts a legal hold, which keeps the records past their retention. */
  @Transactional
  public Transaction legalHold(long id, boolean hold, String reason, SignedInUser user) {
    requireOfficer(user);
    Transaction t = get(id, user);
    String why = requireReason(reason);
    store.setLegalHold(id, hold, hold ? why : null);
    audit.record(
        AuditEntry.of(
            hold ? "TRANSACTION_LEGAL_HOLD" : "TRANSACTION_LEGAL_HOLD_LIFTED",
            "Transaction",
            id,
            (hold ? "Legal hold on " : "Lifted the legal hold on ") + t.reference() + ": " + why));
    return get(id, user);
  }

  // ---------------------------------------------------------------- resolution

  private ResolvedTransaction resolve(Transaction t, SignedInUser user) {
    Map<Integer, Licence> assigned = new HashMap<>();
    Map<Integer, Long> lineIds = new HashMap<>();
    for (TransactionLine l : t.lines()) {
      lineIds.put(l.position(), l.id());
      if (l.licenceId() != null) {
        assigned.put(l.position(), licences.get(l.licenceId(), null));
      }
    }
    return resolve(t.draft(), user, assigned, t.eucDocumentSha256(), t, lineIds);
  }

  private ResolvedTransaction resolve(
      TransactionDraft d,
      SignedInUser user,
      Map<Integer, Licence> assigned,
      String eucSha,
      Transaction stored) {
    return resolve(d, user, assigned, eucSha, stored, Map.of());
  }

  /**
   * Looks up countries, products (by id or part number, with their classifications) and partners
   * (by id or reference) in the organisation; anything unknown is a 400 naming the field.
   */
  private ResolvedTransaction resolve(
      TransactionDraft d,
      SignedInUser user,
      Map<Integer, Licence> assigned,
      String eucSha,
      Transaction stored,
      Map<Integer, Long> lineIds) {
    long org = stored != null ? stored.organisationId() : user.organisationId();
    if (user == null) {
      throw new IllegalStateException("resolving a transaction needs the acting user");
    }
    var countries = catalogue.referenceData().countries();
    if (countries.get(CountryCode.of(d.destination())).isEmpty()) {
      throw new InvalidRequestException(
          "destination: '" + d.destination() + "' is not a known country");
    }
    for (int i = 0; i < d.transit().size(); i++) {
      if (countries.get(CountryCode.of(d.transit().get(i))).isEmpty()) {
        throw new InvalidRequestException(
            "transit[" + i + "]: '" + d.transit().get(i) + "' is not a known country");
      }
    }
    if (d.euc().country() != null
        && (!d.euc().country().matches("[A-Z]{2}")
            || countries.get(CountryCode.of(d.euc().country())).isEmpty())) {
      throw new InvalidRequestException(
          "euc.country: '" + d.euc().country() + "' is not a known country");
    }
    Map<Long, ProductDetail> cache = new HashMap<>();
    Map<String, Long> partNumbers = new HashMap<>();
    List<ResolvedTransaction.Line> lines = new ArrayList<>();
    List<TransactionDraft.LineDraft> normalisedLines = new ArrayList<>();
    for (int i = 0; i < d.lines().size(); i++) {
      TransactionDraft.LineDraft l = d.lines().get(i);
      ProductDetail detail = product(l, i, org, user, cache, partNumbers);
      Product p = detail.product();
      String currency = l.currency().strip().toUpperCase(Locale.ROOT);
      lines.add(
          new ResolvedTransaction.Line(
              i + 1,
              lineIds.get(i + 1),
              p,
              detail.classifications(),
              l.quantity(),
              l.value(),
              currency,
              assigned.get(i + 1)));
      normalisedLines.add(
          new TransactionDraft.LineDraft(p.id(), null, l.quantity(), l.value(), currency));
    }
    List<ResolvedTransaction.Party> parties = new ArrayList<>();
    List<TransactionDraft.PartyDraft> normalisedParties = new ArrayList<>();
    for (int i = 0; i < d.parties().size(); i++) {
      TransactionDraft.PartyDraft p = d.parties().get(i);
      Partner partner = partner(p, i, org);
      parties.add(new ResolvedTransaction.Party(p.role(), partner));
      normalisedParties.add(new TransactionDraft.PartyDraft(p.role(), partner.id(), null));
    }
    TransactionDraft normalised =
        new TransactionDraft(
            d.reference(),
            d.kind(),
            d.destination(),
            d.transit(),
            d.endUse(),
            d.endUseStatement(),
            normalisedLines,
            normalisedParties,
            d.redFlags(),
            d.euc());
    return new ResolvedTransaction(normalised, lines, parties, eucSha != null, eucSha);
  }

  private ProductDetail product(
      TransactionDraft.LineDraft l,
      int i,
      long org,
      SignedInUser user,
      Map<Long, ProductDetail> cache,
      Map<String, Long> partNumbers) {
    String field = "lines[" + i + "]";
    Long id = l.productId();
    if (id == null) {
      String part = l.partNumber().strip();
      id = partNumbers.get(part.toUpperCase(Locale.ROOT));
    }
    if (id == null) {
      String part = l.partNumber().strip();
      id =
          products.products(user, part).stream()
              .filter(x -> x.organisationId() == org && x.partNumber().equalsIgnoreCase(part))
              .findFirst()
              .orElseThrow(() ->
                  new InvalidRequestException(
                      field + ".partNumber: no product '" + part + "' in your organisation"))
              .id();
      partNumbers.put(part.toUpperCase(Locale.ROOT), id);
    }
    ProductDetail cached = cache.get(id);
    if (cached != null) {
      return cached;
    }
    Long productId = id;
    ProductDetail detail;
    try {
      detail = products.detail(productId, user);
    } catch (NotFoundException e) {
      detail = null;
    }
    if (detail == null || detail.product().organisationId() != org) {
      throw new InvalidRequestException(
          field + ".productId: no product " + productId + " in your organisation");
    }
    cache.put(id, detail);
    return detail;
  }

  private Partner partner(TransactionDraft.PartyDraft p, int i, long org) {
    String field = "parties[" + i + "]";
    if (p.partnerId() != null) {
      try {
        return partners.get(p.partnerId(), org);
      } catch (NotFoundException e) {
        throw new InvalidRequestException(
            field + ".partnerId: no partner " + p.partnerId() + " in your organisation");
      }
    }
    String ref = p.partnerReference().strip();
    return partners.search(org, ref, null, 0, 50).stream()
        .filter(x -> ref.equalsIgnoreCase(x.reference()))
        .findFirst()
        .orElseThrow(() ->
            new InvalidRequestException(
                field + ".partnerReference: no partner '" + ref + "' in your organisation"));
  }

  // ---------------------------------------------------------------- fingerprints

  /** What the transaction says, including licence assignments and the attached certificate. */
  static String contentHash(ResolvedTransaction r) {
    StringBuilder sb = new StringBuilder(describe(r));
    for (ResolvedTransaction.Line l : r.lines()) {
      sb.append("|licence:").append(l.licence() == null ? "-" : l.licence().id());
    }
    sb.append("|euc-doc:").append(r.eucDocumentSha256());
    return sha256(sb.toString());
  }

  /**
   * What the check relied on besides the transaction: parties, classifications, licences, rules.
   */
  String rulesStamp(ResolvedTransaction r, long organisationId) {
    StringBuilder sb = new StringBuilder();
    sb.append("rules:").append(System.identityHashCode(catalogue.referenceData()));
    sb.append("|day:").append(LocalDate.now());
    for (ResolvedTransaction.Party p : r.parties()) {
      sb.append("|p")
          .append(p.partner().id())
          .append(p.partner().status())
          .append(p.partner().fingerprint());
    }
    for (ResolvedTransaction.Line l : r.lines()) {
      for (ProductClassification c : l.classifications()) {
        sb.append("|c").append(c.id()).append(c.status());
      }
    }
    for (Licence l : licences.list(organisationId)) {
      sb.append("|l")
          .append(l.id())
          .append(l.revoked())
          .append(l.validUntil())
          .append(l.quantityUsed())
          .append(l.valueUsed());
    }
    return sha256(sb.toString());
  }

  static String describe(ResolvedTransaction r) {
    TransactionDraft d = r.draft();
    StringBuilder sb = new StringBuilder();
    sb.append("reference=")
        .append(d.reference())
        .append(", kind=")
        .append(d.kind())
        .append(", destination=")
        .append(d.destination())
        .append(", transit=")
        .append(d.transit())
        .append(", endUse=")
        .append(d.endUse())
        .append(", statement=")
        .append(d.endUseStatement())
        .append(", lines=[");
    for (ResolvedTransaction.Line l : r.lines()) {
      sb.append(l.position())
          .append(": ")
          .append(l.product().partNumber())
          .append(" x ")
          .append(l.quantity().stripTrailingZeros().toPlainString())
          .append(" = ")
          .append(l.value().toPlainString())
          .append(' ')
          .append(l.currency())
          .append("; ");
    }
    sb.append("], parties=[");
    for (ResolvedTransaction.Party p : r.parties()) {
      sb.append(p.role())
          .append(": ")
          .append(p.partner().name())
          .append(" (")
          .append(p.partner().id())
          .append("); ");
    }
    sb.append("], redFlags=")
        .append(new java.util.TreeMap<>(d.redFlags()))
        .append(", euc=")
        .append(d.euc());
    return sb.toString();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- rules of who may do what

  private static void requireExporterUser(SignedInUser user) {
    if (user.organisationKind() != OrganisationKind.EXPORTER
        || !(user.has(Role.COMPLIANCE_USER) || user.has(Role.EXPORT_CONTROL_OFFICER))) {
      throw new ForbiddenException(
          "Only compliance users and export control officers of an exporter enter transactions");
    }
  }

  private static void requireOfficer(SignedInUser user) {
    if (!user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException("Only an export control officer may do this");
    }
  }

  private static void requireNotCreator(Transaction t, SignedInUser user, String what) {
    if (t.createdById() == user.userId()) {
      throw new ForbiddenException(
          "Nobody may " + what + " their own transaction: another officer must do it");
    }
  }

  private static void requireNotShipped(Transaction t) {
    if (t.status() == TransactionStatus.SHIPPED) {
      throw new ConflictException(t.reference() + " was shipped; it can no longer change");
    }
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason: a documented reason is required");
    }
    if (reason.length() > 4000) {
      throw new InvalidRequestException("reason: at most 4000 characters");
    }
    return reason.strip();
  }

  private Path folder(long id) {
    return storage
        .dataDir()
        .resolve("documents")
        .resolve("transactions")
        .resolve(Long.toString(id));
  }

  static String safeFileName(String fileName) {
    String n = fileName == null ? "" : fileName.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      n = "document";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }
}
