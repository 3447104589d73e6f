package org.openstc.controls.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads eCFR "versioner" XML (the format of 15 CFR Parts 738, 740 and 774 on ecfr.gov) into a flat
 * sequence of paragraphs and tables in document order, which the list and chart readers then
 * interpret. DTDs and external entities are refused.
 */
public final class EcfrXml {

  /** A paragraph-level element (HEAD, P, FP-1, FP-2 …) with its text; inline markup flattened. */
  public record Para(String tag, String text, boolean inNote, int line) implements Node {}

  /** A table with its caption, header rows and body rows. */
  public record Table(String caption, List<List<Cell>> header, List<List<Cell>> rows, int line)
      implements Node {}

  /** A table cell: its text without footnote marks, the footnote marks, and its column span. */
  public record Cell(String text, String superscripts, int colspan) {}

  /** A paragraph or a table. */
  public sealed interface Node permits Para, Table {}

  private static final Set<String> PARAGRAPHS =
      Set.of("HEAD", "HED", "P", "FP", "FP-1", "FP-2", "PSPACE", "EXTRACT");

  private EcfrXml() {}

  /**
   * Reads the file; when {@code appendix} is given (e.g. "Supplement No. 1 to Part 738"), only the
   * DIV9 whose N attribute starts with it.
   */
  public static List<Node> read(Path file, String appendix) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), appendix);
    } catch (IOException e) {
      throw new ReferenceDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static List<Node> read(InputStream in, String name, String appendix) {
    List<Node> out = new ArrayList<>();
    XMLStreamReader r = null;
    try {
      r = ReferenceFiles.xmlInputFactory().createXMLStreamReader(in);
      int div9Depth = -1;
      int depth = 0;
      int noteDepth = 0;
      StringBuilder para = null;
      String paraTag = null;
      int paraDepth = -1;
      int paraLine = 0;
      boolean inSuperscript = false;
      // table state
      String caption = null;
      List<List<Cell>> header = null;
      List<List<Cell>> rows = null;
      List<Cell> row = null;
      boolean inHead = false;
      boolean inCaption = false;
      StringBuilder cell = null;
      StringBuilder sup = null;
      int colspan = 1;
      int tableLine = 0;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new ReferenceDataException(name + ": DOCTYPE declarations are not accepted");
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String tag = r.getLocalName();
          if ("DIV9".equals(tag) && appendix != null) {
            String n = r.getAttributeValue(null, "N");
            if (n != null && n.startsWith(appendix)) {
              div9Depth = depth;
            }
          }
          boolean active = appendix == null || div9Depth > 0;
          if (!active) {
            continue;
          }
          switch (tag) {
            case "NOTE" -> noteDepth++;
            case "TABLE" -> {
              caption = "";
              header = new ArrayList<>();
              rows = new ArrayList<>();
              tableLine = r.getLocation().getLineNumber();
            }
            case "CAPTION" -> {
              inCaption = true;
              cell = new StringBuilder();
            }
            case "THEAD" -> inHead = true;
            case "TR" -> row = new ArrayList<>();
            case "TD", "TH" -> {
              cell = new StringBuilder();
              sup = new StringBuilder();
              String span = r.getAttributeValue(null, "colspan");
              colspan = parseSpan(span, name, r.getLocation().getLineNumber());
            }
            case "sup", "SU" -> {
              inSuperscript = true;
              if (cell == null && para != null) {
                para.append('^');
              }
            }
            case "br" -> {
              if (cell != null) {
                cell.append(' ');
              }
            }
            default -> {
              if (cell == null && para == null && PARAGRAPHS.contains(tag) && rows == null) {
                para = new StringBuilder();
                paraTag = tag;
                paraDepth = depth;
                paraLine = r.getLocation().getLineNumber();
              }
            }
          }
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          if (appendix != null && div9Depth < 0) {
            continue;
          }
          String t = r.getText();
          if (cell != null) {
            if (inSuperscript && sup != null) {
              sup.append(t.strip()).append(' ');
            } else {
              cell.append(t);
            }
          } else if (para != null) {
            para.append(t);
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String tag = r.getLocalName();
          boolean active = appendix == null || div9Depth > 0;
          if (active) {
            switch (tag) {
              case "NOTE" -> noteDepth = Math.max(0, noteDepth - 1);
              case "sup", "SU" -> inSuperscript = false;
              case "CAPTION" -> {
                caption = clean(cell);
                cell = null;
                inCaption = false;
              }
              case "TD", "TH" -> {
                if (row != null && cell != null) {
                  row.add(new Cell(clean(cell), clean(sup), colspan));
                }
                cell = null;
                sup = null;
              }
              case "TR" -> {
                if (row != null) {
                  (inHead ? header : rows).add(List.copyOf(row));
                }
                row = null;
              }
              case "THEAD" -> inHead = false;
              case "TABLE" -> {
                out.add(new Table(caption, List.copyOf(header), List.copyOf(rows), tableLine));
                header = null;
                rows = null;
              }
              default -> {
                if (para != null && depth == paraDepth && tag.equals(paraTag)) {
                  out.add(new Para(paraTag, clean(para), noteDepth > 0, paraLine));
                  para = null;
                  paraTag = null;
                  paraDepth = -1;
                }
              }
            }
          }
          if ("DIV9".equals(tag) && depth == div9Depth) {
            div9Depth = -1;
          }
          depth--;
        }
      }
      if (inCaption) {
        throw new ReferenceDataException(name + ": unterminated table caption");
      }
      return out;
    } catch (XMLStreamException e) {
      throw new ReferenceDataException(
          name
              + ": malformed XML at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber())
              + ": "
              + e.getMessage(),
          e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a failed reader adds nothing to the first error
        }
      }
    }
  }

  private static int parseSpan(String span, String name, int line) {
    if (span == null) {
      return 1;
    }
    try {
      int n = Integer.parseInt(span.strip());
      if (n < 1 || n > 64) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ReferenceDataException(name + ": line " + line + ": bad colspan '" + span + "'");
    }
  }

  private static String clean(StringBuilder sb) {
    return sb == null ? "" : sb.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
  }
}
