package org.openstc.server.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.openstc.server.audit.AuditRecord;

/**
 * SHA-256 over a record's fields and the previous record's hash. Fields are length-prefixed so that
 * moving text from one field to another changes the hash.
 */
final class AuditHash {

  private AuditHash() {}

  static String of(AuditRecord r) {
    StringBuilder canonical = new StringBuilder(256);
    append(canonical, Long.toString(r.seq()));
    append(canonical, r.occurredAt().toString());
    append(canonical, r.actor());
    append(canonical, r.organisationId() == null ? null : r.organisationId().toString());
    append(canonical, r.action());
    append(canonical, r.objectType());
    append(canonical, r.objectId());
    append(canonical, r.summary());
    append(canonical, r.before());
    append(canonical, r.after());
    append(canonical, r.requestId());
    append(canonical, r.prevHash());
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void append(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("-1:");
    } else {
      sb.append(value.length()).append(':').append(value);
    }
    sb.append('|');
  }
}
