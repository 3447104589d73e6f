package org.openstc.screening.watchlist;

import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams JSON list files with Jackson, one record object at a time: either a sequence of root
 * objects (JSON lines) or the objects of the first array found under a given property (or at the
 * root). Syntax errors name file and line.
 */
final class JsonRecords {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private JsonRecords() {}

  /**
   * Passes each record with its line to the consumer.
   *
   * @param arrayProperty the property holding the records ("results"), or null for JSON lines
   */
  static void forEach(
      ListInput input, String arrayProperty, BiConsumer<JsonNode, Integer> consumer) {
    try (JsonParser parser = MAPPER.createParser(input.text())) {
      if (arrayProperty == null) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          int line = parser.currentLocation().getLineNr();
          if (token != JsonToken.START_OBJECT) {
            throw new WatchlistFormatException(
                input.name(), line, "expected one JSON object per line, found " + token);
          }
          consumer.accept(parser.readValueAsTree(), line);
        }
        return;
      }
      if (!seekArray(parser, arrayProperty)) {
        throw new WatchlistFormatException(
            input.name(),
            parser.currentLocation().getLineNr(),
            "no \"" + arrayProperty + "\" array of records found");
      }
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        int line = parser.currentLocation().getLineNr();
        if (token == null) {
          throw new WatchlistFormatException(
              input.name(), line, "file ends inside the \"" + arrayProperty + "\" array");
        }
        if (token != JsonToken.START_OBJECT) {
          throw new WatchlistFormatException(
              input.name(), line, "expected a record object, found " + token);
        }
        consumer.accept(parser.readValueAsTree(), line);
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new WatchlistFormatException(
          input.name(), Math.max(line, 0), "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Moves to the start of the records array: a root array, or the named property's array. */
  private static boolean seekArray(JsonParser parser, String property) {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return true;
    }
    if (first != JsonToken.START_OBJECT) {
      return false;
    }
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.END_OBJECT) {
      if (token == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (property.equals(name) && value == JsonToken.START_ARRAY) {
          return true;
        }
        parser.skipChildren();
      }
    }
    return false;
  }

  /** Text of a scalar property, null when absent, null or blank. */
  static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    if (value == null || value.isNull() || value.isContainer()) {
      return null;
    }
    return Text.clean(value.asString());
  }

  /** Texts of a property holding a string or an array of strings. */
  static java.util.List<String> texts(JsonNode node, String property) {
    JsonNode value = node.get(property);
    java.util.List<String> out = new java.util.ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      for (JsonNode v : value.values()) {
        if (!v.isContainer() && !v.isNull() && Text.clean(v.asString()) != null) {
          out.add(Text.clean(v.asString()));
        }
      }
    } else if (!value.isContainer() && Text.clean(value.asString()) != null) {
      out.add(Text.clean(value.asString()));
    }
    return out;
  }
}
