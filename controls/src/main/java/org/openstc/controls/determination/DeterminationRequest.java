package org.openstc.controls.determination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openstc.controls.authorisation.TransactionFact;
import org.openstc.controls.country.CountryCode;

/**
 * One line to determine: the jurisdictions that apply with the item's classification in each, the
 * activity, destination (with an ISO 3166-2 region where a measure targets one, e.g. UA-43 Crimea),
 * transit countries, end use and how it is known, the parties' screening status, other facts, and
 * the date whose law applies.
 */
public record DeterminationRequest(
    Map<Jurisdiction, Classification> classifications,
    Activity activity,
    CountryCode destination,
    String destinationRegion,
    List<CountryCode> transit,
    EndUse endUse,
    EndUseKnowledge knowledge,
    Set<PartyScreening> screening,
    Set<TransactionFact> facts,
    LocalDate asOf) {

  public DeterminationRequest {
    if (classifications == null || classifications.isEmpty()) {
      throw new InvalidDeterminationRequest(
          "at least one jurisdiction with a classification is needed");
    }
    if (destination == null) {
      throw new InvalidDeterminationRequest("destination country is missing");
    }
    if (asOf == null) {
      throw new InvalidDeterminationRequest("the 'as of' date is missing");
    }
    if (destinationRegion != null
        && !destinationRegion.matches(destination.value() + "-[A-Z0-9]{1,3}")) {
      throw new InvalidDeterminationRequest(
          "region " + destinationRegion + " is not an ISO 3166-2 subdivision of " + destination);
    }
    classifications = Map.copyOf(new EnumMap<>(classifications));
    activity = activity == null ? Activity.EXPORT : activity;
    transit = List.copyOf(transit == null ? List.of() : transit);
    endUse = endUse == null ? EndUse.CIVIL : endUse;
    knowledge = knowledge == null ? EndUseKnowledge.EXPORTER_AWARE : knowledge;
    screening = screening == null || screening.isEmpty() ? Set.of() : Set.copyOf(screening);
    facts = facts == null || facts.isEmpty() ? Set.of() : Set.copyOf(facts);
  }

  public Set<Jurisdiction> jurisdictions() {
    return classifications.keySet();
  }

  public boolean has(TransactionFact fact) {
    return facts.contains(fact);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a request step by step (tests, CLI, API adapters). */
  public static final class Builder {
    private final Map<Jurisdiction, Classification> classifications =
        new EnumMap<>(Jurisdiction.class);
    private Activity activity = Activity.EXPORT;
    private CountryCode destination;
    private String region;
    private final List<CountryCode> transit = new ArrayList<>();
    private EndUse endUse = EndUse.CIVIL;
    private EndUseKnowledge knowledge = EndUseKnowledge.EXPORTER_AWARE;
    private final Set<PartyScreening> screening = EnumSet.noneOf(PartyScreening.class);
    private final Set<TransactionFact> facts = EnumSet.noneOf(TransactionFact.class);
    private LocalDate asOf = LocalDate.now();

    public Builder eu(String item) {
      classifications.put(Jurisdiction.EU, Classification.parse(item));
      return this;
    }

    public Builder us(String item) {
      classifications.put(Jurisdiction.US, Classification.parse(item));
      return this;
    }

    public Builder classification(Jurisdiction j, Classification c) {
      classifications.put(j, c);
      return this;
    }

    public Builder activity(Activity a) {
      this.activity = a;
      return this;
    }

    public Builder to(String iso2) {
      this.destination = CountryCode.of(iso2);
      return this;
    }

    public Builder region(String iso3166_2) {
      this.region = iso3166_2;
      return this;
    }

    public Builder via(String iso2) {
      transit.add(CountryCode.of(iso2));
      return this;
    }

    public Builder endUse(EndUse e) {
      this.endUse = e;
      return this;
    }

    public Builder informedByAuthority() {
      this.knowledge = EndUseKnowledge.INFORMED_BY_AUTHORITY;
      return this;
    }

    public Builder screening(PartyScreening s) {
      screening.add(s);
      return this;
    }

    public Builder fact(TransactionFact f) {
      facts.add(f);
      return this;
    }

    public Builder asOf(LocalDate date) {
      this.asOf = date;
      return this;
    }

    public DeterminationRequest build() {
      return new DeterminationRequest(
          classifications,
          activity,
          destination,
          region,
          transit,
          endUse,
          knowledge,
          screening,
          facts,
          asOf);
    }
  }
}
