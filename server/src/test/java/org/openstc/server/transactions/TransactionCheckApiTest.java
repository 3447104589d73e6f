package org.openstc.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openstc.server.TestDatabase;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.Partners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ERP's path through the API: a synchronous check of an order, holds with every reason and its
 * legal basis, clear problems for bad input, release by a false-positive decision and a licence,
 * four-eyes overrides, shipping that depletes the licence and holds what exceeds it, and the audit
 * pack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionCheckApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "transactions");
    Path dataDir = Files.createTempDirectory("openstc-transactions-test");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired WatchlistImports lists;
  @Autowired ControlListCatalogue catalogue;
  @Autowired Partners partners;
  @Autowired RecordsPurge purge;
  IcpFixture f;
  long order;
  long overridden;

  @BeforeAll
  void world() throws Exception {
    f = new IcpFixture("http://localhost:" + port);
    f.build(accounts, lists, catalogue, partners);
  }

  private static List<String> codes(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("reasons").forEach(r -> out.add(r.get("code").asString()));
    return out;
  }

  @Test
  @Order(1)
  void erpCheckOfADraftHoldsForTheAlertAndTheLicenceWithLegalBasis() throws Exception {
    String body = f.order("ERP-1", 2, true).replaceFirst("\\}$", ",\"eucDocumentOnFile\":true}");
    JsonNode r = f.post("/api/v1/transactions/check", f.clerk, body, 200);
    assertThat(r.get("result").asString()).isEqualTo("HELD");
    assertThat(r.has("transactionId")).isFalse();
    assertThat(codes(r)).containsExactlyInAnyOrder("party.open-alert", "line.licence-required");
    for (JsonNode reason : r.get("reasons")) {
      assertThat(reason.get("explanation").asString()).isNotBlank();
      assertThat(reason.get("legalBasis").asString()).isNotBlank();
    }
    JsonNode lathe = r.get("lines").get(0);
    assertThat(lathe.get("outcome").asString()).isEqualTo("LICENCE_REQUIRED");
    assertThat(lathe.get("classifications").get(0).asString()).isEqualTo("EU 2B001.a");
    assertThat(r.get("lines").get(1).get("outcome").asString()).isEqualTo("NO_LICENCE_REQUIRED");
    // Nothing was stored.
    assertThat(f.get("/api/v1/transactions", f.clerk, 200).size()).isZero();
  }

  @Test
  @Order(2)
  void badInputIsAProblemNamingTheField() throws Exception {
    String good = f.order("BAD-1", 1, false);
    assertProblem(good.replace("\"LT-500\"", "\"NOPE-9\""), "lines[0].partNumber");
    assertProblem(
        good.replace("{\"partNumber\":\"LT-500\"", "{\"productId\":999999"), "lines[0].productId");
    assertProblem(
        good.replace("\"currency\":\"EUR\"},{", "\"currency\":\"USD\"},{"), "lines[1].currency");
    assertProblem(
        good.replaceAll("\"parties\":\\[.*?\\],\"redFlags\"", "\"parties\":[],\"redFlags\""),
        "parties");
    assertProblem(good.replace("{\"role\":\"END_USER\"", "{\"role\":\"BANK\""), "END_USER");
    assertProblem(good.replace("\"destination\":\"CN\"", "\"destination\":\"XX\""), "destination");
    assertProblem(
        good.replace("\"destination\":\"CN\"", "\"destination\":\"CN\",\"transit\":[\"QQ\"]"),
        "transit[0]");
    assertProblem(
        good.replace("\"partnerReference\":\"B1\"", "\"partnerReference\":\"ZZ\""),
        "parties[0].partnerReference");
    assertProblem(good.replace("\"quantity\":1,", "\"quantity\":0,"), "lines[0].quantity");
    assertProblem(good.replace("\"reference\":\"BAD-1\",", ""), "reference");
  }

  private void assertProblem(String body, String field) throws Exception {
    JsonNode p = f.post("/api/v1/transactions/check", f.clerk, body, 400);
    assertThat(p.get("status").asInt()).isEqualTo(400);
    assertThat(p.get("detail").asString()).as(body).contains(field);
    assertThat(p.get("type").asString()).isNotBlank();
  }

  @Test
  @Order(3)
  void enteredOrderIsHeldAndReleasedByAFalsePositiveAndALicence() throws Exception {
    JsonNode r = f.post("/api/v1/transactions", f.clerk, f.order("SO-1001", 2, true), 201);
    order = r.get("transactionId").asLong();
    assertThat(r.get("checkId").asLong()).isPositive();
    assertThat(r.get("result").asString()).isEqualTo("HELD");
    assertThat(codes(r))
        .contains("party.open-alert", "line.licence-required", "euc.document-missing");

    // The ERP asks again by reference: the stored transaction is checked and recorded.
    JsonNode again =
        f.post("/api/v1/transactions/check", f.clerk, "{\"reference\":\"SO-1001\"}", 200);
    assertThat(again.get("transactionId").asLong()).isEqualTo(order);
    assertThat(again.get("checkId").asLong()).isGreaterThan(r.get("checkId").asLong());

    // Others cannot see it; the clerk cannot assign licences; nobody releases their own order.
    f.get("/api/v1/transactions/" + order, f.stranger, 404);
    long line =
        f.get("/api/v1/transactions/" + order, f.clerk, 200)
            .get("transaction")
            .get("lines")
            .get(0)
            .get("id")
            .asLong();
    f.post(
        "/api/v1/transactions/" + order + "/lines/" + line + "/licence",
        f.clerk,
        "{\"licenceId\":" + f.licence + "}",
        403);

    f.post(
        "/api/v1/alerts/" + f.alertOf(f.consignee) + "/decisions",
        f.olga,
        "{\"decision\":\"FALSE_POSITIVE\",\"reason\":\"Different company: trade register\"}",
        200);
    JsonNode assigned =
        f.post(
            "/api/v1/transactions/" + order + "/lines/" + line + "/licence",
            f.olga,
            "{\"licenceId\":" + f.licence + "}",
            200);
    assertThat(codes(assigned)).doesNotContain("party.open-alert", "line.licence-required");
    assertThat(codes(assigned)).contains("euc.document-missing");

    HttpDocument.upload(
        f,
        "/api/v1/transactions/" + order + "/euc",
        f.clerk,
        "euc.pdf",
        "%PDF-1.4 signed certificate".getBytes());
    JsonNode released = f.post("/api/v1/transactions/" + order + "/check", f.clerk, null, 200);
    assertThat(released.get("result").asString()).as(released.toString()).isEqualTo("RELEASED");
    assertThat(released.get("lines").get(0).get("licenceNumber").asString())
        .isEqualTo("DE-IL-2026-0042");
  }

  @Test
  @Order(4)
  void shippingDepletesTheLicenceAndAnOrderBeyondTheBalanceIsHeld() throws Exception {
    JsonNode shipped = f.post("/api/v1/transactions/" + order + "/ship", f.clerk, null, 200);
    assertThat(shipped.get("result").asString()).isEqualTo("RELEASED");
    JsonNode licence = f.get("/api/v1/licences/" + f.licence, f.olga, 200);
    assertThat(licence.get("quantityUsed").decimalValue()).isEqualByComparingTo("2");
    JsonNode view = f.get("/api/v1/transactions/" + order, f.clerk, 200);
    assertThat(view.get("transaction").get("status").asString()).isEqualTo("SHIPPED");
    assertThat(view.get("transaction").get("retainUntil").asString())
        .isEqualTo(java.time.LocalDate.now().getYear() + 5 + "-12-31");
    assertThat(view.get("licenceUses").size()).isEqualTo(1);
    f.post("/api/v1/transactions/" + order + "/ship", f.clerk, null, 409);

    // 10 licensed + 10% tolerance = 11; 2 used: 9 more is fine, 10 is beyond the balance.
    JsonNode big = f.post("/api/v1/transactions", f.clerk, f.order("SO-1002", 10, true), 201);
    long id = big.get("transactionId").asLong();
    long line =
        f.get("/api/v1/transactions/" + id, f.clerk, 200)
            .get("transaction")
            .get("lines")
            .get(0)
            .get("id")
            .asLong();
    JsonNode held =
        f.post(
            "/api/v1/transactions/" + id + "/lines/" + line + "/licence",
            f.olga,
            "{\"licenceId\":" + f.licence + "}",
            200);
    assertThat(held.get("result").asString()).isEqualTo("HELD");
    assertThat(codes(held)).contains("line.licence-problem");
    assertThat(held.toString()).contains("beyond the remaining balance");

    // An override needs a second officer, never the requester and never the creator.
    HttpDocument.upload(
        f, "/api/v1/transactions/" + id + "/euc", f.clerk, "euc.pdf", "%PDF-1.4 signed".getBytes());
    f.post("/api/v1/transactions/" + id + "/overrides", f.clerk, "{\"reason\":\"x\"}", 403);
    f.post("/api/v1/transactions/" + id + "/overrides", f.olga, "{\"reason\":\"\"}", 400);
    long overrideId =
        f.post(
                "/api/v1/transactions/" + id + "/overrides",
                f.olga,
                "{\"reason\":\"Authority confirmed an amendment raising the quantity\"}",
                201)
            .get("id")
            .asLong();
    String decision = "/api/v1/transactions/" + id + "/overrides/" + overrideId + "/decision";
    JsonNode own = f.post(decision, f.olga, "{\"approve\":true,\"reason\":\"ok\"}", 403);
    assertThat(own.get("detail").asString()).contains("second export control officer");
    JsonNode approved =
        f.post(decision, f.otto, "{\"approve\":true,\"reason\":\"Amendment seen\"}", 200);
    assertThat(approved.get("result").asString()).isEqualTo("RELEASED");
    assertThat(codes(approved)).contains("override.applied", "line.licence-problem");
    overridden = id;
  }

  @Test
  @Order(5)
  void aConfirmedMatchBlocksAndTheUnclassifiedLineHolds() throws Exception {
    JsonNode r =
        f.post(
            "/api/v1/transactions/check",
            f.clerk,
            f.order("BLK-1", 1, true)
                .replace("\"partnerReference\":\"F1\"", "\"partnerReference\":\"F2\"")
                .replace("\"CB-10\"", "\"PX-1\""),
            400);
    assertThat(r.get("detail").asString()).contains("F2");
    // A forwarder confirmed as the listed party blocks every transaction it is in.
    var bad =
        partners.create(
            f.organisation,
            new org.openstc.server.partners.PartnerDraft(
                "F2",
                "Very Bad Logistics Ltd",
                List.of(),
                org.openstc.server.partners.PartyType.ORGANISATION,
                java.util.Set.of(org.openstc.server.partners.PartnerRole.FORWARDER),
                "KP",
                null,
                null,
                null,
                null,
                List.of(),
                null));
    f.post(
        "/api/v1/alerts/" + f.alertOf(bad) + "/decisions",
        f.olga,
        "{\"decision\":\"TRUE_MATCH\",\"reason\":\"Same company\"}",
        200);
    JsonNode blocked =
        f.post(
            "/api/v1/transactions/check",
            f.clerk,
            f.order("BLK-1", 1, true)
                .replace("\"partnerReference\":\"F1\"", "\"partnerReference\":\"F2\"")
                .replace("\"CB-10\"", "\"PX-1\""),
            200);
    assertThat(blocked.get("result").asString()).isEqualTo("BLOCKED");
    assertThat(codes(blocked)).contains("party.blocked", "line.unclassified");
  }

  @Test
  @Order(6)
  void theAuditPackHoldsEveryStep() throws Exception {
    byte[] zip = f.bytes("/api/v1/transactions/" + order + "/audit-pack", f.olga);
    List<String> names = new ArrayList<>();
    String trail = null;
    String checks = null;
    byte[] pdf = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
        byte[] content = in.readAllBytes();
        switch (e.getName()) {
          case "audit-trail.json" -> trail = new String(content);
          case "checks.json" -> checks = new String(content);
          case "summary.pdf" -> pdf = content;
          default -> {}
        }
      }
    }
    assertThat(names)
        .contains(
            "transaction.json",
            "checks.json",
            "overrides.json",
            "licence-uses.json",
            "audit-trail.json",
            "summary.pdf",
            "documents/euc.pdf");
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    assertThat(trail)
        .contains(
            "TRANSACTION_CREATED",
            "TRANSACTION_CHECKED",
            "ALERT_DECIDED",
            "TRANSACTION_LICENCE_ASSIGNED",
            "TRANSACTION_EUC_ATTACHED",
            "TRANSACTION_SHIPPED",
            "LICENCE_DEPLETED");
    assertThat(checks).contains("party.open-alert", "RELEASED", "licence assigned");
  }

  @Test
  @Order(7)
  void purgeDeletesExpiredRecordsButKeepsThoseUnderLegalHold() throws Exception {
    f.post("/api/v1/transactions/" + overridden + "/ship", f.clerk, null, 200);
    f.post(
        "/api/v1/transactions/" + order + "/legal-hold",
        f.clerk,
        "{\"hold\":true,\"reason\":\"x\"}",
        403);
    f.post(
        "/api/v1/transactions/" + order + "/legal-hold",
        f.olga,
        "{\"hold\":true,\"reason\":\"Customs inquiry 2026-17\"}",
        200);
    // Nothing has expired today.
    assertThat(
            purge.purge(java.time.LocalDate.now(), org.openstc.server.audit.Actor.SYSTEM).purged())
        .isEmpty();
    RecordsPurge.PurgeReport report =
        purge.purge(java.time.LocalDate.now().plusYears(7), org.openstc.server.audit.Actor.SYSTEM);
    assertThat(report.purged()).singleElement().asString().contains("SO-1002");
    assertThat(report.keptByLegalHold()).singleElement().asString().contains("SO-1001");
    f.get("/api/v1/transactions/" + overridden, f.clerk, 404);
    f.get("/api/v1/transactions/" + order, f.clerk, 200);
    // The licence keeps its use records: they belong to the licence's own history.
    assertThat(f.get("/api/v1/licences/" + f.licence + "/uses", f.olga, 200).size()).isEqualTo(2);
  }

  @Test
  @Order(8)
  void theProgrammeTracksTrainingFindingsEscalationsAndScores() throws Exception {
    f.post(
        "/api/v1/icp/trainings",
        f.olga,
        "{\"person\":\"clara\",\"course\":\"Export control basics\","
            + "\"completedOn\":\"2026-01-05\",\"expiresOn\":\"2099-01-05\"}",
        201);
    f.post(
        "/api/v1/icp/trainings",
        f.olga,
        "{\"person\":\"otto\",\"course\":\"Export control basics\","
            + "\"completedOn\":\"2020-01-05\",\"expiresOn\":\"2021-01-05\"}",
        201);
    f.post("/api/v1/icp/trainings", f.clerk, "{\"person\":\"clara\"}", 403);
    long auditId =
        f.post(
                "/api/v1/icp/audits",
                f.olga,
                "{\"title\":\"Q1 audit\",\"auditor\":\"Internal audit\"}",
                201)
            .get("id")
            .asLong();
    long finding =
        f.post(
                "/api/v1/icp/audits/" + auditId + "/findings",
                f.olga,
                "{\"description\":\"Two orders shipped without red-flag answers\","
                    + "\"correctiveAction\":\"Make the questionnaire mandatory\",\"owner\":\"olga\","
                    + "\"dueOn\":\"2020-01-01\"}",
                201)
            .get("id")
            .asLong();
    f.post(
        "/api/v1/icp/audits/" + auditId + "/findings",
        f.stranger,
        "{\"description\":\"x\",\"correctiveAction\":\"y\",\"owner\":\"z\"}",
        404);
    JsonNode dashboard = f.get("/api/v1/icp/dashboard", f.olga, 200);
    assertThat(dashboard.get("overdueFindings").asLong()).isEqualTo(1);
    // clara is trained, otto's training expired, olga has none: one in three.
    assertThat(dashboard.get("trainingCoveragePercent").asInt()).isEqualTo(33);
    f.post(
        "/api/v1/icp/findings/" + finding + "/closure",
        f.olga,
        "{\"note\":\"Questionnaire is now checked on every transaction\"}",
        200);
    f.post("/api/v1/icp/findings/" + finding + "/closure", f.olga, "{\"note\":\"again\"}", 409);

    f.post(
        "/api/v1/icp/escalations",
        f.clerk,
        "{\"subject\":\"Pressure to ship\",\"body\":\"Sales asked me to split an order\","
            + "\"anonymous\":true}",
        201);
    JsonNode overview = f.get("/api/v1/icp", f.olga, 200);
    JsonNode escalation = overview.get("escalations").get(0);
    assertThat(escalation.get("anonymous").asBoolean()).isTrue();
    assertThat(escalation.has("reportedBy")).isFalse();

    JsonNode missing =
        f.post(
            "/api/v1/icp/self-assessments",
            f.olga,
            "{\"scores\":{\"LEADERSHIP_COMMITMENT\":3}}",
            400);
    assertThat(missing.get("detail").asString()).contains("scores.SCOPE_OF_REQUIREMENTS");
    StringBuilder scores = new StringBuilder("{");
    for (var e : org.openstc.server.icp.IcpElement.values()) {
      scores.append(scores.length() > 1 ? "," : "").append('"').append(e.name()).append("\":3");
    }
    f.post(
        "/api/v1/icp/self-assessments",
        f.olga,
        "{\"scores\":" + scores + "},\"notes\":\"first\"}",
        201);
    dashboard = f.get("/api/v1/icp/dashboard", f.olga, 200);
    List<String> charts = new ArrayList<>();
    dashboard.get("charts").forEach(c -> charts.add(c.get("id").asString()));
    assertThat(charts).containsExactly("holds", "release-times", "training", "self-assessment");
    assertThat(dashboard.get("evidence").get("TRANSACTION_DUE_DILIGENCE").get(0).asString())
        .contains("transactions checked");
  }

  @Test
  @Order(9)
  void shippingRechecksWhenAPartyChangedAndRefusesWhatIsNoLongerReleased() throws Exception {
    String cableOnly =
        f.order("SO-1003", 1, false).replaceAll("\\{\"partNumber\":\"LT-500\"[^}]*\\},", "");
    JsonNode r = f.post("/api/v1/transactions", f.clerk, cableOnly, 201);
    assertThat(r.get("result").asString()).as(r.toString()).isEqualTo("RELEASED");
    long id = r.get("transactionId").asLong();
    // The end user's corrected name now matches a listed company: screening opens an alert.
    var u = f.endUser;
    partners.update(
        u.id(),
        f.organisation,
        new org.openstc.server.partners.PartnerDraft(
            u.reference(),
            "Very Bad Logistics Ltd",
            List.of(),
            u.type(),
            u.roles(),
            u.country(),
            u.address(),
            u.city(),
            null,
            null,
            List.of(),
            null));
    JsonNode refused = f.post("/api/v1/transactions/" + id + "/ship", f.clerk, null, 409);
    assertThat(refused.get("detail").asString())
        .contains("pre-shipment check")
        .contains("HELD")
        .contains("Very Bad Logistics Ltd");
    JsonNode view = f.get("/api/v1/transactions/" + id, f.clerk, 200);
    assertThat(view.get("transaction").get("status").asString()).isEqualTo("HELD");
    JsonNode checks = f.get("/api/v1/transactions/" + id + "/checks", f.clerk, 200);
    assertThat(checks.size()).isEqualTo(2);
  }

  @Test
  @Order(10)
  void thePeriodAuditPackHasAFolderPerTransaction() throws Exception {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    byte[] zip = f.bytes("/api/v1/transactions/audit-pack?from=" + today + "&to=" + today, f.olga);
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    assertThat(names).contains("index.json");
    assertThat(names).anyMatch(n -> n.startsWith("SO-1001-") && n.endsWith("/summary.pdf"));
    assertThat(names).anyMatch(n -> n.startsWith("SO-1003-") && n.endsWith("/checks.json"));
  }

  @Test
  @Order(11)
  void aGeneralAuthorisationRegistrationCoversTheLineWithoutAssignment() throws Exception {
    String toJapan =
        f.order("GA-1", 1, false)
            .replace("\"destination\":\"CN\"", "\"destination\":\"JP\"")
            .replace("\"partnerReference\":\"U1\"", "\"partnerReference\":\"B1\"");
    JsonNode held = f.post("/api/v1/transactions/check", f.clerk, toJapan, 200);
    assertThat(held.get("lines").get(0).get("outcome").asString())
        .isEqualTo("GENERAL_AUTHORISATION");
    assertThat(held.get("lines").get(0).get("generalAuthorisations").toString()).contains("EU001");
    assertThat(codes(held)).containsExactly("line.general-authorisation");
    f.post(
        "/api/v1/licences",
        f.olga,
        "{\"number\":\"EU001\",\"kind\":\"GENERAL_AUTHORISATION\",\"authority\":\"BAFA"
            + " (registration 2026-17)\",\"validFrom\":\"2025-01-01\"}",
        201);
    JsonNode released = f.post("/api/v1/transactions/check", f.clerk, toJapan, 200);
    assertThat(released.get("result").asString()).as(released.toString()).isEqualTo("RELEASED");
    assertThat(released.get("lines").get(0).get("licenceNumber").asString()).isEqualTo("EU001");
  }

  @Test
  @Order(12)
  void releasingABlockedTransactionNeedsTwoOfficersAndDoesNotCoverALaterChange() throws Exception {
    String withBlockedForwarder =
        f.order("BLK-2", 1, false)
            .replaceAll("\\{\"partNumber\":\"LT-500\"[^}]*\\},", "")
            .replace("\"partnerReference\":\"F1\"", "\"partnerReference\":\"F2\"")
            .replace("\"partnerReference\":\"U1\"", "\"partnerReference\":\"B1\"");
    JsonNode blocked = f.post("/api/v1/transactions", f.clerk, withBlockedForwarder, 201);
    assertThat(blocked.get("result").asString()).isEqualTo("BLOCKED");
    long id = blocked.get("transactionId").asLong();
    JsonNode request =
        f.post(
            "/api/v1/transactions/" + id + "/overrides",
            f.olga,
            "{\"reason\":\"Licence from the authority for the designated forwarder\"}",
            201);
    assertThat(request.get("overrides").asString()).isEqualTo("BLOCKED");
    String decision =
        "/api/v1/transactions/" + id + "/overrides/" + request.get("id").asLong() + "/decision";
    f.post(decision, f.olga, "{\"approve\":true,\"reason\":\"mine\"}", 403);
    JsonNode released =
        f.post(decision, f.otto, "{\"approve\":true,\"reason\":\"Authority letter seen\"}", 200);
    assertThat(released.get("result").asString()).isEqualTo("RELEASED");
    f.post(decision, f.otto, "{\"approve\":true,\"reason\":\"again\"}", 409);
    // A change to the transaction voids the release: it is blocked again.
    JsonNode changed =
        f.put(
            "/api/v1/transactions/" + id,
            f.clerk,
            withBlockedForwarder.replace("\"quantity\":100", "\"quantity\":101"),
            200);
    assertThat(changed.get("result").asString()).isEqualTo("BLOCKED");
  }

  @Test
  @Order(13)
  void anEmbargoOnEveryItemBlocksAtEntryWhateverTheLines() throws Exception {
    f.product("EAR-1", "Office chairs of US origin", "US", "EAR99");
    String toIran =
        f.order("IR-1", 1, false)
            .replaceAll("\\{\"partNumber\":\"LT-500\"[^}]*\\},", "")
            .replace("\"CB-10\"", "\"EAR-1\"")
            .replace("\"destination\":\"CN\"", "\"destination\":\"IR\"")
            .replace("\"partnerReference\":\"U1\"", "\"partnerReference\":\"B1\"");
    JsonNode r = f.post("/api/v1/transactions/check", f.clerk, toIran, 200);
    assertThat(r.get("result").asString()).isEqualTo("BLOCKED");
    JsonNode embargo = null;
    for (JsonNode reason : r.get("reasons")) {
      if (reason.get("code").asString().equals("destination.embargo")) {
        embargo = reason;
      }
    }
    assertThat(embargo).as(r.toString()).isNotNull();
    assertThat(embargo.get("legalBasis").asString()).isNotBlank();
    assertThat(embargo.get("subject").asString()).isEqualTo("destination IR");
  }

  /**
   * Over real HTTP, where requests run on virtual threads, the screening API goes through the
   * first-come-first-served turnstile with its body read beforehand and its answer buffered: many
   * callers at once all get their own answers, a broken body is still a 400 naming the problem, and
   * an endless chunked body (no Content-Length to refuse early) is cut off with a 413.
   */
  @Test
  @Order(14)
  void adHocScreeningOverHttpServesConcurrentCallersAndRefusesOverlongChunkedBodies()
      throws Exception {
    List<Future<JsonNode>> answers = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 32; i++) {
        String name = i % 2 == 0 ? "Sinister Trading L.L.C." : "Acme Widgets GmbH " + i;
        answers.add(
            pool.submit(() ->
                f.post(
                    "/api/v1/screenings",
                    f.clerk,
                    "{\"id\":\"" + name + "\",\"name\":\"" + name + "\"}",
                    200)));
      }
      for (int i = 0; i < answers.size(); i++) {
        JsonNode result = answers.get(i).get().get("results").get(0);
        assertThat(result.get("name").asString()).isEqualTo(result.get("id").asString());
        List<String> hits = new ArrayList<>();
        result.get("hits").forEach(h -> hits.add(h.get("entityName").asString()));
        if (i % 2 == 0) {
          assertThat(hits).as(result.toString()).contains("Sinister Trading LLC");
        } else {
          assertThat(hits).as(result.toString()).doesNotContain("Sinister Trading LLC");
        }
      }
    }

    JsonNode broken = f.post("/api/v1/screenings", f.clerk, "{\"name\": ", 400);
    assertThat(broken.get("status").asInt()).isEqualTo(400);

    Supplier<InputStream> fourMegabytesOfSpaces =
        () ->
            new InputStream() {
              long left = 4L << 20;

              @Override
              public int read() {
                return left-- > 0 ? ' ' : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
              }
            };
    HttpResponse<String> tooLong =
        f.http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/screenings"))
                .header("Authorization", f.clerk)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(fourMegabytesOfSpaces))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(413);
    assertThat(tooLong.body()).contains("accepts at most");
  }
}
