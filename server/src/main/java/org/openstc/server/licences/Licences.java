package org.openstc.server.licences;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.OrganisationKind;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.licences.internal.LicenceStore;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exporter's licence register: individual and global licences and general-authorisation
 * registrations, what shipments used of them, and which expire soon. The licences module's API;
 * export control officers manage it, every change is audited.
 */
@Service
public class Licences {

  /** Licences expiring within this many days are shown as warnings. */
  public static final int EXPIRY_WARNING_DAYS = 60;

  private final LicenceStore store;
  private final AuditTrail audit;

  public Licences(LicenceStore store, AuditTrail audit) {
    this.store = store;
    this.audit = audit;
  }

  @Transactional
  public Licence register(LicenceDraft draft, SignedInUser user) {
    requireOfficer(user);
    if (user.organisationKind() != OrganisationKind.EXPORTER) {
      throw new ForbiddenException("Only exporter organisations keep a licence register");
    }
    if (store.numberTaken(user.organisationId(), draft.number())) {
      throw new ConflictException("Licence " + draft.number() + " is already registered");
    }
    long id = store.insert(user.organisationId(), draft, user.getUsername());
    Licence l = store.byId(id).orElseThrow();
    audit.record(
        AuditEntry.of(
                "LICENCE_REGISTERED",
                "Licence",
                id,
                "Registered "
                    + draft.kind().label().toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + draft.number()
                    + " ("
                    + draft.authority()
                    + ", valid "
                    + draft.validFrom()
                    + (draft.validUntil() == null ? "" : " to " + draft.validUntil())
                    + ")")
            .withStates(null, describe(l)));
    return l;
  }

  @Transactional
  public Licence revoke(long id, String reason, SignedInUser user) {
    requireOfficer(user);
    Licence l = get(id, user.organisationScope());
    if (reason == null || reason.isBlank()) {
      throw new org.openstc.server.problems.InvalidRequestException("reason: required");
    }
    store.revoke(id);
    audit.record(
        AuditEntry.of(
                "LICENCE_REVOKED", "Licence", id, "Revoked " + l.number() + ": " + reason.strip())
            .withStates("ACTIVE", "REVOKED"));
    return store.byId(id).orElseThrow();
  }

  /** A licence visible in the scope (null: any organisation); others' licences are not found. */
  @Transactional(readOnly = true)
  public Licence get(long id, Long scope) {
    return store
        .byId(id)
        .filter(l -> scope == null || l.organisationId() == scope)
        .orElseThrow(() -> new NotFoundException("No licence with id " + id));
  }

  @Transactional(readOnly = true)
  public List<Licence> list(Long scope) {
    return store.list(scope);
  }

  /** Valid licences of the scope that expire within {@link #EXPIRY_WARNING_DAYS}. */
  @Transactional(readOnly = true)
  public List<Licence> expiringSoon(Long scope) {
    LocalDate today = LocalDate.now();
    return store.list(scope).stream()
        .filter(l -> l.expiresWithin(today, EXPIRY_WARNING_DAYS))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<LicenceUse> uses(long licenceId, Long scope) {
    get(licenceId, scope);
    return store.uses(licenceId, null);
  }

  @Transactional(readOnly = true)
  public List<LicenceUse> usesOfTransaction(long transactionId) {
    return store.uses(null, transactionId);
  }

  /**
   * Records a shipment against a licence (called by the transactions module when shipping, inside
   * its transaction): the quantity and value deplete the balance.
   */
  @Transactional
  public LicenceUse recordUse(
      long licenceId,
      long transactionId,
      long lineId,
      BigDecimal quantity,
      BigDecimal value,
      String currency,
      String by) {
    Licence l = store.byId(licenceId).orElseThrow();
    long id = store.insertUse(licenceId, transactionId, lineId, quantity, value, currency, by);
    Licence after = store.byId(licenceId).orElseThrow();
    audit.record(
        AuditEntry.of(
                "LICENCE_DEPLETED",
                "Licence",
                licenceId,
                "Shipment of transaction "
                    + transactionId
                    + " line "
                    + lineId
                    + " used "
                    + quantity.stripTrailingZeros().toPlainString()
                    + " units / "
                    + value.toPlainString()
                    + " "
                    + currency
                    + " of "
                    + l.number())
            .withStates(balance(l), balance(after)));
    return store.uses(licenceId, null).stream().filter(u -> u.id() == id).findFirst().orElseThrow();
  }

  static String balance(Licence l) {
    return "quantity_used="
        + l.quantityUsed().stripTrailingZeros().toPlainString()
        + (l.quantityLimit() == null
            ? ""
            : " of " + l.quantityLimit().stripTrailingZeros().toPlainString())
        + ", value_used="
        + l.valueUsed().toPlainString()
        + (l.valueLimit() == null ? "" : " of " + l.valueLimit().toPlainString());
  }

  static String describe(Licence l) {
    return "number="
        + l.number()
        + ", kind="
        + l.kind()
        + ", authority="
        + l.authority()
        + ", valid="
        + l.validFrom()
        + ".."
        + (l.validUntil() == null ? "" : l.validUntil())
        + ", items="
        + l.items()
        + ", destinations="
        + l.destinations()
        + ", parties="
        + l.partyIds()
        + ", quantity_limit="
        + l.quantityLimit()
        + ", value_limit="
        + l.valueLimit()
        + (l.currency() == null ? "" : " " + l.currency())
        + ", tolerance="
        + l.tolerancePercent()
        + "%";
  }

  private static void requireOfficer(SignedInUser user) {
    if (!user.has(Role.EXPORT_CONTROL_OFFICER)) {
      throw new ForbiddenException("Only an export control officer manages licences");
    }
  }
}
