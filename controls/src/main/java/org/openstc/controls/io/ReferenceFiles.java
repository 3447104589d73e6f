package org.openstc.controls.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens reference data files safely: JSON with size limits, XML with DTDs and external entities
 * switched off (so XXE and entity bombs fail instead of expanding), errors naming the file.
 */
public final class ReferenceFiles {

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxStringLength(20_000_000)
                          .maxNestingDepth(64)
                          .build())
                  .build())
          .build();

  private ReferenceFiles() {}

  /** The shared mapper (thread-safe) used for reading and writing reference JSON. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /** Reads a JSON document, or fails naming the file and the parser's location. */
  public static JsonNode readJson(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readJson(in, file.toString());
    } catch (IOException e) {
      throw new ReferenceDataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a JSON document from a stream; {@code name} says where it came from in errors. */
  public static JsonNode readJson(InputStream in, String name) {
    try {
      JsonNode root = MAPPER.readTree(in);
      if (root == null || root.isMissingNode()) {
        throw new ReferenceDataException(name + ": empty JSON document");
      }
      return root;
    } catch (JacksonException e) {
      throw new ReferenceDataException(
          name + ": malformed JSON: " + e.getOriginalMessage() + " at " + e.getLocation(), e);
    }
  }

  /** Reads a bundled resource of this module as JSON. */
  public static JsonNode readResource(String resource) {
    InputStream in = ReferenceFiles.class.getResourceAsStream(resource);
    if (in == null) {
      throw new ReferenceDataException("missing bundled resource " + resource);
    }
    try (in) {
      return readJson(in, resource);
    } catch (IOException e) {
      throw new ReferenceDataException("cannot read resource " + resource, e);
    }
  }

  /** A StAX factory that refuses DTDs and external entities. */
  public static XMLInputFactory xmlInputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** The text of a field, or null when absent or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new ReferenceDataException("field '" + field + "' is not a plain value");
    }
    return v.asString();
  }

  /** The text of a required field, or an error naming the file, element and field. */
  public static String required(JsonNode node, String field, String where) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      throw new ReferenceDataException(where + ": missing '" + field + "'");
    }
    return v;
  }
}
