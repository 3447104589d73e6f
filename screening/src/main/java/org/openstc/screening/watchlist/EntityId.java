package org.openstc.screening.watchlist;

import java.util.Objects;

/**
 * Identifier of a listed entity, unique within one source list (e.g. OFAC {@code ent_num} "306", UN
 * reference "QDi.001" or an EU logical id).
 */
public record EntityId(String value) implements Comparable<EntityId> {

  public EntityId {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("entity id must not be blank");
    }
  }

  public static EntityId of(String value) {
    return new EntityId(value);
  }

  @Override
  public int compareTo(EntityId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
