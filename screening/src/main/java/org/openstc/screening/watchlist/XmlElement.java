package org.openstc.screening.watchlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One XML element of a list record held in memory (local names, namespaces dropped). Readers stream
 * the file and materialise one record at a time as a small tree of these.
 */
record XmlElement(
    String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {

  /** The first child with this local name, or null. */
  XmlElement child(String childName) {
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        return child;
      }
    }
    return null;
  }

  List<XmlElement> children(String childName) {
    List<XmlElement> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.name.equals(childName)) {
        found.add(child);
      }
    }
    return found;
  }

  /** All descendants (any depth) with this local name, in document order. */
  List<XmlElement> descendants(String descendantName) {
    List<XmlElement> found = new ArrayList<>();
    collect(descendantName, found);
    return found;
  }

  private void collect(String descendantName, List<XmlElement> found) {
    for (XmlElement child : children) {
      if (child.name.equals(descendantName)) {
        found.add(child);
      }
      child.collect(descendantName, found);
    }
  }

  /** The trimmed text of the first child with this name, or null when absent or blank. */
  String text(String childName) {
    XmlElement child = child(childName);
    return child == null ? null : Text.clean(child.text);
  }

  /** The texts of every child with this name, blanks dropped. */
  List<String> texts(String childName) {
    List<String> found = new ArrayList<>();
    for (XmlElement child : children) {
      if (child.name.equals(childName) && Text.clean(child.text) != null) {
        found.add(Text.clean(child.text));
      }
    }
    return found;
  }

  /** The trimmed attribute value, or null when absent or blank. */
  String attr(String attributeName) {
    return Text.clean(attributes.get(attributeName));
  }

  String cleanText() {
    return Text.clean(text);
  }
}
