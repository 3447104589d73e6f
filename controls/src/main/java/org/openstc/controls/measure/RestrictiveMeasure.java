package org.openstc.controls.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.list.ControlEntryCode;

/**
 * An arms embargo or export ban against a country as data: who imposed it, the legal act and
 * provision, the items and activities it reaches, its effect, its dates and exceptions. Kept as
 * data so administrators can maintain measures without code changes. {@code licenceExceptions}
 * names licence exceptions (e.g. SPP) that may relieve a licence requirement of the measure.
 */
public record RestrictiveMeasure(
    String id,
    Imposer imposer,
    CountryCode country,
    List<String> regions,
    String title,
    String legalAct,
    String provision,
    ItemScope items,
    List<ControlEntryCode> itemCodes,
    Target target,
    Set<MeasureActivity> activities,
    Effect effect,
    LocalDate from,
    LocalDate until,
    String exceptions,
    String note,
    List<String> licenceExceptions) {

  /** A measure without licence exceptions that relieve it. */
  public RestrictiveMeasure(
      String id,
      Imposer imposer,
      CountryCode country,
      List<String> regions,
      String title,
      String legalAct,
      String provision,
      ItemScope items,
      List<ControlEntryCode> itemCodes,
      Target target,
      Set<MeasureActivity> activities,
      Effect effect,
      LocalDate from,
      LocalDate until,
      String exceptions,
      String note) {
    this(
        id,
        imposer,
        country,
        regions,
        title,
        legalAct,
        provision,
        items,
        itemCodes,
        target,
        activities,
        effect,
        from,
        until,
        exceptions,
        note,
        List.of());
  }

  public RestrictiveMeasure {
    if (id == null || !id.matches("[A-Z0-9][A-Z0-9_\\-.]{0,79}")) {
      throw new IllegalArgumentException("measure id must be upper-case letters/digits: " + id);
    }
    if (imposer == null || country == null || items == null || effect == null || from == null) {
      throw new IllegalArgumentException(
          id + ": imposer, country, items, effect and from are required");
    }
    if (legalAct == null || legalAct.isBlank()) {
      throw new IllegalArgumentException(id + ": a measure needs its legal act");
    }
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException(id + ": ends before it starts");
    }
    if (items == ItemScope.LISTED_ITEMS && (itemCodes == null || itemCodes.isEmpty())) {
      throw new IllegalArgumentException(id + ": LISTED_ITEMS needs item_codes");
    }
    regions = List.copyOf(regions == null ? List.of() : regions);
    itemCodes = List.copyOf(itemCodes == null ? List.of() : itemCodes);
    activities =
        activities == null || activities.isEmpty()
            ? Set.of(MeasureActivity.EXPORT)
            : Set.copyOf(activities);
    target = target == null ? Target.WHOLE_COUNTRY : target;
    title = title == null ? "" : title;
    provision = provision == null ? "" : provision;
    exceptions = exceptions == null ? "" : exceptions;
    note = note == null ? "" : note;
    licenceExceptions = List.copyOf(licenceExceptions == null ? List.of() : licenceExceptions);
    if (!licenceExceptions.isEmpty() && effect != Effect.LICENCE_REQUIREMENT) {
      throw new IllegalArgumentException(
          id + ": licence exceptions only relieve a licence requirement");
    }
  }

  /** Whether the measure is in force on the date. */
  public boolean inForceOn(LocalDate date) {
    return !date.isBefore(from) && (until == null || !date.isAfter(until));
  }

  /** The citation printed in reasons, e.g. "Art. 2 Regulation (EU) 833/2014". */
  public String citation() {
    return provision.isBlank() ? legalAct : provision + " " + legalAct;
  }

  /** Whether the measure reaches the region, if it is limited to regions (e.g. Crimea). */
  public boolean coversRegion(String region) {
    return regions.isEmpty() || (region != null && regions.contains(region));
  }

  /**
   * Whether this is an arms embargo imposed by the Council or the Security Council, as Art. 4(1)(b)
   * of Regulation (EU) 2021/821 uses the term (the catch-all for military end use).
   */
  public boolean isArmsEmbargo() {
    return items == ItemScope.MILITARY_ITEMS && imposer != Imposer.US;
  }
}
