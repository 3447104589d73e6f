package org.openstc.server.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstc.screening.matching.Screener;
import org.openstc.screening.matching.ScreeningHit;
import org.openstc.screening.matching.ScreeningOptions;
import org.openstc.screening.matching.ScreeningQuery;
import org.openstc.screening.watchlist.BirthDate;
import org.openstc.screening.watchlist.EntityType;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.lists.VersionDelta;
import org.openstc.server.lists.WatchlistSourceSwitched;
import org.openstc.server.lists.WatchlistVersionActivated;
import org.openstc.server.lists.Watchlists;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.partners.Partners;
import org.openstc.server.partners.PartnersChanged;
import org.openstc.server.partners.PartyType;
import org.openstc.server.screening.internal.AlertStore;
import org.openstc.server.screening.internal.AlertStore.NewHit;
import org.openstc.server.screening.internal.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens business partners against the lists and keeps their alerts: on every partner change, on
 * every list version activated (only what the delta can affect), and on demand. Remembered false
 * positives stay closed until the partner's data or the listed entry changes.
 */
@Service
public class PartnerScreening {

  private static final Logger log = LoggerFactory.getLogger(PartnerScreening.class);

  private final ScreeningIndex index;
  private final AlertStore alerts;
  private final Partners partners;
  private final Watchlists watchlists;
  private final AuditTrail audit;
  private final ScreeningProperties properties;
  private final TransactionTemplate newTransaction;

  public PartnerScreening(
      ScreeningIndex index,
      AlertStore alerts,
      Partners partners,
      Watchlists watchlists,
      AuditTrail audit,
      ScreeningProperties properties,
      PlatformTransactionManager transactionManager) {
    this.index = index;
    this.alerts = alerts;
    this.partners = partners;
    this.watchlists = watchlists;
    this.audit = audit;
    this.properties = properties;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Counts of what a pass changed for one organisation. */
  static final class Tally {
    int screened;
    int opened;
    int reopened;
    int closed;
  }

  /** Screens partners that were just created, changed or imported, in the caller's transaction. */
  @EventListener
  public void partnersChanged(PartnersChanged event) {
    long start = System.currentTimeMillis();
    ScreeningIndex.Snapshot snapshot = index.current();
    Tally tally = new Tally();
    Map<Long, List<Alert>> existing = alerts.ofPartners(event.partnerIds());
    Map<Long, PartnerStatus> statuses = new HashMap<>();
    for (Partner p : partners.byIds(event.partnerIds())) {
      screen(
          p,
          snapshot.screener(),
          snapshot.versionBySource(),
          Map.of(),
          "partner data changed",
          true,
          existing.getOrDefault(p.id(), List.of()),
          statuses,
          tally);
    }
    partners.markScreened(statuses);
    if ("import".equals(event.trigger())) {
      record(event.organisationId(), "IMPORT", "Partner import", tally, start);
    }
  }

  /** Screens every partner in scope (null: all organisations) against the full index. */
  @Transactional
  public List<ScreeningRun> rescreenAll(Long organisationScope) {
    long start = System.currentTimeMillis();
    ScreeningIndex.Snapshot snapshot = index.current();
    Map<Long, Tally> byOrg = new LinkedHashMap<>();
    List<Partner> all = new ArrayList<>();
    partners.forEach(p -> {
      if (organisationScope == null || p.organisationId() == organisationScope) {
        all.add(p);
      }
    });
    Map<Long, List<Alert>> existing = alerts.byPartner(organisationScope);
    Map<Long, PartnerStatus> statuses = new HashMap<>();
    for (Partner p : all) {
      screen(
          p,
          snapshot.screener(),
          snapshot.versionBySource(),
          Map.of(),
          "partner data changed",
          true,
          existing.getOrDefault(p.id(), List.of()),
          statuses,
          byOrg.computeIfAbsent(p.organisationId(), o -> new Tally()));
    }
    partners.markScreened(statuses);
    List<ScreeningRun> runs = new ArrayList<>();
    byOrg.forEach((org, t) -> runs.add(record(org, "FULL", "Full re-screen", t, start)));
    audit.record(
        AuditEntry.of(
            "PARTNERS_RESCREENED",
            "Screening",
            organisationScope == null ? "all" : organisationScope.toString(),
            "Re-screened "
                + all.size()
                + " partners against "
                + snapshot.entities()
                + " listed entities"));
    return runs;
  }

  /**
   * After a list version is activated: rebuild the index, screen all partners against only the
   * added and changed entries, and close alerts on delisted entries.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void listActivated(WatchlistVersionActivated event) {
    index.invalidate();
    if (!partners.organisationsWithPartners().isEmpty()) {
      newTransaction.executeWithoutResult(tx -> rescreenForDelta(event));
    }
    index.warmUp();
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  public void sourceSwitched(WatchlistSourceSwitched event) {
    index.invalidate();
    index.warmUp();
  }

  private void rescreenForDelta(WatchlistVersionActivated event) {
    long start = System.currentTimeMillis();
    VersionDelta delta = null;
    if (event.previousVersionId() != null) {
      VersionDelta stored = watchlists.delta(event.versionId());
      if (event.previousVersionId().equals(stored.previousVersionId())) {
        delta = stored;
      }
    }
    List<ListedEntity> toScreen = new ArrayList<>();
    Map<String, String> reasons = new HashMap<>();
    Set<String> removed = new HashSet<>();
    if (delta == null) {
      // First version, or a switch back to an older version: every entry may matter.
      toScreen.addAll(watchlists.entities(event.versionId()));
    } else {
      for (VersionDelta.Entry e : delta.added()) {
        watchlists.entity(event.versionId(), e.entityId()).ifPresent(toScreen::add);
        reasons.put(e.entityId(), "entry added to " + event.source());
      }
      for (VersionDelta.Entry e : delta.changed()) {
        watchlists.entity(event.versionId(), e.entityId()).ifPresent(toScreen::add);
        reasons.put(e.entityId(), "listed entry changed: " + String.join(", ", e.fields()));
      }
      delta.removed().forEach(e -> removed.add(e.entityId()));
    }
    Map<Long, Tally> byOrg = new LinkedHashMap<>();
    Map<String, Long> versions = new HashMap<>();
    watchlists.activeVersions().forEach(v -> versions.put(v.source(), v.id()));
    // Every organisation with partners hears about every list update, even when nothing changed.
    partners.organisationsWithPartners().forEach(org -> byOrg.put(org, new Tally()));
    if (!toScreen.isEmpty()) {
      Screener mini = Screener.build(toScreen);
      Map<Long, PartnerStatus> statuses = new HashMap<>();
      partners.forEach(p ->
          screen(
              p,
              mini,
              versions,
              reasons,
              "partner data changed",
              false,
              null,
              statuses,
              byOrg.computeIfAbsent(p.organisationId(), o -> new Tally())));
      partners.markScreened(statuses);
    }
    for (String entityId : removed) {
      for (Alert a : alerts.forEntity(event.source(), entityId)) {
        if (a.status().pending() || a.status() == AlertStatus.FALSE_POSITIVE) {
          alerts.setStatus(a.id(), AlertStatus.CLOSED_DELISTED, null);
          alerts.insertDecision(
              a.id(),
              "CLOSED_DELISTED",
              "Entry " + entityId + " was removed from " + event.source(),
              "system");
          audit.record(
              AuditEntry.of(
                  "ALERT_CLOSED",
                  "Alert",
                  a.id(),
                  "Closed alert on "
                      + a.partnerName()
                      + ": "
                      + a.entityName()
                      + " was delisted from "
                      + event.source()));
          byOrg.computeIfAbsent(a.organisationId(), o -> new Tally()).closed++;
          updatePartnerStatus(a.partnerId());
        }
      }
    }
    String description =
        "List update "
            + event.source()
            + " version "
            + event.versionId()
            + " ("
            + event.delta().text()
            + ")";
    byOrg.forEach((org, t) -> record(org, "LIST_UPDATE", description, t, start));
    log.info(
        "Re-screened for {}: {} entries screened, {} delisted, {} organisations, {} ms",
        description,
        toScreen.size(),
        removed.size(),
        byOrg.size(),
        System.currentTimeMillis() - start);
  }

  /** Screens one partner against a screener and updates its alerts and status. */
  void screen(
      Partner partner,
      Screener screener,
      Map<String, Long> versions,
      Map<String, String> entityReasons,
      String partnerReason,
      boolean fullIndex,
      List<Alert> known,
      Map<Long, PartnerStatus> statusUpdates,
      Tally tally) {
    tally.screened++;
    if (screener == null) {
      return; // no list loaded: the partner stays UNSCREENED
    }
    Map<String, ScreeningHit> best = new LinkedHashMap<>();
    ScreeningOptions options =
        screener
            .defaults()
            .withThreshold(properties.threshold())
            .withLimit(properties.maxHitsPerPartner());
    List<String> names = new ArrayList<>();
    names.add(partner.name());
    names.addAll(partner.aliases());
    for (String name : names) {
      for (ScreeningHit hit : screener.screen(query(partner, name), options)) {
        String key = hit.entity().source() + "\u0000" + hit.entity().id().value();
        ScreeningHit previous = best.get(key);
        if (previous == null || hit.score() > previous.score()) {
          best.put(key, hit);
        }
      }
    }
    boolean changed = false;
    for (ScreeningHit hit : best.values()) {
      ListedEntity e = hit.entity();
      NewHit fresh =
          new NewHit(
              partner.organisationId(),
              partner.id(),
              e.source(),
              e.id().value(),
              e.name().full(),
              versions.get(e.source()),
              e.fingerprint(),
              partner.fingerprint(),
              hit.score(),
              hit.matchedName().full(),
              hit.matchedName().kind() + " " + hit.matchedName().strength(),
              hit.explain());
      List<Alert> current = known != null ? known : alerts.ofPartner(partner.id());
      known = current;
      var existing =
          current.stream()
              .filter(a -> a.listSource().equals(e.source()) && a.entityId().equals(e.id().value()))
              .findFirst();
      if (existing.isEmpty()) {
        long id = alerts.insert(fresh);
        tally.opened++;
        changed = true;
        audit.record(
            AuditEntry.of(
                "ALERT_OPENED",
                "Alert",
                id,
                String.format(
                    java.util.Locale.ROOT,
                    "Alert on %s: %.2f against %s (%s %s)",
                    partner.name(),
                    hit.score(),
                    e.name().full(),
                    e.source(),
                    e.id().value())));
        continue;
      }
      Alert a = existing.get();
      boolean partnerChanged = !a.partnerFingerprint().equals(partner.fingerprint());
      boolean entityChanged = !a.entityFingerprint().equals(e.fingerprint());
      if (a.status() == AlertStatus.FALSE_POSITIVE || a.status() == AlertStatus.CLOSED_DELISTED) {
        if (a.status() == AlertStatus.FALSE_POSITIVE && !partnerChanged && !entityChanged) {
          continue; // remembered false positive: the same hit does not come back
        }
        String reason =
            a.status() == AlertStatus.CLOSED_DELISTED
                ? "entry listed again"
                : entityChanged
                    ? entityReasons.getOrDefault(e.id().value(), "listed entry changed")
                    : partnerReason;
        if (partnerChanged && entityChanged) {
          reason = partnerReason + "; " + reason;
        }
        alerts.refresh(a.id(), fresh);
        alerts.setStatus(a.id(), AlertStatus.OPEN, reason);
        alerts.insertDecision(a.id(), "REOPENED", reason, "system");
        audit.record(
            AuditEntry.of(
                "ALERT_REOPENED",
                "Alert",
                a.id(),
                "Reopened alert on "
                    + partner.name()
                    + " against "
                    + e.name().full()
                    + ": "
                    + reason));
        tally.reopened++;
        changed = true;
      } else {
        alerts.refresh(a.id(), fresh);
      }
    }
    if (fullIndex) {
      // Against the whole index, a pending alert that no longer hits is obsolete.
      for (Alert a : known != null ? known : alerts.ofPartner(partner.id())) {
        if ((a.status() == AlertStatus.OPEN || a.status() == AlertStatus.ESCALATED)
            && !best.containsKey(a.listSource() + "\u0000" + a.entityId())) {
          alerts.setStatus(a.id(), AlertStatus.CLOSED_NO_LONGER_MATCHING, null);
          alerts.insertDecision(
              a.id(),
              "CLOSED_NO_LONGER_MATCHING",
              "The partner's data no longer matches the entry",
              "system");
          audit.record(
              AuditEntry.of(
                  "ALERT_CLOSED",
                  "Alert",
                  a.id(),
                  "Closed alert on " + partner.name() + ": no longer matches " + a.entityName()));
          changed = true;
        }
      }
    }
    if (!changed && known == null) {
      return; // a delta pass without hits on this partner: nothing to update
    }
    PartnerStatus status =
        changed
            ? statusOf(alerts.ofPartner(partner.id()))
            : statusOf(known != null ? known : alerts.ofPartner(partner.id()));
    if (changed || fullIndex || status != partner.status()) {
      statusUpdates.put(partner.id(), status);
    }
  }

  void updatePartnerStatus(long partnerId) {
    partners.markScreened(partnerId, statusOf(alerts.ofPartner(partnerId)));
  }

  static PartnerStatus statusOf(List<Alert> alertsOfPartner) {
    if (alertsOfPartner.stream().anyMatch(a -> a.status().blocks())) {
      return PartnerStatus.BLOCKED;
    }
    if (alertsOfPartner.stream().anyMatch(a -> a.status().pending())) {
      return PartnerStatus.POTENTIAL_MATCH;
    }
    return PartnerStatus.CLEAR;
  }

  private ScreeningRun record(
      long organisationId, String trigger, String description, Tally t, long start) {
    ScreeningRun run =
        new ScreeningRun(
            0,
            organisationId,
            trigger,
            description,
            t.screened,
            t.opened,
            t.reopened,
            t.closed,
            Instant.ofEpochMilli(start),
            System.currentTimeMillis() - start);
    alerts.insertRun(run);
    return run;
  }

  static ScreeningQuery query(Partner p, String name) {
    return new ScreeningQuery(
        name,
        switch (p.type()) {
          case PERSON -> EntityType.PERSON;
          case ORGANISATION -> EntityType.ORGANISATION;
          case VESSEL -> EntityType.VESSEL;
          case AIRCRAFT -> EntityType.AIRCRAFT;
        },
        p.birthDate() == null || p.type() != PartyType.PERSON
            ? null
            : BirthDate.parse(p.birthDate()),
        p.country(),
        null,
        p.identifiers());
  }
}
