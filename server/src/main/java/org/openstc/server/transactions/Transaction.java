package org.openstc.server.transactions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stored transaction with its lines, parties, answers, certificate, status, retention and legal
 * hold. The creator is kept so that nobody releases their own transaction.
 */
public record Transaction(
    long id,
    long organisationId,
    String reference,
    TransactionKind kind,
    String destination,
    List<String> transit,
    String endUse,
    String endUseStatement,
    Map<RedFlag, Boolean> redFlags,
    EndUseCertificate euc,
    String eucDocumentName,
    String eucDocumentSha256,
    TransactionStatus status,
    Long lastCheckId,
    String contentHash,
    Instant createdAt,
    long createdById,
    String createdBy,
    Instant updatedAt,
    Instant shippedAt,
    String shippedBy,
    LocalDate retainUntil,
    boolean legalHold,
    String legalHoldReason,
    List<TransactionLine> lines,
    List<TransactionParty> parties) {

  public Transaction {
    transit = List.copyOf(transit);
    redFlags = Map.copyOf(redFlags);
    lines = List.copyOf(lines);
    parties = List.copyOf(parties);
  }

  public boolean hasEucDocument() {
    return eucDocumentSha256 != null;
  }

  /** The draft that would recreate this transaction (for edits and re-checks). */
  public TransactionDraft draft() {
    return new TransactionDraft(
        reference,
        kind,
        destination,
        transit,
        endUse,
        endUseStatement,
        lines.stream()
            .map(l ->
                new TransactionDraft.LineDraft(
                    l.productId(), null, l.quantity(), l.value(), l.currency()))
            .toList(),
        parties.stream()
            .map(p -> new TransactionDraft.PartyDraft(p.role(), p.partnerId(), null))
            .toList(),
        redFlags,
        euc);
  }
}
