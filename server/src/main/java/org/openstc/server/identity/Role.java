package org.openstc.server.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user may do (see the role table in DOMAIN.md). Spring Security authorities are {@code
 * ROLE_} plus the enum name, so handlers declare {@code @PreAuthorize("hasRole('CASEWORKER')")}.
 */
public enum Role {
  ADMINISTRATOR(
      "Administrator",
      "organisations, users, roles, list sources, retention",
      EnumSet.allOf(OrganisationKind.class)),
  COMPLIANCE_USER(
      "Compliance user",
      "maintains products and business partners, enters transactions",
      EnumSet.of(OrganisationKind.EXPORTER)),
  EXPORT_CONTROL_OFFICER(
      "Export control officer",
      "classifies, decides screening hits, releases holds, manages licences, runs the ICP",
      EnumSet.of(OrganisationKind.EXPORTER)),
  CASEWORKER(
      "Caseworker",
      "assesses licence applications and advises",
      EnumSet.of(OrganisationKind.LICENSING_AUTHORITY)),
  SENIOR_CASEWORKER(
      "Senior caseworker",
      "countersigns and decides licence applications",
      EnumSet.of(OrganisationKind.LICENSING_AUTHORITY)),
  MONITORING_EXPERT(
      "Monitoring expert",
      "maintains 1540 matrices, reports, action plans, contacts, assistance matching",
      EnumSet.of(OrganisationKind.MONITORING_BODY));

  private final String label;
  private final String description;
  private final Set<OrganisationKind> kinds;

  Role(String label, String description, Set<OrganisationKind> kinds) {
    this.label = label;
    this.description = description;
    this.kinds = kinds;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  /** Whether a user of an organisation of this kind may hold the role. */
  public boolean fits(OrganisationKind kind) {
    return kinds.contains(kind);
  }

  /** Whether holders see every organisation's data rather than only their own. */
  public boolean spansOrganisations() {
    return this == ADMINISTRATOR;
  }

  /** Parses a role name case-insensitively, with a message listing the valid names. */
  public static Role parse(String text) {
    String wanted = text == null ? "" : text.strip().toUpperCase().replace('-', '_');
    return Arrays.stream(values())
        .filter(r -> r.name().equals(wanted))
        .findFirst()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "Unknown role '"
                    + text
                    + "'; valid roles: "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
  }

  /** The organisation kind a new organisation gets when created for a user of this role. */
  public OrganisationKind defaultOrganisationKind() {
    return switch (this) {
      case ADMINISTRATOR -> OrganisationKind.PLATFORM;
      case COMPLIANCE_USER, EXPORT_CONTROL_OFFICER -> OrganisationKind.EXPORTER;
      case CASEWORKER, SENIOR_CASEWORKER -> OrganisationKind.LICENSING_AUTHORITY;
      case MONITORING_EXPERT -> OrganisationKind.MONITORING_BODY;
    };
  }
}
