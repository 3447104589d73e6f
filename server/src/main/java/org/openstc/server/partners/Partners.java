package org.openstc.server.partners;

import java.util.List;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.partners.internal.PartnerStore;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's business partners: the partners module's API. Creating or changing a partner
 * publishes {@link PartnersChanged} in the same transaction, so it is screened before the call
 * returns.
 */
@Service
public class Partners {

  private final PartnerStore store;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  public Partners(PartnerStore store, AuditTrail audit, ApplicationEventPublisher events) {
    this.store = store;
    this.audit = audit;
    this.events = events;
  }

  @Transactional
  public Partner create(long organisationId, PartnerDraft draft) {
    if (draft.reference() != null
        && store.byReference(organisationId, draft.reference()).isPresent()) {
      throw new org.openstc.server.problems.ConflictException(
          "A partner with reference '" + draft.reference() + "' already exists");
    }
    long id = store.insert(organisationId, draft);
    audit.record(
        AuditEntry.of("PARTNER_CREATED", "Partner", id, "Created partner " + draft.name())
            .withStates(null, describe(draft)));
    events.publishEvent(new PartnersChanged(organisationId, List.of(id), "create"));
    return store.byId(id).orElseThrow();
  }

  @Transactional
  public Partner update(long id, Long scope, PartnerDraft draft) {
    Partner before = get(id, scope);
    if (draft.reference() != null) {
      store
          .byReference(before.organisationId(), draft.reference())
          .filter(other -> other.id() != id)
          .ifPresent(other -> {
            throw new org.openstc.server.problems.ConflictException(
                "Another partner has reference '" + draft.reference() + "'");
          });
    }
    store.update(id, draft);
    audit.record(
        AuditEntry.of("PARTNER_CHANGED", "Partner", id, "Changed partner " + draft.name())
            .withStates(describe(before), describe(draft)));
    if (!before.fingerprint().equals(draft.fingerprint())) {
      events.publishEvent(new PartnersChanged(before.organisationId(), List.of(id), "update"));
    }
    return store.byId(id).orElseThrow();
  }

  @Transactional
  public void archive(long id, Long scope) {
    Partner p = get(id, scope);
    store.archive(id);
    audit.record(AuditEntry.of("PARTNER_ARCHIVED", "Partner", id, "Archived partner " + p.name()));
  }

  /** A partner visible in the scope (null: any organisation); others' partners are "not found". */
  @Transactional(readOnly = true)
  public Partner get(long id, Long scope) {
    return store
        .byId(id)
        .filter(p -> scope == null || p.organisationId() == scope)
        .orElseThrow(() -> new NotFoundException("No partner with id " + id));
  }

  @Transactional(readOnly = true)
  public List<Partner> search(Long scope, String text, PartnerStatus status, int page, int size) {
    if (size < 1 || size > 1000) {
      throw new InvalidRequestException("size: 1 to 1000");
    }
    return store.search(scope, text, status, Math.max(0, page), size);
  }

  @Transactional(readOnly = true)
  public long count(Long scope, String text, PartnerStatus status) {
    return store.count(scope, text, status);
  }

  @Transactional(readOnly = true)
  public List<Partner> byIds(List<Long> ids) {
    return store.byIds(ids);
  }

  /** Streams all active partners of all organisations (for full re-screens). */
  @Transactional(readOnly = true)
  public void forEach(java.util.function.Consumer<Partner> consumer) {
    store.forEach(consumer);
  }

  /** Records the screening outcome on the partner (called by the screening module). */
  @Transactional
  public void markScreened(long id, PartnerStatus status) {
    store.updateStatus(id, status, true);
  }

  /** Records many screening outcomes at once (one batch statement). */
  @Transactional
  public void markScreened(java.util.Map<Long, PartnerStatus> statuses) {
    store.updateStatuses(statuses);
  }

  /** The organisations that have at least one active partner. */
  @Transactional(readOnly = true)
  public List<Long> organisationsWithPartners() {
    return store.organisationsWithPartners();
  }

  static String describe(PartnerDraft d) {
    return "name="
        + d.name()
        + ", type="
        + d.type()
        + ", country="
        + d.country()
        + ", roles="
        + d.roles()
        + (d.birthDate() == null ? "" : ", birthDate=" + d.birthDate())
        + (d.identifiers().isEmpty() ? "" : ", identifiers=" + d.identifiers())
        + (d.aliases().isEmpty() ? "" : ", aliases=" + d.aliases());
  }

  static String describe(Partner p) {
    return "name="
        + p.name()
        + ", type="
        + p.type()
        + ", country="
        + p.country()
        + ", roles="
        + p.roles()
        + (p.birthDate() == null ? "" : ", birthDate=" + p.birthDate())
        + (p.identifiers().isEmpty() ? "" : ", identifiers=" + p.identifiers())
        + (p.aliases().isEmpty() ? "" : ", aliases=" + p.aliases());
  }
}
