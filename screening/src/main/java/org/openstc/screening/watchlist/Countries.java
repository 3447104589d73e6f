package org.openstc.screening.watchlist;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the ways lists name countries (English names, official long forms, "Korea, North",
 * demonyms such as "Iranian", ISO alpha-2 and alpha-3 codes) to ISO 3166-1 alpha-2 codes.
 */
final class Countries {

  private Countries() {}

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern OTHER =
      java.util.regex.Pattern.compile("[^a-z0-9,()' ]+");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private static final java.util.regex.Pattern COMMA = java.util.regex.Pattern.compile(" ?, ?");
  private static final String UNRESOLVED = "";
  // Lists repeat the same few hundred country spellings; resolve each once.
  private static final java.util.Map<String, String> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();
  // Built after the patterns above, which key() uses.
  private static final Map<String, String> BY_KEY = build();
  private static final java.util.Set<String> CODES = java.util.Set.copyOf(BY_KEY.values());

  /** The alpha-2 code for the text, or {@code null} when it names no known country. */
  static String resolve(String text) {
    if (text == null) {
      return null;
    }
    String cached = CACHE.get(text);
    if (cached != null) {
      return cached == UNRESOLVED ? null : cached;
    }
    String code = resolveUncached(text);
    if (CACHE.size() < 10_000) {
      CACHE.put(text, code == null ? UNRESOLVED : code);
    }
    return code;
  }

  private static String resolveUncached(String text) {
    String clean = Text.clean(text);
    if (clean == null) {
      return null;
    }
    if (clean.length() == 2 && clean.chars().allMatch(Character::isLetter)) {
      String upper = clean.toUpperCase(Locale.ROOT);
      return CODES.contains(upper) ? upper : null;
    }
    String key = key(clean);
    String code = BY_KEY.get(key);
    if (code == null && key.contains(",")) {
      // "Korea, North" / "Congo, Democratic Republic of the" are written inverted.
      int comma = key.indexOf(',');
      code = BY_KEY.get(key(key.substring(comma + 1) + " " + key.substring(0, comma)));
      if (code == null) {
        code = BY_KEY.get(key(key.substring(0, comma)));
      }
    }
    if (code == null && key.contains("(")) {
      code = BY_KEY.get(key(key.substring(0, key.indexOf('('))));
    }
    if (code == null && key.startsWith("the ")) {
      code = BY_KEY.get(key.substring(4));
    }
    return code;
  }

  static String key(String text) {
    String n = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    n = n.toLowerCase(Locale.ROOT).replace('’', '\'').replace('&', ' ');
    n = SPACES.matcher(OTHER.matcher(n).replaceAll(" ")).replaceAll(" ").strip();
    return COMMA.matcher(n).replaceAll(",").replace("( ", "(").strip();
  }

  private static Map<String, String> build() {
    Map<String, String> map = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale locale = Locale.of("", code);
      map.put(key(locale.getDisplayCountry(Locale.ENGLISH)), code);
      try {
        map.put(key(locale.getISO3Country()), code);
      } catch (java.util.MissingResourceException e) {
        // Some codes have no alpha-3 form in the JDK; the name still resolves.
      }
    }
    String[][] extra = {
      {"XK", "kosovo", "kosovar", "xkx"},
      {"US", "united states of america", "usa", "u s a", "u s", "america", "american"},
      {
        "GB",
        "uk",
        "u k",
        "great britain",
        "britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "united kingdom of great britain and northern ireland",
        "british"
      },
      {"RU", "russian federation", "russia", "russian"},
      {"IR", "iran (islamic republic of)", "islamic republic of iran", "iran", "iranian", "persia"},
      {"SY", "syrian arab republic", "syria", "syrian"},
      {
        "KP",
        "north korea",
        "democratic people's republic of korea",
        "korea north",
        "dprk",
        "korea, democratic people's republic of",
        "north korean",
        "korea (democratic people's republic of)"
      },
      {
        "KR",
        "south korea",
        "republic of korea",
        "korea south",
        "korea",
        "south korean",
        "korea, republic of"
      },
      {"MM", "burma", "myanmar", "burmese"},
      {
        "VE",
        "venezuela (bolivarian republic of)",
        "bolivarian republic of venezuela",
        "venezuela",
        "venezuelan"
      },
      {"BO", "bolivia (plurinational state of)", "bolivia", "bolivian"},
      {"TZ", "united republic of tanzania", "tanzania", "tanzanian"},
      {"MD", "republic of moldova", "moldova", "moldovan"},
      {"LA", "lao people's democratic republic", "laos", "lao", "laotian"},
      {"VN", "viet nam", "vietnam", "vietnamese"},
      {
        "PS",
        "palestine",
        "state of palestine",
        "palestinian",
        "west bank",
        "gaza",
        "palestinian territories",
        "occupied palestinian territory",
        "region: gaza",
        "region gaza",
        "region west bank",
        "palestinian territory"
      },
      {
        "CD",
        "democratic republic of the congo",
        "congo democratic republic of the",
        "drc",
        "dr congo",
        "congo (democratic republic of the)",
        "congo kinshasa",
        "democratic republic of congo",
        "zaire",
        "congolese (drc)"
      },
      {
        "CG",
        "republic of the congo",
        "congo",
        "congo brazzaville",
        "congo (republic of)",
        "republic of congo"
      },
      {"CZ", "czech republic", "czechia", "czech"},
      {"TR", "turkey", "turkiye", "turkish"},
      {"CI", "cote d'ivoire", "ivory coast", "cote divoire"},
      {
        "MK",
        "north macedonia",
        "macedonia",
        "the former yugoslav republic of macedonia",
        "republic of north macedonia",
        "macedonian"
      },
      {"SZ", "eswatini", "swaziland"},
      {"CV", "cabo verde", "cape verde"},
      {"BN", "brunei", "brunei darussalam"},
      {"FM", "micronesia", "micronesia (federated states of)"},
      {"MO", "macau", "macao", "china, macau"},
      {"HK", "hong kong", "hong kong sar", "china, hong kong"},
      {"TW", "taiwan", "taiwan, province of china", "chinese taipei"},
      {"VA", "holy see", "vatican", "vatican city"},
      {"BS", "bahamas", "the bahamas"},
      {"GM", "gambia", "the gambia", "gambian"},
      {"AE", "uae", "united arab emirates", "emirati"},
      {"BA", "bosnia", "bosnia and herzegovina", "bosnia-herzegovina"},
      {"SX", "sint maarten"},
      {"CW", "curacao"},
      {"TL", "timor-leste", "east timor"},
      {"LY", "libya", "libyan arab jamahiriya", "libyan"},
      {"SS", "south sudan", "south sudanese"},
      {"AF", "afghanistan", "afghan"},
      {"IQ", "iraq", "iraqi"},
      {"SA", "saudi arabia", "saudi"},
      {"YE", "yemen", "yemeni"},
      {"LB", "lebanon", "lebanese"},
      {"PK", "pakistan", "pakistani"},
      {"EG", "egypt", "egyptian"},
      {"JO", "jordan", "jordanian"},
      {"KW", "kuwait", "kuwaiti"},
      {"QA", "qatar", "qatari"},
      {"BH", "bahrain", "bahraini"},
      {"OM", "oman", "omani"},
      {"SO", "somalia", "somali"},
      {"SD", "sudan", "sudanese"},
      {"DZ", "algeria", "algerian"},
      {"MA", "morocco", "moroccan"},
      {"TN", "tunisia", "tunisian"},
      {"ML", "mali", "malian"},
      {"NE", "niger", "nigerien"},
      {"NG", "nigeria", "nigerian"},
      {"ER", "eritrea", "eritrean"},
      {"ET", "ethiopia", "ethiopian"},
      {"KE", "kenya", "kenyan"},
      {"UG", "uganda", "ugandan"},
      {"RW", "rwanda", "rwandan"},
      {"BI", "burundi", "burundian"},
      {"CF", "central african republic", "central african"},
      {"ZW", "zimbabwe", "zimbabwean"},
      {"CN", "china", "chinese", "people's republic of china", "prc"},
      {"IN", "india", "indian"},
      {"ID", "indonesia", "indonesian"},
      {"MY", "malaysia", "malaysian"},
      {"PH", "philippines", "filipino", "philippine"},
      {"TH", "thailand", "thai"},
      {"SG", "singapore", "singaporean"},
      {"BD", "bangladesh", "bangladeshi"},
      {"LK", "sri lanka", "sri lankan"},
      {"UA", "ukraine", "ukrainian"},
      {"BY", "belarus", "belarusian", "byelorussia"},
      {"KZ", "kazakhstan", "kazakh"},
      {"UZ", "uzbekistan", "uzbek"},
      {"TJ", "tajikistan", "tajik"},
      {"KG", "kyrgyzstan", "kyrgyz"},
      {"TM", "turkmenistan", "turkmen"},
      {"AZ", "azerbaijan", "azerbaijani"},
      {"AM", "armenia", "armenian"},
      {"GE", "georgia", "georgian"},
      {"CU", "cuba", "cuban"},
      {"NI", "nicaragua", "nicaraguan"},
      {"CO", "colombia", "colombian"},
      {"MX", "mexico", "mexican"},
      {"PA", "panama", "panamanian"},
      {"GT", "guatemala", "guatemalan"},
      {"HN", "honduras", "honduran"},
      {"SV", "el salvador", "salvadoran"},
      {"EC", "ecuador", "ecuadorian"},
      {"PE", "peru", "peruvian"},
      {"BR", "brazil", "brazilian"},
      {"AR", "argentina", "argentine", "argentinian"},
      {"CL", "chile", "chilean"},
      {"ES", "spain", "spanish"},
      {"FR", "france", "french"},
      {"DE", "germany", "german"},
      {"IT", "italy", "italian"},
      {"NL", "netherlands", "dutch", "the netherlands", "holland"},
      {"BE", "belgium", "belgian"},
      {"CH", "switzerland", "swiss"},
      {"AT", "austria", "austrian"},
      {"SE", "sweden", "swedish"},
      {"NO", "norway", "norwegian"},
      {"DK", "denmark", "danish"},
      {"FI", "finland", "finnish"},
      {"IE", "ireland", "irish"},
      {"PL", "poland", "polish"},
      {"RS", "serbia", "serbian"},
      {"ME", "montenegro", "montenegrin"},
      {"HR", "croatia", "croatian"},
      {"AL", "albania", "albanian"},
      {"GR", "greece", "greek"},
      {"CY", "cyprus", "cypriot"},
      {"IL", "israel", "israeli"},
      {"CA", "canada", "canadian"},
      {"AU", "australia", "australian"},
      {"NZ", "new zealand"},
      {"JP", "japan", "japanese"},
      {"ZA", "south africa", "south african"},
      {"TD", "chad", "chadian"},
      {"MR", "mauritania", "mauritanian"},
      {"GN", "guinea", "guinean"},
      {"GW", "guinea-bissau", "guinea bissau"},
      {"SN", "senegal", "senegalese"},
      {"LR", "liberia", "liberian"},
      {"SL", "sierra leone"},
      {"HT", "haiti", "haitian"},
      {"BG", "bulgaria", "bulgarian"},
      {"RO", "romania", "romanian"},
      {"HU", "hungary", "hungarian"},
      {"SK", "slovakia", "slovak"},
      {"SI", "slovenia", "slovenian"},
      {"LT", "lithuania", "lithuanian"},
      {"LV", "latvia", "latvian"},
      {"EE", "estonia", "estonian"},
      {"PT", "portugal", "portuguese"},
      {"MT", "malta", "maltese"},
      {"LU", "luxembourg"},
      {"DJ", "djibouti"},
      {"NP", "nepal", "nepalese"},
      {"MN", "mongolia", "mongolian"},
      {"KH", "cambodia", "cambodian"},
      {"VG", "british virgin islands", "virgin islands, british"},
      {"VI", "us virgin islands", "virgin islands, u s"},
      {"KY", "cayman islands"},
      {"IM", "isle of man"},
      {"JE", "jersey"},
      {"GG", "guernsey"},
      {"LI", "liechtenstein"},
      {"MC", "monaco"},
      {"SC", "seychelles"},
      {"MU", "mauritius"},
      {"MH", "marshall islands"},
      {"VC", "saint vincent and the grenadines", "st vincent and the grenadines"},
      {"KN", "saint kitts and nevis", "st kitts and nevis"},
      {"LC", "saint lucia", "st lucia"},
      {"TT", "trinidad and tobago"},
      {"AG", "antigua and barbuda"},
      {"BZ", "belize"},
      {"JM", "jamaica", "jamaican"},
      {"DO", "dominican republic", "dominican"},
      {"PY", "paraguay", "paraguayan"},
      {"UY", "uruguay", "uruguayan"},
    };
    for (String[] row : extra) {
      for (int i = 1; i < row.length; i++) {
        map.put(key(row[i]), row[0]);
      }
    }
    // "Soviet Union", "Yugoslavia", "Czechoslovakia" name states that no longer exist: left
    // unresolved.
    return Map.copyOf(map);
  }
}
