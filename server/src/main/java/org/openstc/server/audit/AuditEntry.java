package org.openstc.server.audit;

/**
 * One change to record: what was done to which object, with a short summary and, where useful, the
 * object's state before and after (as compact JSON or text, never secrets).
 */
public record AuditEntry(
    String action,
    String objectType,
    String objectId,
    String summary,
    String before,
    String after) {

  public AuditEntry {
    requireText(action, "action");
    requireText(objectType, "objectType");
    requireText(summary, "summary");
    if (summary.length() > 4000) {
      summary = summary.substring(0, 3997) + "...";
    }
  }

  public static AuditEntry of(String action, String objectType, Object objectId, String summary) {
    return new AuditEntry(
        action, objectType, objectId == null ? null : objectId.toString(), summary, null, null);
  }

  public AuditEntry withStates(String before, String after) {
    return new AuditEntry(action, objectType, objectId, summary, before, after);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("audit entry needs " + field);
    }
  }
}
