package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what OFAC publishes inside the free-text remarks of its legacy CSV and classic XML files
 * ("DOB 12 Jan 1970; alt. DOB 1972; POB Baghdad, Iraq; nationality Iraq; Passport A123 (Iraq);
 * a.k.a. 'X'; ...") into the entity. Aliases found there are OFAC's weak a.k.a.s.
 */
final class OfacRemarks {

  private static final String ALT = "^(?:alt\\. )?";
  private static final Pattern DOB = Pattern.compile(ALT + "DOB (.+)$");
  private static final Pattern POB = Pattern.compile(ALT + "POB (.+)$");
  private static final Pattern NATIONALITY = Pattern.compile(ALT + "nationality (.+)$");
  private static final Pattern CITIZEN = Pattern.compile(ALT + "citizen (.+)$");
  private static final Pattern GENDER = Pattern.compile("^Gender (.+)$");
  private static final Pattern AKA = Pattern.compile("^([afn])\\.k\\.a\\.,? ?'(.+)'\\.?$");
  private static final Pattern IMO =
      Pattern.compile("^Vessel Registration Identification IMO (\\d+)");
  private static final Pattern MMSI = Pattern.compile("^MMSI (\\d+)");
  private static final Pattern CRYPTO =
      Pattern.compile(ALT + "(Digital Currency Address - \\w+) (\\S+)");
  private static final Pattern TITLE = Pattern.compile(ALT + "Title (.+)$");
  private static final Pattern PROPERTY =
      Pattern.compile(
          ALT
              + "(Linked To|Website|Email Address|Telephone|Phone Number|Fax|Former Vessel Flag|"
              + "Vessel Flag|Additional Sanctions Information(?: -)?|Secondary sanctions risk|"
              + "Organization Established Date|Organization Type|Target Type|Aircraft Model|"
              + "Aircraft Operator|Aircraft Manufacture Date|Aircraft Tail Number|"
              + "Previous Aircraft Tail Number|Aircraft Mode S Transponder Code|Vessel Year of Build|"
              + "Equity Ticker|ISIN|Issuer Name|Executive Order 13846 information|"
              + "Executive Order 13662 Directive Determination(?: -)?|"
              + "Executive Order 14024 Directive Information(?: -)?|IFCA Determination(?: -)?|"
              + "Transactions Prohibited For Persons Owned or Controlled By U\\.S\\. Financial Institutions|"
              + "Listing Date \\([^)]*\\)|Effective Date \\([^)]*\\)|"
              + "Purchase/Sales For Divestment Date \\([^)]*\\)):? (.+)$");
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          ALT
              + "((?:[A-Z][\\w'’./&#-]*(?: [\\w'’./&#()-]+){0,7}? )?"
              + "(?:No\\.?|Number|Numbers|ID|#|Code|Card|License|Licence|Passport|C\\.U\\.R\\.P\\.|"
              + "D\\.N\\.I\\.|RFC|NIT|SSN|CURP|R\\.F\\.C\\.|I\\.F\\.E\\.|SWIFT/BIC|\\(MSN\\)|"
              + "\\(USCC\\)|Registration|Identification|Certificate|Permit|C\\.U\\.I\\.(?:T\\.)?|"
              + "FEIN|RTN|BIK|RIF|Identidad|electoral|Militar Nacional)"
              // A label may end in a parenthesis: "Number (CBLS)", "BIK (RU)", "(also called L/N
              // ...)".
              + "(?: \\([^)]{1,60}\\))?) "
              + "(?!(?:No\\.?|Number|Card|#) )([A-Za-z0-9][\\w./:+-]*(?: [0-9][\\w./-]*)?)"
              + "(?: \\(([^)]+)\\))?(.*)$");

  private static final Pattern ABBREVIATION_END =
      Pattern.compile("(?:\\b(?:[A-Z]\\.){2,}|\\b(?:Ltd|Inc|Co|Corp|S\\.A|No)\\.)$");

  private OfacRemarks() {}

  /** Applies the recognised parts of the remarks to the builder. */
  static void apply(String remarks, ListedEntity.Builder b) {
    if (remarks == null) {
      return;
    }
    for (String segment : segments(remarks)) {
      applySegment(segment, b, true);
    }
  }

  /** Splits on semicolons outside parentheses. */
  static List<String> segments(String remarks) {
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < remarks.length(); i++) {
      char c = remarks.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ';' && depth == 0) {
        add(segments, current);
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    add(segments, current);
    return segments;
  }

  private static void add(List<String> segments, StringBuilder current) {
    String s = current.toString().strip();
    while (s.endsWith(".") && !s.endsWith("'.") && s.length() > 1 && !endsWithAbbreviation(s)) {
      s = s.substring(0, s.length() - 1).strip();
    }
    if (s.endsWith("'.")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.isEmpty()) {
      segments.add(s);
    }
  }

  private static boolean endsWithAbbreviation(String s) {
    return ABBREVIATION_END.matcher(s).find();
  }

  /**
   * Applies one OFAC "type value" pair (a remark segment or a typed ID row of the XML formats);
   * returns whether it was recognised.
   */
  static boolean applySegment(String s, ListedEntity.Builder b) {
    return applySegment(s, b, true);
  }

  private static boolean applySegment(String s, ListedEntity.Builder b, boolean generic) {
    Matcher m;
    if ((m = AKA.matcher(s)).matches()) {
      Name name =
          switch (m.group(1)) {
            case "f" -> Name.formerly(m.group(2)).withStrength(NameStrength.WEAK);
            default -> Name.alias(m.group(2), NameStrength.WEAK);
          };
      b.alias(name);
    } else if ((m = DOB.matcher(s)).matches()) {
      b.birthDate(BirthDate.parse(m.group(1)));
    } else if ((m = POB.matcher(s)).matches()) {
      b.placeOfBirth(m.group(1));
    } else if ((m = NATIONALITY.matcher(s)).matches()) {
      b.nationality(m.group(1));
    } else if ((m = CITIZEN.matcher(s)).matches()) {
      b.citizenship(m.group(1));
    } else if ((m = GENDER.matcher(s)).matches()) {
      b.gender(Gender.parse(m.group(1)));
    } else if ((m = IMO.matcher(s)).find()) {
      b.identifier(new Identifier(IdentifierType.IMO, "IMO", m.group(1), null, null));
    } else if ((m = MMSI.matcher(s)).find()) {
      b.identifier(new Identifier(IdentifierType.MMSI, "MMSI", m.group(1), null, null));
    } else if ((m = CRYPTO.matcher(s)).find()) {
      b.identifier(
          new Identifier(IdentifierType.CRYPTO_ADDRESS, m.group(1), m.group(2), null, null));
    } else if ((m = PROPERTY.matcher(s)).matches()) {
      b.property(propertyName(m.group(1)), m.group(2));
    } else if ((m = TITLE.matcher(s)).matches()) {
      b.title(m.group(1));
    } else if (generic && (m = IDENTIFIER.matcher(s)).matches()) {
      String label = m.group(1);
      String country = m.group(3);
      String note = Text.clean(m.group(4));
      if (note != null) {
        note = note.replaceFirst("^[,;]\\s*", "");
      }
      b.identifier(
          new Identifier(
              IdentifierType.classify(label),
              label,
              m.group(2),
              country == null ? null : CountryRef.of(country),
              note));
    } else {
      return false;
    }
    return true;
  }

  /**
   * Applies a typed ID row of OFAC's XML formats ("Passport", "Gender", "Website", "Vessel
   * Registration Identification" ...): known types as in remarks, others as identifiers.
   */
  static void applyTyped(
      String type, String value, String country, String note, ListedEntity.Builder b) {
    if (value == null) {
      return;
    }
    if (type == null) {
      b.identifier(
          new Identifier(
              IdentifierType.OTHER,
              null,
              value,
              country == null ? null : CountryRef.of(country),
              note));
      return;
    }
    String segment = type + " " + value + (country == null ? "" : " (" + country + ")");
    boolean known = applySegment(segment, b, false);
    if (!known) {
      b.identifier(
          new Identifier(
              IdentifierType.classify(type),
              type,
              value,
              country == null ? null : CountryRef.of(country),
              note));
    }
  }

  private static String propertyName(String label) {
    return switch (label) {
      case "Linked To" -> "linkedTo";
      case "Website" -> "website";
      case "Email Address" -> "email";
      case "Telephone", "Phone Number" -> "phone";
      case "Fax" -> "fax";
      case "Former Vessel Flag" -> "pastFlags";
      case "Vessel Flag" -> "flag";
      case "Organization Established Date" -> "incorporationDate";
      case "Organization Type" -> "legalForm";
      case "Aircraft Model" -> "model";
      case "Aircraft Operator" -> "operator";
      case "Aircraft Manufacture Date" -> "buildDate";
      case "Aircraft Tail Number" -> "registrationNumber";
      case "Vessel Year of Build" -> "buildDate";
      default -> "ofac:" + label.replaceAll("[:\\-]+$", "").strip();
    };
  }
}
