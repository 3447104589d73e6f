package org.openstc.screening.watchlist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML list file record by record with StAX. Document type declarations are refused
 * outright (so no external entity and no entity expansion can happen), and a record larger than
 * {@link #MAX_RECORD_CHARS} characters fails instead of filling memory.
 */
final class XmlRecordStream implements AutoCloseable {

  static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

  private static final XMLInputFactory FACTORY = secureFactory();

  private final ListInput input;
  private final XMLStreamReader reader;
  private final Map<String, String> rootAttributes = new HashMap<>();
  private String rootName;
  private final Deque<String> path = new ArrayDeque<>();
  private String current;

  private final String expectedRoot;

  /**
   * Opens the stream.
   *
   * @param expectedRoot local name the root element must have
   */
  XmlRecordStream(ListInput input, String expectedRoot) {
    this.input = input;
    this.expectedRoot = expectedRoot;
    try {
      this.reader = FACTORY.createXMLStreamReader(input.bytes());
    } catch (XMLStreamException e) {
      throw new WatchlistFormatException(
          input.name(), 0, "not readable as XML: " + e.getMessage(), e);
    }
  }

  static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /** The root element's local name (after the first call to {@link #next}). */
  String rootName() {
    return rootName;
  }

  String rootAttribute(String name) {
    return Text.clean(rootAttributes.get(name));
  }

  /**
   * Advances to the next element whose local name is in {@code names} and returns it with its whole
   * subtree, or null at the end of the document.
   */
  XmlElement next(Set<String> names) {
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw error(
                  "document type declarations (DOCTYPE) are refused: they allow external"
                      + " entities and entity expansion",
                  null);
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw error("entity reference &" + reader.getLocalName() + "; is not allowed", null);
          case XMLStreamConstants.START_ELEMENT -> {
            String local = reader.getLocalName();
            if (rootName == null) {
              rootName = local;
              if (!local.equals(expectedRoot)) {
                throw error("root element <" + local + "> is not <" + expectedRoot + ">", null);
              }
              for (int i = 0; i < reader.getAttributeCount(); i++) {
                rootAttributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
              }
            }
            if (names.contains(local)) {
              return readElement();
            }
            path.push(local);
          }
          case XMLStreamConstants.END_ELEMENT -> path.poll();
          default -> {}
        }
      }
      if (rootName == null) {
        throw error("no XML root element", null);
      }
      return null;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new WatchlistFormatException(input.name(), Math.max(line, 0), describe(e), e);
    }
  }

  /** Reads the element the reader is positioned on, with its subtree. */
  private XmlElement readElement() throws XMLStreamException {
    int[] budget = {MAX_RECORD_CHARS};
    return readElement(budget);
  }

  private XmlElement readElement(int[] budget) throws XMLStreamException {
    String name = reader.getLocalName();
    current = name;
    int line = reader.getLocation().getLineNumber();
    Map<String, String> attributes = Map.of();
    int count = reader.getAttributeCount();
    if (count > 0) {
      attributes = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String value = reader.getAttributeValue(i);
        budget[0] -= value.length();
        attributes.put(reader.getAttributeLocalName(i), value);
      }
    }
    List<XmlElement> children = new ArrayList<>(2);
    StringBuilder text = null;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          children.add(readElement(budget));
          current = name;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          int length = reader.getTextLength();
          budget[0] -= length;
          if (text == null) {
            text = new StringBuilder(length);
          }
          text.append(reader.getTextCharacters(), reader.getTextStart(), length);
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw error("entity reference &" + reader.getLocalName() + "; is not allowed", null);
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlElement(
              name, attributes, text == null ? null : text.toString(), children, line);
        }
        default -> {}
      }
      if (budget[0] < 0) {
        throw error("record <" + name + "> exceeds " + MAX_RECORD_CHARS + " characters", null);
      }
    }
  }

  private String describe(XMLStreamException e) {
    String message = e.getMessage();
    // StAX prefixes messages with "ParseError at [row,col]:[..]\nMessage: "; keep the message.
    int at = message == null ? -1 : message.indexOf("Message: ");
    String where = current != null ? current : path.peek();
    return "malformed XML"
        + (where == null ? "" : " in <" + where + ">")
        + ": "
        + (at >= 0 ? message.substring(at + 9) : message);
  }

  WatchlistFormatException error(String message, Throwable cause) {
    int line = 0;
    try {
      line = reader.getLocation().getLineNumber();
    } catch (RuntimeException e) {
      // Location unavailable after a fatal error; report without a line.
    }
    return new WatchlistFormatException(input.name(), Math.max(line, 0), message, cause);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // The underlying stream is closed by the caller.
    }
    input.close();
  }
}
