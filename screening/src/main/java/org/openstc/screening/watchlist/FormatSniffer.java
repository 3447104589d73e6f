package org.openstc.screening.watchlist;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells list formats apart from their first bytes: the XML root element, JSON shape or CSV header.
 */
final class FormatSniffer {

  private static final Pattern ROOT =
      Pattern.compile("<(?![?!])(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
  private static final Pattern OFAC_ROW = Pattern.compile("^\\d+,\"[^\"]*\",(?:\"[^\"]*\"|-0- ?)");

  private FormatSniffer() {}

  static Optional<ListFormat> sniff(byte[] head) {
    String text = decode(head);
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("<")) {
      return xmlFormat(trimmed);
    }
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      return jsonFormat(trimmed);
    }
    return textFormat(text);
  }

  private static String decode(byte[] head) {
    int offset = 0;
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      offset = 3;
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
    } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
    } else if (ListInput.looksLikeUtf16WithoutBom(head)) {
      // Guess the byte order from where the zeros are; good enough to find a root element.
      boolean bigEndian = head.length > 0 && head[0] == 0;
      return new String(head, bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
    }
    // A multi-byte character may be cut at the end of the head; replacement is harmless here.
    return new String(head, offset, head.length - offset, StandardCharsets.UTF_8);
  }

  private static Optional<ListFormat> xmlFormat(String text) {
    Matcher m = ROOT.matcher(text);
    int from = 0;
    while (m.find(from)) {
      // Skip matches inside comments and the DOCTYPE internal subset.
      int commentStart = text.lastIndexOf("<!--", m.start());
      int commentEnd = text.lastIndexOf("-->", m.start());
      if (commentStart >= 0 && commentStart > commentEnd) {
        from = m.end();
        continue;
      }
      int doctype = text.lastIndexOf("<!DOCTYPE", m.start());
      if (doctype >= 0 && text.indexOf("]>", doctype) > m.start()) {
        from = m.end();
        continue;
      }
      String root = m.group(1);
      return Optional.ofNullable(
          switch (root) {
            case "CONSOLIDATED_LIST" -> ListFormat.UN_XML;
            case "sdnList" -> ListFormat.OFAC_CLASSIC_XML;
            case "Sanctions" -> ListFormat.OFAC_ADVANCED_XML;
            case "sanctionsData" -> ListFormat.OFAC_ENHANCED_XML;
            case "export" -> ListFormat.EU_FSF_XML;
            case "Designations" -> ListFormat.UK_FCDO_XML;
            default -> null;
          });
    }
    return Optional.empty();
  }

  private static Optional<ListFormat> jsonFormat(String text) {
    String firstLine = text.lines().findFirst().orElse("");
    if (firstLine.startsWith("{")
        && firstLine.contains("\"schema\"")
        && firstLine.contains("\"properties\"")) {
      return Optional.of(ListFormat.FTM_JSON);
    }
    if (text.contains("\"results\"")
        || (text.contains("\"source\"") && text.contains("\"entity_number\""))) {
      return Optional.of(ListFormat.CSL_JSON);
    }
    if (text.contains("\"schema\"") && text.contains("\"properties\"")) {
      return Optional.of(ListFormat.FTM_JSON);
    }
    return Optional.empty();
  }

  private static Optional<ListFormat> textFormat(String text) {
    // Private lists may open with "#" comment lines; the header is the first other line.
    String firstLine =
        text.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .findFirst()
            .orElse("");
    String header = firstLine.toLowerCase(Locale.ROOT).replace("\"", "");
    if (header.contains("\t") && header.contains("name") && header.contains("street_address")) {
      return Optional.of(ListFormat.BIS_DPL_TSV);
    }
    if (header.startsWith("_id,source,")
        || header.startsWith("source,entity_number,")
        || (header.contains("source")
            && header.contains("entity_number")
            && header.contains("alt_names"))) {
      return Optional.of(ListFormat.CSL_CSV);
    }
    if (OFAC_ROW.matcher(firstLine).find()) {
      return Optional.of(ListFormat.OFAC_LEGACY_CSV);
    }
    String[] columns =
        header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter(header))));
    if (columns.length >= 2) {
      boolean id = false;
      boolean name = false;
      for (String column : columns) {
        id |= column.strip().equals("id");
        name |= column.strip().equals("name");
      }
      if (id && name) {
        return Optional.of(ListFormat.PRIVATE_CSV);
      }
    }
    return Optional.empty();
  }

  /**
   * The delimiter of a private-list CSV header: a comma, or a semicolon or tab as spreadsheet
   * programs in many locales write them.
   */
  static char delimiter(String headerLine) {
    if (headerLine.indexOf(',') >= 0) {
      return ',';
    }
    if (headerLine.indexOf(';') >= 0) {
      return ';';
    }
    return headerLine.indexOf('\t') >= 0 ? '\t' : ',';
  }

  /** The header line of a text file: its first line that is neither blank nor a "#" comment. */
  static String headerLine(byte[] head) {
    return decode(head)
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .findFirst()
        .orElse("");
  }
}
