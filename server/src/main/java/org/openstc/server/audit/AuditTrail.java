package org.openstc.server.audit;

import java.util.List;

/**
 * The append-only, hash-chained record of every change in OpenSTC. Every module writes through it,
 * inside the transaction of the change itself, so a change and its record commit together.
 */
public interface AuditTrail {

  /** Records an entry for the user of the current request (or {@link Actor#SYSTEM}). */
  AuditRecord record(AuditEntry entry);

  /** Records an entry for an explicit actor, e.g. a command-line administrator. */
  AuditRecord record(Actor actor, AuditEntry entry);

  List<AuditRecord> search(AuditQuery query);

  long count(AuditQuery query);

  /** Re-computes every record's hash and the links between them. */
  AuditVerification verify();
}
