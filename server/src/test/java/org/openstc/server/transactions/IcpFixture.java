package org.openstc.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.openstc.server.audit.Actor;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.ImportOutcome;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.PartnerDraft;
import org.openstc.server.partners.PartnerRole;
import org.openstc.server.partners.Partners;
import org.openstc.server.partners.PartyType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The world of the transaction tests, built through the services and the JSON API of a running
 * server: users of one exporter (a compliance user and two officers) and a stranger, a small EU
 * control list, a private watchlist with one listed company, partners, products classified with
 * four-eyes, and a licence.
 */
final class IcpFixture {

  static final String PASSWORD = "a long test password";
  static final String WATCHLIST =
      """
      id,name,type,birth_date,nationality,aliases,remarks
      E2,Sinister Trading LLC,organisation,,IR,Sinister Trade Company,
      E9,Very Bad Logistics Ltd,organisation,,KP,,
      """;

  final String base;
  final JsonMapper json = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();
  String clerk;
  String olga;
  String otto;
  String stranger;
  long organisation;
  long lathe;
  long cable;
  long unclassified;
  long licence;
  Partner buyer;
  Partner consignee;
  Partner endUser;
  Partner forwarder;
  Partner bank;
  Partner carrier;

  IcpFixture(String base) {
    this.base = base;
  }

  void build(
      UserAccounts accounts,
      WatchlistImports lists,
      ControlListCatalogue catalogue,
      Partners partners)
      throws Exception {
    char[] pw = PASSWORD.toCharArray();
    accounts.create(
        new NewUser("clara", "Clara Clerk", null, "Acme Export", Set.of(Role.COMPLIANCE_USER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser(
            "olga", "Olga Officer", null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser(
            "otto", "Otto Officer", null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser("sam", null, null, "Other Exporter", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    clerk = token(accounts, "clara");
    olga = token(accounts, "olga");
    otto = token(accounts, "otto");
    stranger = token(accounts, "sam");
    organisation = accounts.findByUsername("clara").orElseThrow().organisationId();

    try (InputStream in =
        getClass().getResourceAsStream("/controls/eu-annex-i-small-2025-01-01.json")) {
      catalogue.importList(in, "eu-annex-i-small-2025-01-01.json", null, null, Actor.SYSTEM);
    }
    Path file = Files.createTempDirectory("lists").resolve("icp.csv");
    Files.writeString(file, WATCHLIST, StandardCharsets.UTF_8);
    assertThat(
            lists.importFile(file, "test-private", new Actor("admin", null), ImportProgress.NONE))
        .isInstanceOf(ImportOutcome.Imported.class);

    buyer = partner(partners, "B1", "Acme Widgets GmbH", "DE", PartnerRole.CUSTOMER);
    consignee = partner(partners, "C1", "Sinister Trading LLC", "AE", PartnerRole.CONSIGNEE);
    endUser = partner(partners, "U1", "Shanghai Precision Bearings Co", "CN", PartnerRole.END_USER);
    forwarder = partner(partners, "F1", "Rapid Freight Forwarding BV", "NL", PartnerRole.FORWARDER);
    bank = partner(partners, "K1", "First Harbour Bank plc", "GB", PartnerRole.BANK);
    carrier = partner(partners, "R1", "Blue Ocean Shipping AS", "NO", PartnerRole.CARRIER);

    lathe = product("LT-500", "CNC turning centre", "EU", "2B001.a");
    cable = product("CB-10", "Copper cable", "EU", "NOT_LISTED");
    unclassified =
        post(
                "/api/v1/products",
                clerk,
                "{\"partNumber\":\"PX-1\",\"description\":\"Prototype\"}",
                201)
            .get("id")
            .asLong();
    licence =
        post(
                "/api/v1/licences",
                olga,
                "{\"number\":\"DE-IL-2026-0042\",\"kind\":\"INDIVIDUAL\",\"authority\":\"BAFA\","
                    + "\"validFrom\":\"2025-01-01\",\"validUntil\":\"2030-12-31\","
                    + "\"items\":[\"2B001\"],\"destinations\":[\"CN\"],"
                    + "\"quantityLimit\":10,\"tolerancePercent\":10,"
                    + "\"conditions\":\"No re-export without consent\"}",
                201)
            .get("id")
            .asLong();
  }

  private Partner partner(
      Partners partners, String ref, String name, String country, PartnerRole role) {
    return partners.create(
        organisation,
        new PartnerDraft(
            ref,
            name,
            List.of(),
            PartyType.ORGANISATION,
            Set.of(role),
            country,
            "Main Street 1",
            "Town",
            null,
            null,
            List.of(),
            null));
  }

  long product(String part, String description, String jurisdiction, String code) throws Exception {
    long id =
        post(
                "/api/v1/products",
                clerk,
                "{\"partNumber\":\"" + part + "\",\"description\":\"" + description + "\"}",
                201)
            .get("id")
            .asLong();
    long proposal =
        post(
                "/api/v1/products/" + id + "/classifications",
                olga,
                "{\"jurisdiction\":\""
                    + jurisdiction
                    + "\",\"code\":\""
                    + code
                    + "\",\"rationale\":\"checked against the technical data\"}",
                201)
            .get("id")
            .asLong();
    post("/api/v1/products/" + id + "/classifications/" + proposal + "/approve", otto, null, 200);
    return id;
  }

  private static String token(UserAccounts accounts, String user) {
    return "Bearer " + accounts.issueToken(user, "test", Actor.SYSTEM).secret();
  }

  /** The body of an order of the lathe (licence required) and cable to CN, all flags answered. */
  String order(String reference, int latheQuantity, boolean withEuc) {
    return "{\"reference\":\""
        + reference
        + "\",\"kind\":\"EXPORT\",\"destination\":\"CN\",\"endUse\":\"civil\","
        + "\"endUseStatement\":\"Bearing production line\","
        + "\"lines\":[{\"partNumber\":\"LT-500\",\"quantity\":"
        + latheQuantity
        + ",\"value\":250000,\"currency\":\"EUR\"},"
        + "{\"partNumber\":\"CB-10\",\"quantity\":100,\"value\":900,\"currency\":\"EUR\"}],"
        + "\"parties\":["
        + party("BUYER", buyer)
        + ","
        + party("CONSIGNEE", consignee)
        + ","
        + party("END_USER", endUser)
        + ","
        + party("FORWARDER", forwarder)
        + ","
        + party("BANK", bank)
        + "],"
        + "\"redFlags\":"
        + noRedFlags()
        + (withEuc ? ",\"euc\":" + euc() : "")
        + "}";
  }

  static String party(String role, Partner p) {
    return "{\"role\":\"" + role + "\",\"partnerReference\":\"" + p.reference() + "\"}";
  }

  static String noRedFlags() {
    StringBuilder sb = new StringBuilder("{");
    for (RedFlag f : RedFlag.values()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(f.name()).append("\":false");
    }
    return sb.append('}').toString();
  }

  static String euc() {
    return "{\"endUser\":\"Shanghai Precision Bearings Co\",\"address\":\"1 Factory Road,"
        + " Shanghai\",\"country\":\"CN\",\"items\":\"LT-500 x 2\",\"endUse\":\"Bearing rings\","
        + "\"noReexportUndertaking\":true,\"signatory\":\"Li Wei, CEO\","
        + "\"signedOn\":\"2026-01-10\"}";
  }

  JsonNode get(String path, String token, int expected) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, expected);
  }

  JsonNode post(String path, String token, String body, int expected) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    return send(b, token, expected);
  }

  JsonNode put(String path, String token, String body, int expected) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"),
        token,
        expected);
  }

  byte[] bytes(String path, String token) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", token).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
    return r.body();
  }

  private JsonNode send(HttpRequest.Builder b, String token, int expected) throws Exception {
    HttpResponse<String> r =
        http.send(b.header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    return r.body().isEmpty() ? null : json.readTree(r.body());
  }

  /** The open alert of a partner. */
  long alertOf(Partner p) throws Exception {
    JsonNode page = get("/api/v1/alerts?partner=" + p.id(), olga, 200);
    return page.get("alerts").get(0).get("id").asLong();
  }
}
