package org.openstc.screening.watchlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One entry of a sanctions or denied-party list: a person, organisation, vessel or aircraft with
 * everything the list says about it. Shaped after the FollowTheMoney schemata so that OpenSanctions
 * data maps onto it; what has no field of its own is kept in {@link #properties()} under its
 * FollowTheMoney property name (e.g. {@code flag}, {@code tonnage}, {@code deathDate}).
 *
 * @param id identifier unique within {@link #source()}
 * @param type person, organisation, vessel, aircraft or unknown
 * @param name the primary name
 * @param aliases every other name: aliases, former names, original-script names
 * @param gender gender or {@link Gender#UNKNOWN}
 * @param birthDates dates of birth (incorporation dates are kept as the property {@code
 *     incorporationDate})
 * @param placesOfBirth places of birth as printed
 * @param nationalities nationalities
 * @param citizenships citizenships (OFAC and UK distinguish them from nationality)
 * @param countries other associated countries (residence, jurisdiction, location)
 * @param addresses postal addresses
 * @param identifiers passports, ID numbers, IMO numbers, crypto addresses ...
 * @param titles honorific titles ("Maulavi", "Dr")
 * @param positions positions and functions ("Minister of Defence")
 * @param programmes sanctions programmes or regimes ("SDGT", "IRAN", "ISIL (Da'esh) and Al-Qaida")
 * @param listedOn date of first listing, or {@code null}
 * @param source code of the source list ({@link ListSource#code()}), e.g. "us-ofac-sdn"
 * @param sourceEntryId the entry's reference on the list as published (UN "QDi.001", OFAC uid)
 * @param url link to the official record, or {@code null}
 * @param remarks free-text remarks as published, or {@code null}
 * @param properties further FollowTheMoney-style properties, sorted by key
 */
public record ListedEntity(
    EntityId id,
    EntityType type,
    Name name,
    List<Name> aliases,
    Gender gender,
    List<BirthDate> birthDates,
    List<String> placesOfBirth,
    List<CountryRef> nationalities,
    List<CountryRef> citizenships,
    List<CountryRef> countries,
    List<Address> addresses,
    List<Identifier> identifiers,
    List<String> titles,
    List<String> positions,
    List<String> programmes,
    LocalDate listedOn,
    String source,
    String sourceEntryId,
    String url,
    String remarks,
    Map<String, List<String>> properties) {

  public ListedEntity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (name.kind() != NameKind.PRIMARY) {
      name = name.withKind(NameKind.PRIMARY);
    }
    aliases = distinct(aliases);
    gender = gender == null ? Gender.UNKNOWN : gender;
    birthDates = distinct(birthDates);
    placesOfBirth = Text.cleanCopy(placesOfBirth);
    nationalities = distinct(nationalities);
    citizenships = distinct(citizenships);
    countries = distinct(countries);
    addresses = distinct(addresses);
    identifiers = distinct(identifiers);
    titles = Text.cleanCopy(titles);
    positions = Text.cleanCopy(positions);
    programmes = Text.cleanCopy(programmes);
    source = Text.clean(source);
    Objects.requireNonNull(source, "source");
    sourceEntryId = Text.clean(sourceEntryId);
    url = Text.clean(url);
    remarks = Text.clean(remarks);
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    if (properties != null) {
      properties.forEach((key, values) -> {
        List<String> clean = Text.cleanCopy(values);
        if (!clean.isEmpty()) {
          sorted.put(key, clean);
        }
      });
    }
    properties = java.util.Collections.unmodifiableMap(sorted);
  }

  private static <T> List<T> distinct(List<T> values) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(values));
  }

  public static Builder builder(EntityId id, EntityType type, String source) {
    return new Builder(id, type, source);
  }

  /** A builder pre-filled with this entity, for readers that complete an entity in passes. */
  public Builder toBuilder() {
    Builder b = new Builder(id, type, source);
    b.name = name;
    b.aliases.addAll(aliases);
    b.gender = gender;
    b.birthDates.addAll(birthDates);
    b.placesOfBirth.addAll(placesOfBirth);
    b.nationalities.addAll(nationalities);
    b.citizenships.addAll(citizenships);
    b.countries.addAll(countries);
    b.addresses.addAll(addresses);
    b.identifiers.addAll(identifiers);
    b.titles.addAll(titles);
    b.positions.addAll(positions);
    b.programmes.addAll(programmes);
    b.listedOn = listedOn;
    b.sourceEntryId = sourceEntryId;
    b.url = url;
    b.remarks = remarks;
    properties.forEach((k, v) -> b.properties.put(k, new ArrayList<>(v)));
    return b;
  }

  /** Every name: the primary name first, then the aliases. */
  public List<Name> allNames() {
    List<Name> all = new ArrayList<>(aliases.size() + 1);
    all.add(name);
    all.addAll(aliases);
    return all;
  }

  /** The identifiers of one type. */
  public List<Identifier> identifiers(IdentifierType identifierType) {
    return identifiers.stream().filter(i -> i.type() == identifierType).toList();
  }

  /**
   * A SHA-256 hex digest of a canonical form of the entity's content. Insensitive to the order of
   * list-valued fields, so republishing an unchanged entry in another order keeps the fingerprint.
   */
  public String fingerprint() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, String> field : canonicalFields().entrySet()) {
        digest.update(field.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1F);
        digest.update(field.getValue().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1E);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /**
   * Canonical text per field name, compared by {@link WatchlistDelta} to say what changed; empty
   * fields are left out.
   */
  public Map<String, String> canonicalFields() {
    TreeMap<String, String> fields = new TreeMap<>();
    put(fields, "type", type.name());
    put(fields, "name", canonicalName(name));
    put(fields, "aliases", sorted(aliases, ListedEntity::canonicalName));
    put(fields, "gender", gender == Gender.UNKNOWN ? null : gender.name());
    put(fields, "birthDates", sorted(birthDates, BirthDate::canonical));
    put(fields, "placesOfBirth", sorted(placesOfBirth, Function.identity()));
    put(fields, "nationalities", sorted(nationalities, CountryRef::canonical));
    put(fields, "citizenships", sorted(citizenships, CountryRef::canonical));
    put(fields, "countries", sorted(countries, CountryRef::canonical));
    put(fields, "addresses", sorted(addresses, Address::full));
    put(fields, "identifiers", sorted(identifiers, Identifier::canonical));
    put(fields, "titles", sorted(titles, Function.identity()));
    put(fields, "positions", sorted(positions, Function.identity()));
    put(fields, "programmes", sorted(programmes, Function.identity()));
    put(fields, "listedOn", listedOn == null ? null : listedOn.toString());
    put(fields, "sourceEntryId", sourceEntryId);
    put(fields, "url", url);
    put(fields, "remarks", remarks);
    properties.forEach((k, v) -> put(fields, "properties." + k, sorted(v, Function.identity())));
    return fields;
  }

  private static void put(Map<String, String> fields, String key, String value) {
    if (value != null && !value.isEmpty()) {
      fields.put(key, value);
    }
  }

  private static String canonicalName(Name n) {
    return n.kind()
        + "|"
        + n.strength()
        + "|"
        + n.full()
        + (n.language() == null ? "" : "|" + n.language());
  }

  private static <T> String sorted(Collection<T> values, Function<T, String> form) {
    return values.stream().map(form).sorted().reduce((a, b) -> a + "\n" + b).orElse(null);
  }

  /** Collects an entity's content while a reader walks a record; {@link #build()} validates it. */
  public static final class Builder {
    private final EntityId id;
    private EntityType type;
    private final String source;
    private Name name;
    private final List<Name> aliases = new ArrayList<>();
    private Gender gender = Gender.UNKNOWN;
    private final List<BirthDate> birthDates = new ArrayList<>();
    private final List<String> placesOfBirth = new ArrayList<>();
    private final List<CountryRef> nationalities = new ArrayList<>();
    private final List<CountryRef> citizenships = new ArrayList<>();
    private final List<CountryRef> countries = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<Identifier> identifiers = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> positions = new ArrayList<>();
    private final List<String> programmes = new ArrayList<>();
    private LocalDate listedOn;
    private String sourceEntryId;
    private String url;
    private String remarks;
    private final Map<String, List<String>> properties = new TreeMap<>();

    private Builder(EntityId id, EntityType type, String source) {
      this.id = Objects.requireNonNull(id, "id");
      this.type = type == null ? EntityType.UNKNOWN : type;
      this.source = source;
    }

    public EntityId id() {
      return id;
    }

    public EntityType type() {
      return type;
    }

    public Builder type(EntityType value) {
      this.type = Objects.requireNonNull(value);
      return this;
    }

    public boolean hasName() {
      return name != null;
    }

    /** Sets the primary name; a previous primary name becomes an alias. */
    public Builder name(Name value) {
      if (value == null) {
        return this;
      }
      if (name != null && !name.full().equals(value.full())) {
        aliases.add(name.withKind(NameKind.ALIAS));
      }
      this.name = value.withKind(NameKind.PRIMARY);
      return this;
    }

    public Builder name(String full) {
      String clean = Text.clean(full);
      return clean == null ? this : name(Name.primary(clean));
    }

    /** Adds a name; becomes the primary name if there is none yet and it is not weak. */
    public Builder alias(Name value) {
      if (value == null) {
        return this;
      }
      if (name == null
          && value.strength() == NameStrength.STRONG
          && value.kind() == NameKind.ALIAS) {
        return name(value);
      }
      aliases.add(value);
      return this;
    }

    public Builder gender(Gender value) {
      this.gender = value == null ? Gender.UNKNOWN : value;
      return this;
    }

    public Builder birthDate(BirthDate value) {
      if (value != null) {
        birthDates.add(value);
      }
      return this;
    }

    public Builder placeOfBirth(String value) {
      addText(placesOfBirth, value);
      return this;
    }

    public Builder nationality(CountryRef value) {
      if (value != null) {
        nationalities.add(value);
      }
      return this;
    }

    public Builder nationality(String text) {
      return Text.clean(text) == null ? this : nationality(CountryRef.of(text));
    }

    public Builder citizenship(CountryRef value) {
      if (value != null) {
        citizenships.add(value);
      }
      return this;
    }

    public Builder citizenship(String text) {
      return Text.clean(text) == null ? this : citizenship(CountryRef.of(text));
    }

    public Builder country(CountryRef value) {
      if (value != null) {
        countries.add(value);
      }
      return this;
    }

    public Builder country(String text) {
      return Text.clean(text) == null ? this : country(CountryRef.of(text));
    }

    public Builder address(Address value) {
      if (value != null) {
        addresses.add(value);
      }
      return this;
    }

    public Builder identifier(Identifier value) {
      if (value != null) {
        identifiers.add(value);
      }
      return this;
    }

    public Builder title(String value) {
      addText(titles, value);
      return this;
    }

    public Builder position(String value) {
      addText(positions, value);
      return this;
    }

    public Builder programme(String value) {
      addText(programmes, value);
      return this;
    }

    public Builder listedOn(LocalDate value) {
      if (value != null && (listedOn == null || value.isBefore(listedOn))) {
        listedOn = value;
      }
      return this;
    }

    public Builder sourceEntryId(String value) {
      this.sourceEntryId = value;
      return this;
    }

    public Builder url(String value) {
      this.url = value;
      return this;
    }

    /** Appends remarks; several remark fields are joined with a blank line's worth of space. */
    public Builder remarks(String value) {
      String clean = Text.clean(value);
      if (clean != null) {
        remarks = remarks == null ? clean : remarks + " " + clean;
      }
      return this;
    }

    public Builder property(String key, String value) {
      String clean = Text.clean(value);
      if (clean != null) {
        properties.computeIfAbsent(key, k -> new ArrayList<>()).add(clean);
      }
      return this;
    }

    /**
     * Builds the entity; when no primary name was set the first alias is promoted.
     *
     * @throws IllegalStateException when the entity has no name at all
     */
    public ListedEntity build() {
      Name primary = name;
      List<Name> others = aliases;
      if (primary == null) {
        if (aliases.isEmpty()) {
          throw new IllegalStateException("entity " + id + " has no name");
        }
        primary = aliases.get(0);
        others = aliases.subList(1, aliases.size());
      }
      Name p = primary;
      List<Name> rest =
          others.stream()
              .filter(a ->
                  !(a.full().equals(p.full())
                      && a.kind() == NameKind.ALIAS
                      && a.strength() == p.strength()))
              .toList();
      return new ListedEntity(
          id,
          type,
          primary,
          rest,
          gender,
          birthDates,
          placesOfBirth,
          nationalities,
          citizenships,
          countries,
          addresses,
          identifiers,
          titles,
          positions,
          programmes,
          listedOn,
          source,
          sourceEntryId,
          url,
          remarks,
          properties);
    }

    private static void addText(List<String> list, String value) {
      String clean = Text.clean(value);
      if (clean != null) {
        list.add(clean);
      }
    }
  }
}
