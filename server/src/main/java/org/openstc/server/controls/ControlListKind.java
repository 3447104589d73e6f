package org.openstc.server.controls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openstc.controls.list.ControlListJson;
import org.openstc.controls.list.ControlListVersion;
import org.openstc.controls.list.EuAnnexIReader;
import org.openstc.controls.list.UsCclReaders;

/**
 * The file formats reference data can be imported from, each read by the controls engine: the EU
 * Annex I JSON, the US CCL JSON, the eCFR XML of 15 CFR Part 774 and the documented national JSON
 * (control lists), and the eCFR XML of Part 738 (Country Chart) and Part 740 Supp. 1 (Country
 * Groups), which US determinations need besides the CCL.
 */
public enum ControlListKind {
  EU_ANNEX_I("eu-annex-i", "json"),
  US_CCL_JSON("us-ccl-json", "json"),
  ECFR_774("ecfr-774", "xml"),
  NATIONAL_JSON("national-json", "json"),
  ECFR_738("ecfr-738", "xml"),
  ECFR_740("ecfr-740", "xml");

  private static final Pattern PART_HEAD =
      Pattern.compile(
          "<HEAD>\\s*(?:Supplement No\\. \\d+ to )?Part (\\d{3})", Pattern.CASE_INSENSITIVE);

  private final String slug;
  private final String extension;

  ControlListKind(String slug, String extension) {
    this.slug = slug;
    this.extension = extension;
  }

  /** The command-line spelling, e.g. {@code eu-annex-i}. */
  public String slug() {
    return slug;
  }

  public String extension() {
    return extension;
  }

  /** Parses the command-line spelling or the enum name. */
  public static ControlListKind parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ControlListKind k : values()) {
      if (k.slug.equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown list kind '"
            + text
            + "'; one of "
            + Arrays.stream(values()).map(ControlListKind::slug).collect(Collectors.joining(", ")));
  }

  /**
   * Recognises the format from the first bytes of a file: XML is eCFR, and the JSON formats differ
   * in their tell-tale fields ({@code format}, {@code corpus_version}, {@code ecfrIssueDate}).
   */
  public static ControlListKind detect(byte[] head) {
    String s = new String(head, StandardCharsets.UTF_8).stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).stripLeading();
    }
    if (s.startsWith("<")) {
      // The first heading names the part: "<HEAD>PART 738—…" or "<HEAD>Supplement No. 1 to Part
      // 740".
      Matcher m = PART_HEAD.matcher(s);
      String part = m.find() ? m.group(1) : "774";
      return switch (part) {
        case "738" -> ECFR_738;
        case "740" -> ECFR_740;
        default -> ECFR_774;
      };
    }
    if (s.contains("\"" + ControlListJson.FORMAT + "\"")) {
      return NATIONAL_JSON;
    }
    if (s.contains("\"corpus_version\"") || s.contains("\"celex\"")) {
      return EU_ANNEX_I;
    }
    if (s.contains("\"ecfrIssueDate\"")) {
      return US_CCL_JSON;
    }
    throw new IllegalArgumentException(
        "cannot tell the list format from the file's beginning; give the kind explicitly");
  }

  /** Whether this kind is a control list (rather than the Country Chart or Groups). */
  public boolean isControlList() {
    return this != ECFR_738 && this != ECFR_740;
  }

  /** Reads a control list file of this kind; the eCFR XML needs the issue date. */
  public ControlListVersion read(Path file, LocalDate issueDate) {
    return switch (this) {
      case ECFR_738, ECFR_740 ->
          throw new IllegalArgumentException(slug + " holds country data, not a control list");
      case EU_ANNEX_I -> EuAnnexIReader.read(file).version();
      case US_CCL_JSON -> UsCclReaders.readJson(file);
      case ECFR_774 -> {
        if (issueDate == null) {
          throw new IllegalArgumentException(
              "an eCFR XML import needs the issue date (--valid-from, or a date in the file name)");
        }
        yield UsCclReaders.readEcfrXml(file, issueDate);
      }
      case NATIONAL_JSON -> ControlListJson.read(file);
    };
  }
}
