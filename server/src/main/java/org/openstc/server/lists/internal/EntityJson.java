package org.openstc.server.lists.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.openstc.screening.watchlist.ListedEntity;
import org.openstc.screening.watchlist.WatchlistDelta.FieldChange;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored JSON form of listed entities and field changes. Its own mapper, independent of the web
 * layer's settings, so that what is stored today reads back the same tomorrow.
 */
@Component
public final class EntityJson {

  private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};

  private final JsonMapper mapper =
      JsonMapper.builder()
          // Derived "isX()" methods (Name.isWeak, CountryRef.isResolved) are not state.
          .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
          .build();

  // Field changes keep empty lists: their records require them.
  private final JsonMapper changes = JsonMapper.builder().build();

  public String write(ListedEntity entity) {
    return mapper.writeValueAsString(entity);
  }

  public ListedEntity read(String json) {
    try {
      return mapper.readValue(json, ListedEntity.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("stored entity cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  /** SHA-256 (hex) of a stored JSON text: the key under which it is stored once. */
  public static String hash(String json) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public String writeChanges(List<FieldChange> changes) {
    return this.changes.writeValueAsString(changes);
  }

  public List<FieldChange> readChanges(String json) {
    return json == null || json.isBlank() ? List.of() : changes.readValue(json, CHANGES);
  }
}
