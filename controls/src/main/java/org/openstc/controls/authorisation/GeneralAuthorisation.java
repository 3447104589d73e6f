package org.openstc.controls.authorisation;

import java.util.List;
import java.util.Set;
import org.openstc.controls.country.CountryCode;
import org.openstc.controls.list.ControlEntryCode;

/**
 * A Union general export authorisation (EU001–EU008, Annex II to Regulation (EU) 2021/821): the
 * items it covers and excludes, its destinations, and the conditions the engine can check.
 */
public record GeneralAuthorisation(
    String id,
    String title,
    String legalBasis,
    Set<CountryCode> destinations,
    boolean destinationsAreExcluded,
    List<ControlEntryCode> coveredItems,
    List<ControlEntryCode> excludedItems,
    boolean excludesSectionI,
    String excludedProductGroups,
    String onlyProductGroups,
    TransactionFact requiredFact,
    boolean excludesGovernmentSecurityEndUsers,
    boolean excludesArmsEmbargoedDestinations,
    String conditions,
    String verbatimText) {

  public GeneralAuthorisation {
    if (id == null || !id.matches("[A-Z]{2}\\d{3}")) {
      throw new IllegalArgumentException("general authorisation id like EU001 expected: " + id);
    }
    destinations = Set.copyOf(destinations);
    coveredItems = List.copyOf(coveredItems);
    excludedItems = List.copyOf(excludedItems);
    excludedProductGroups = excludedProductGroups == null ? "" : excludedProductGroups;
    onlyProductGroups = onlyProductGroups == null ? "" : onlyProductGroups;
    conditions = conditions == null ? "" : conditions;
    verbatimText = verbatimText == null ? "" : verbatimText;
  }

  /** Whether the destination is one this authorisation is valid for. */
  public boolean coversDestination(CountryCode destination) {
    return destinationsAreExcluded != destinations.contains(destination);
  }

  /**
   * Whether the item is within Part 1: covered (all Annex I items, or a listed entry enclosing the
   * classification) and not excluded (Section I, a product group, or a listed exclusion).
   */
  public boolean coversItem(ControlEntryCode item, List<ControlEntryCode> sectionI) {
    return coversItem(item, enclosedOrOverlapping(item, sectionI));
  }

  /** As above, with the Section I test already made (it is the same for every authorisation). */
  public boolean coversItem(ControlEntryCode item, boolean inSectionI) {
    char group = item.productGroup();
    if (!onlyProductGroups.isEmpty() && onlyProductGroups.indexOf(group) < 0) {
      return false;
    }
    if (group != 0 && excludedProductGroups.indexOf(group) >= 0) {
      return false;
    }
    if (excludesSectionI && inSectionI) {
      return false;
    }
    if (enclosedOrOverlapping(item, excludedItems)) {
      return false;
    }
    if (coveredItems.isEmpty()) {
      return true;
    }
    for (ControlEntryCode c : coveredItems) {
      if (c.covers(item)) {
        return true;
      }
    }
    return false;
  }

  /** An exclusion bites if it encloses the item, or if the item is broader than it (unknown). */
  /** Whether an exclusion list bites on the item (used once per line for Section I). */
  public static boolean enclosedOrOverlapping(ControlEntryCode item, List<ControlEntryCode> list) {
    for (ControlEntryCode x : list) {
      if (x.covers(item) || item.covers(x)) {
        return true;
      }
    }
    return false;
  }

  public GeneralAuthorisation withVerbatimText(String text) {
    return new GeneralAuthorisation(
        id,
        title,
        legalBasis,
        destinations,
        destinationsAreExcluded,
        coveredItems,
        excludedItems,
        excludesSectionI,
        excludedProductGroups,
        onlyProductGroups,
        requiredFact,
        excludesGovernmentSecurityEndUsers,
        excludesArmsEmbargoedDestinations,
        conditions,
        text);
  }
}
