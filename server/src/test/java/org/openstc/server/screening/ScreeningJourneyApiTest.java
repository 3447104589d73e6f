package org.openstc.server.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.ImportOutcome;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.PartnerStatus;
import org.openstc.server.partners.Partners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The screening journey through the API, as an ERP or a script would drive it: import partners, an
 * alert appears, a false positive is remembered across re-screens, it reopens when the listed entry
 * changes, a delisting closes an alert, a true match blocks and clearing it needs a second officer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreeningJourneyApiTest {

  static final String LIST_V1 =
      """
      id,name,type,birth_date,nationality,aliases,remarks
      E1,Boris Petrovich Karamazov,person,1961-03-02,RU,,first listing
      E2,Sinister Trading LLC,organisation,,IR,Sinister Trade Company,
      E3,Harmless Delisted Enterprises,organisation,,KP,,
      """;
  static final String LIST_V2 =
      """
      id,name,type,birth_date,nationality,aliases,remarks
      E1,Boris Petrovich Karamazov,person,1961-03-02,RU,Boris Karamazoff,amended listing
      E2,Sinister Trading LLC,organisation,,IR,Sinister Trade Company,
      """;
  static final String PARTNERS =
      """
      reference,name,type,country,birth_date,roles
      P1,Boris Karamazov,person,RU,1961-03-02,END_USER
      P2,Sinister Trading LLC,organisation,IR,,CONSIGNEE
      P3,Acme Widgets GmbH,organisation,DE,,CUSTOMER
      P4,Harmless Delisted Enterprises,organisation,KP,,FORWARDER
      P5,,organisation,DE,,CUSTOMER
      P6,Some Person,person,FR,31.02.1970,CUSTOMER
      """;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "screening");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired WatchlistImports lists;
  @Autowired Partners partners;
  @Autowired AuditTrail audit;
  @Autowired JsonMapper json;

  @TempDir Path dir;
  String eco1;
  String eco2;
  String clerk;
  String stranger;
  long organisation;

  @BeforeAll
  void usersAndFirstListVersion() throws Exception {
    char[] pw = "a long test password".toCharArray();
    accounts.create(
        new NewUser("eco1", null, null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser("eco2", null, null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser("clerk", null, null, "Acme Export", Set.of(Role.COMPLIANCE_USER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser("other", null, null, "Other Exporter", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    eco1 = "Bearer " + accounts.issueToken("eco1", null, Actor.SYSTEM).secret();
    eco2 = "Bearer " + accounts.issueToken("eco2", null, Actor.SYSTEM).secret();
    clerk = "Bearer " + accounts.issueToken("clerk", null, Actor.SYSTEM).secret();
    stranger = "Bearer " + accounts.issueToken("other", null, Actor.SYSTEM).secret();
    organisation = accounts.findByUsername("eco1").orElseThrow().organisationId();
    importList(LIST_V1, "v1.csv");
  }

  private void importList(String content, String name) throws Exception {
    Path file = Files.createTempDirectory("lists").resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    ImportOutcome outcome =
        lists.importFile(file, "test-private", new Actor("admin", null), ImportProgress.NONE);
    assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
  }

  private JsonNode call(org.springframework.test.web.servlet.RequestBuilder request, int expected)
      throws Exception {
    var response = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse();
    String body = response.getContentAsString();
    return body.isEmpty() ? null : json.readTree(body);
  }

  /** Uploads a partner file through the API and waits for the background import to finish. */
  private JsonNode importPartners(MockMultipartFile file) throws Exception {
    JsonNode job =
        call(multipart("/api/v1/partners/imports").file(file).header("Authorization", clerk), 202);
    String id = job.get("id").asString();
    for (int i = 0; i < 300 && "RUNNING".equals(job.get("state").asString()); i++) {
      Thread.sleep(100);
      job = call(get("/api/v1/partners/imports/" + id).header("Authorization", clerk), 200);
    }
    return job;
  }

  private Partner partner(String reference) {
    return partners.search(organisation, reference, null, 0, 10).stream()
        .filter(p -> reference.equals(p.reference()))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode alertOf(String reference) throws Exception {
    JsonNode page =
        call(
            get("/api/v1/alerts")
                .param("partner", Long.toString(partner(reference).id()))
                .header("Authorization", eco1),
            200);
    assertThat(page.get("alerts").size()).as("alerts of " + reference).isEqualTo(1);
    return page.get("alerts").get(0);
  }

  @Test
  @Order(1)
  void importedPartnersAreScreenedAndBadRowsReported() throws Exception {
    MockMultipartFile file =
        new MockMultipartFile(
            "file", "partners.csv", "text/csv", PARTNERS.getBytes(StandardCharsets.UTF_8));
    JsonNode job = importPartners(file);
    assertThat(job.get("state").asString()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(4);
    assertThat(job.get("errorCount").asInt()).isEqualTo(2);
    assertThat(job.get("errors").get(0).get("line").asLong()).isEqualTo(6);
    assertThat(job.get("errors").get(0).get("message").asString()).contains("name");
    assertThat(job.get("errors").get(1).get("message").asString()).contains("birth date");

    assertThat(partner("P1").status()).isEqualTo(PartnerStatus.POTENTIAL_MATCH);
    assertThat(partner("P2").status()).isEqualTo(PartnerStatus.POTENTIAL_MATCH);
    assertThat(partner("P3").status()).isEqualTo(PartnerStatus.CLEAR);
    assertThat(partner("P4").status()).isEqualTo(PartnerStatus.POTENTIAL_MATCH);
    JsonNode alert = alertOf("P1");
    assertThat(alert.get("entityId").asString()).isEqualTo("E1");
    assertThat(alert.get("status").asString()).isEqualTo("OPEN");
    assertThat(alert.get("explanation").asString()).isNotBlank();
    assertThat(alert.get("listVersionId").asLong()).isPositive();
  }

  @Test
  @Order(2)
  void anotherOrganisationCannotSeeTheAlerts() throws Exception {
    long alertId = alertOf("P1").get("id").asLong();
    call(get("/api/v1/alerts/" + alertId).header("Authorization", stranger), 404);
    JsonNode theirs = call(get("/api/v1/alerts").header("Authorization", stranger), 200);
    assertThat(theirs.get("total").asLong()).isZero();
  }

  @Test
  @Order(3)
  void complianceUserMayEscalateButNotDecide() throws Exception {
    long alertId = alertOf("P4").get("id").asLong();
    call(
        post("/api/v1/alerts/" + alertId + "/decisions")
            .header("Authorization", clerk)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"FALSE_POSITIVE\",\"reason\":\"looks fine\"}"),
        403);
    call(
        post("/api/v1/alerts/" + alertId + "/decisions")
            .header("Authorization", clerk)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"ESCALATE\",\"reason\":\"please check\"}"),
        200);
    call(
        post("/api/v1/alerts/" + alertId + "/decisions")
            .header("Authorization", eco1)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"FALSE_POSITIVE\"}"),
        400);
  }

  @Test
  @Order(4)
  void falsePositiveIsRememberedAcrossRescreens() throws Exception {
    long alertId = alertOf("P1").get("id").asLong();
    JsonNode decided =
        call(
            post("/api/v1/alerts/" + alertId + "/decisions")
                .header("Authorization", eco1)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"decision\":\"FALSE_POSITIVE\",\"reason\":\"Our customer is a different Boris Karamazov (passport checked)\"}"),
            200);
    assertThat(decided.get("status").asString()).isEqualTo("FALSE_POSITIVE");
    assertThat(partner("P1").status()).isEqualTo(PartnerStatus.CLEAR);

    JsonNode runs = call(post("/api/v1/screening-runs").header("Authorization", eco1), 200);
    assertThat(runs.get(0).get("newAlerts").asInt()).isZero();
    assertThat(runs.get(0).get("reopenedAlerts").asInt()).isZero();
    assertThat(alertOf("P1").get("status").asString()).isEqualTo("FALSE_POSITIVE");
    assertThat(partner("P1").status()).isEqualTo(PartnerStatus.CLEAR);
    assertThat(
            audit.search(
                new AuditQuery(
                    null,
                    "eco1",
                    "ALERT_DECIDED",
                    "Alert",
                    Long.toString(alertId),
                    null,
                    null,
                    0,
                    5)))
        .singleElement()
        .satisfies(
            r -> assertThat(r.summary()).contains("FALSE_POSITIVE").contains("passport checked"));
  }

  @Test
  @Order(5)
  void listUpdateReopensTheChangedEntryAndClosesTheDelistedOne() throws Exception {
    importList(LIST_V2, "v2.csv");
    JsonNode p1 = alertOf("P1");
    assertThat(p1.get("status").asString()).isEqualTo("OPEN");
    assertThat(p1.get("reopenReason").asString()).contains("listed entry changed");
    assertThat(partner("P1").status()).isEqualTo(PartnerStatus.POTENTIAL_MATCH);

    JsonNode p4 = alertOf("P4");
    assertThat(p4.get("status").asString()).isEqualTo("CLOSED_DELISTED");
    assertThat(partner("P4").status()).isEqualTo(PartnerStatus.CLEAR);

    JsonNode runs = call(get("/api/v1/screening-runs").header("Authorization", eco1), 200);
    JsonNode latest = runs.get(0);
    assertThat(latest.get("trigger").asString()).isEqualTo("LIST_UPDATE");
    assertThat(latest.get("reopenedAlerts").asInt()).isEqualTo(1);
    assertThat(latest.get("closedAlerts").asInt()).isEqualTo(1);
    // The unchanged entry E2 was not re-screened into a duplicate alert.
    assertThat(latest.get("newAlerts").asInt()).isZero();
  }

  @Test
  @Order(6)
  void trueMatchBlocksAndClearingNeedsASecondOfficer() throws Exception {
    long alertId = alertOf("P2").get("id").asLong();
    call(
        post("/api/v1/alerts/" + alertId + "/decisions")
            .header("Authorization", eco1)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"TRUE_MATCH\",\"reason\":\"Same entity, same address\"}"),
        200);
    assertThat(partner("P2").status()).isEqualTo(PartnerStatus.BLOCKED);

    call(
        post("/api/v1/alerts/" + alertId + "/clearance")
            .header("Authorization", eco1)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"Delisting expected; documents show a namesake\"}"),
        200);
    assertThat(partner("P2").status()).isEqualTo(PartnerStatus.BLOCKED);

    JsonNode refused =
        call(
            post("/api/v1/alerts/" + alertId + "/clearance/decision")
                .header("Authorization", eco1)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"approve\":true,\"reason\":\"ok\"}"),
            403);
    assertThat(refused.get("detail").asString()).contains("second export control officer");
    assertThat(partner("P2").status()).isEqualTo(PartnerStatus.BLOCKED);

    call(
        post("/api/v1/alerts/" + alertId + "/clearance/decision")
            .header("Authorization", eco2)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"approve\":true,\"reason\":\"Documents verified\"}"),
        200);
    assertThat(partner("P2").status()).isEqualTo(PartnerStatus.CLEAR);
    JsonNode history =
        call(get("/api/v1/alerts/" + alertId + "/decisions").header("Authorization", eco1), 200);
    assertThat(history.findValuesAsString("decision"))
        .containsExactly("TRUE_MATCH", "CLEARANCE_REQUESTED", "CLEARANCE_APPROVED");
  }

  @Test
  @Order(7)
  void changingThePartnerReopensItsFalsePositive() throws Exception {
    long alertId = alertOf("P1").get("id").asLong();
    call(
        post("/api/v1/alerts/" + alertId + "/decisions")
            .header("Authorization", eco1)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"decision\":\"FALSE_POSITIVE\",\"reason\":\"still a namesake\"}"),
        200);
    Partner p1 = partner("P1");
    call(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/partners/" + p1.id())
            .header("Authorization", clerk)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"reference\":\"P1\",\"name\":\"Boris Karamazov\",\"type\":\"PERSON\",\"country\":\"RU\",\"birthDate\":\"1961-03-02\",\"identifiers\":[\"RU 1234567\"],\"roles\":[\"END_USER\"]}"),
        200);
    JsonNode alert = alertOf("P1");
    assertThat(alert.get("status").asString()).isEqualTo("OPEN");
    assertThat(alert.get("reopenReason").asString()).contains("partner data changed");
  }

  @Test
  @Order(8)
  void adHocScreeningExplainsItsHitsAndChecksBatches() throws Exception {
    JsonNode single =
        call(
            post("/api/v1/screenings")
                .header("Authorization", clerk)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"KARAMAZOV, Boris\",\"type\":\"PERSON\",\"birthDate\":\"1961-03-02\"}"),
            200);
    JsonNode hit = single.get("results").get(0).get("hits").get(0);
    assertThat(hit.get("entityId").asString()).isEqualTo("E1");
    assertThat(hit.get("score").asDouble()).isGreaterThan(0.85);
    assertThat(hit.get("explanation").asString()).isNotBlank();
    assertThat(single.get("entitiesSearched").asInt()).isEqualTo(2);

    JsonNode batch =
        call(
            post("/api/v1/screenings")
                .header("Authorization", clerk)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"queries\":[{\"id\":\"a\",\"name\":\"Sinister Trading\"},{\"id\":\"b\",\"name\":\"\"},{\"id\":\"c\",\"name\":\"Nobody At All\"}]}"),
            200);
    assertThat(batch.get("results").get(0).get("hits").size()).isPositive();
    assertThat(batch.get("results").get(1).get("error").asString()).contains("name");
    assertThat(batch.get("results").get(2).get("hits").size()).isZero();

    StringBuilder tooMany = new StringBuilder("{\"queries\":[");
    for (int i = 0; i < 1001; i++) {
      tooMany.append(i == 0 ? "" : ",").append("{\"name\":\"n").append(i).append("\"}");
    }
    JsonNode refused =
        call(
            post("/api/v1/screenings")
                .header("Authorization", clerk)
                .contentType(MediaType.APPLICATION_JSON)
                .content(tooMany.append("]}").toString()),
            400);
    assertThat(refused.get("detail").asString()).contains("1000");
    call(
        post("/api/v1/screenings")
            .header("Authorization", clerk)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"x\",\"threshold\":7}"),
        400);
  }

  @Test
  @Order(9)
  void brokenPartnerFileImportsNothing() throws Exception {
    long before = partners.count(organisation, null, null);
    MockMultipartFile broken =
        new MockMultipartFile(
            "file",
            "broken.csv",
            "text/csv",
            "reference,name\nX1,Fine Row Ltd\nX2,\"Unclosed quote Ltd\nX3,Another"
                .getBytes(StandardCharsets.UTF_8));
    JsonNode job = importPartners(broken);
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    assertThat(job.get("failure").asString()).isNotBlank();
    assertThat(partners.count(organisation, null, null)).isEqualTo(before);

    MockMultipartFile latin1 =
        new MockMultipartFile(
            "file",
            "latin1.csv",
            "text/csv",
            "reference,name\nL1,M\u00fcller GmbH\n".getBytes(StandardCharsets.ISO_8859_1));
    job = importPartners(latin1);
    assertThat(job.get("state").asString()).isEqualTo("FAILED");
    assertThat(job.get("failure").asString()).contains("UTF-8");
    assertThat(partners.count(organisation, null, null)).isEqualTo(before);
  }

  @Test
  @Order(10)
  void xlsxImportWorksLikeCsv() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (org.dhatim.fastexcel.Workbook wb =
        new org.dhatim.fastexcel.Workbook(bytes, "test", "1.0")) {
      org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Partners");
      List<String> header = List.of("Reference", "Name", "Type", "Country");
      List<String> row = List.of("XL1", "Sinister Trade Company", "organisation", "IR");
      for (int c = 0; c < 4; c++) {
        ws.value(0, c, header.get(c));
        ws.value(1, c, row.get(c));
      }
    }
    MockMultipartFile file =
        new MockMultipartFile(
            "file",
            "partners.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes.toByteArray());
    JsonNode job = importPartners(file);
    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
    assertThat(job.get("created").asInt()).isEqualTo(1);
    assertThat(partner("XL1").status()).isEqualTo(PartnerStatus.POTENTIAL_MATCH);
  }
}
