package org.openstc.server.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.cli.CliRun;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
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
 * Determinations through the API and the command line, the control list API (import, browse,
 * search, diff of a national list against the Wassenaar part) and administrators' measure edits.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeterminationApiTest {

  private static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "controls");
    dataDir = Files.createTempDirectory("openstc-controls-test");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired AuditTrail audit;
  private final JsonMapper json = JsonMapper.builder().build();
  private static String admin;
  private static String caseworker;
  private static String monitor;

  private void users() {
    if (admin != null) {
      return;
    }
    admin = token("root", "Platform", Role.ADMINISTRATOR);
    caseworker = token("cora", "Export Office", Role.CASEWORKER);
    monitor = token("mona", "1540 Committee", Role.MONITORING_EXPERT);
  }

  private String token(String name, String org, Role role) {
    accounts.create(
        new NewUser(name, null, null, org, Set.of(role), "correct horse battery".toCharArray()),
        Actor.SYSTEM);
    return "Bearer " + accounts.issueToken(name, "test", Actor.SYSTEM).secret();
  }

  private void importFixture(String fixture) throws Exception {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/controls/" + fixture)) {
      bytes = in.readAllBytes();
    }
    mvc.perform(
            multipart("/api/v1/control-lists/imports")
                .file(new MockMultipartFile("file", fixture, "application/json", bytes))
                .header("Authorization", admin))
        .andExpect(status().isCreated());
  }

  private JsonNode determine(String token, String body, int expectedStatus) throws Exception {
    String out =
        mvc.perform(
                post("/api/v1/determinations")
                    .header("Authorization", token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().is(expectedStatus))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(out);
  }

  @Test
  void determinationAnswersWithTheEnginesJsonAndItsLegalBasis() throws Exception {
    users();
    importFixture("eu-annex-i-small-2026-01-01.json");
    JsonNode d =
        determine(
            caseworker,
            "{\"jurisdiction\":\"EU\",\"item\":\"2B001.a\",\"destination\":\"CN\"}",
            200);
    assertThat(d.get("outcome").asString()).isEqualTo("LICENCE_REQUIRED");
    assertThat(names(d))
        .containsExactly("outcome", "general_authorisations", "licence_exceptions", "reasons");
    assertThat(d.get("reasons").toString()).contains("Art. 3(1)").contains("2021/821");
    JsonNode reason = d.get("reasons").get(0);
    assertThat(names(reason)).containsExactly("rule", "legal_basis", "explanation");

    // The engine's own request fields work too: several jurisdictions, screening status, as_of.
    JsonNode screened =
        determine(
            caseworker,
            "{\"items\":{\"EU\":\"NOT_LISTED\"},\"destination\":\"CN\","
                + "\"screening\":[\"EU_UN_ASSET_FREEZE\"],\"as_of\":\"2026-06-01\"}",
            200);
    assertThat(screened.get("outcome").asString()).isEqualTo("PROHIBITED");
    determine(caseworker, "{\"jurisdiction\":\"EU\",", 400);

    JsonNode embargo =
        determine(
            caseworker,
            "{\"jurisdiction\":\"EU\",\"item\":\"ML10\",\"destination\":\"RU\",\"endUse\":\"military\"}",
            200);
    assertThat(embargo.get("outcome").asString()).isEqualTo("PROHIBITED");

    // Bad input: an unknown code, an unknown country shape, a list that is not loaded.
    assertThat(
            determine(
                    caseworker,
                    "{\"jurisdiction\":\"EU\",\"item\":\"9Z999\",\"destination\":\"CN\"}",
                    400)
                .get("detail")
                .asString())
        .contains("9Z999");
    determine(
        caseworker, "{\"jurisdiction\":\"EU\",\"item\":\"2B001\",\"destination\":\"China\"}", 400);
    assertThat(
            determine(
                    caseworker,
                    "{\"jurisdiction\":\"US\",\"item\":\"3A001\",\"destination\":\"CN\"}",
                    400)
                .get("detail")
                .asString())
        .contains("not loaded")
        .contains("controls import");
    determine(
        caseworker,
        "{\"jurisdiction\":\"EU\",\"item\":\"2B001\",\"destination\":\"CN\",\"activity\":\"smuggling\"}",
        400);
    // Monitoring experts are neither exporters nor licensing staff.
    mvc.perform(
            post("/api/v1/determinations")
                .header("Authorization", monitor)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"jurisdiction\":\"EU\",\"item\":\"2B001\",\"destination\":\"CN\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void commandLineDeterminesFromFilesWithoutTheDatabase() throws Exception {
    Path empty = Files.createTempDirectory("openstc-no-shared");
    CliRun r =
        stc(
            "determine",
            "--jurisdiction",
            "EU",
            "--item",
            "ML10",
            "--destination",
            "RU",
            "--end-use",
            "military",
            "--data",
            empty.toString(),
            "--data-dir",
            empty.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = json.readTree(r.out());
    assertThat(d.get("outcome").asString()).isEqualTo("PROHIBITED");
    assertThat(names(d))
        .containsExactly("outcome", "general_authorisations", "licence_exceptions", "reasons");

    CliRun missing =
        stc(
            "determine",
            "--jurisdiction",
            "US",
            "--item",
            "3A001",
            "--destination",
            "CN",
            "--data",
            empty.toString(),
            "--data-dir",
            empty.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("US Commerce Control List is not loaded");
  }

  @Test
  void importedListsCanBeBrowsedSearchedAndComparedWithANationalList() throws Exception {
    users();
    importFixture("eu-annex-i-small-2025-01-01.json");
    importFixture("national-small-2026-03-01.json");
    mvc.perform(get("/api/v1/control-lists").header("Authorization", monitor))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.listId == 'XX-NATIONAL')].versions[0].entries").value(4));
    mvc.perform(
            get("/api/v1/control-lists/EU-ANNEX-I/versions/2025-01-01/entries/3A002")
                .header("Authorization", monitor))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.children[0]").value("3A002.a"));
    mvc.perform(
            get("/api/v1/control-lists/EU-ANNEX-I/versions/2025-01-01/entries/9Z999")
                .header("Authorization", monitor))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/control-lists/EU-ANNEX-I/versions/2025-01-01/search")
                .param("q", "sample rate")
                .param("in", "parameters")
                .header("Authorization", monitor))
        .andExpect(jsonPath("$[0].code").value("3A002.a"));
    JsonNode diff =
        json.readTree(
            mvc.perform(
                    get("/api/v1/control-lists/diff")
                        .param("from", "EU-ANNEX-I@2025-01-01")
                        .param("to", "XX-NATIONAL@2026-03-01")
                        .param("regime", "WASSENAAR")
                        .header("Authorization", monitor))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(diff.toString())
        .contains("\"code\":\"NAT-01\"")
        .contains("\"change\":\"ADDED\"")
        .contains("\"code\":\"3A002.a\"")
        .contains("\"change\":\"REMOVED\"");
    assertThat(diff.get("changed").asInt()).isEqualTo(1); // 2B001.a: 0.9 um against 2.0 um
  }

  @Test
  void hostileOrBrokenListFilesAreRefusedNamingTheFile() throws Exception {
    users();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<DIV5><HEAD>&e;</HEAD></DIV5>";
    String[][] files = {
      {"broken-2026-01-01.json", "{\"format\": \"openstc-control-list/1\", \"entries\": ["},
      {"title-15-part-774-2026-01-01.xml", xxe},
      {"unknown.json", "{\"something\": 1}"},
      {
        "national-bad-code.json",
        "{\"format\":\"openstc-control-list/1\",\"list_id\":\"XX-BAD\",\"jurisdiction\":\"NATIONAL\","
            + "\"legal_source\":\"x\",\"valid_from\":\"2026-01-01\",\"entries\":[{\"code\":\"<script>\",\"text\":\"t\"}]}"
      }
    };
    for (String[] f : files) {
      String detail =
          json.readTree(
                  mvc.perform(
                          multipart("/api/v1/control-lists/imports")
                              .file(
                                  new MockMultipartFile(
                                      "file", f[0], "application/octet-stream", f[1].getBytes()))
                              .header("Authorization", admin))
                      .andExpect(status().isBadRequest())
                      .andReturn()
                      .getResponse()
                      .getContentAsString())
              .get("detail")
              .asString();
      assertThat(detail).as(f[0]).startsWith(f[0]).doesNotContain("root:");
    }
    // Nothing half-imported stays behind.
    assertThat(Files.list(dataDir.resolve("control-lists")).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith(".incoming") || n.contains("bad"));
  }

  @Test
  void administratorsEditRestrictiveMeasuresAndTheDeterminationFollows() throws Exception {
    users();
    String measure =
        """
        {"id":"XX-TEST-ARMS","imposer":"EU","country":"BR","title":"Test arms embargo",
         "legal_act":"Council Decision (CFSP) 2099/1","provision":"Art. 1","items":"MILITARY_ITEMS",
         "target":"WHOLE_COUNTRY","activities":["EXPORT"],"effect":"PROHIBITION","from":"2020-01-01"}
        """;
    mvc.perform(
            put("/api/v1/restrictive-measures/XX-TEST-ARMS")
                .header("Authorization", caseworker)
                .contentType(MediaType.APPLICATION_JSON)
                .content(measure))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/restrictive-measures/XX-TEST-ARMS")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(measure.replace("\"BR\"", "\"Brazil\"")))
        .andExpect(status().isBadRequest());
    mvc.perform(
            put("/api/v1/restrictive-measures/XX-TEST-ARMS")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content(measure))
        .andExpect(status().isOk());
    JsonNode d =
        determine(
            caseworker, "{\"jurisdiction\":\"EU\",\"item\":\"ML10\",\"destination\":\"BR\"}", 200);
    assertThat(d.get("outcome").asString()).isEqualTo("PROHIBITED");
    assertThat(d.toString()).contains("2099/1");
    assertThat(
            audit.count(
                new AuditQuery(
                    null,
                    null,
                    "RESTRICTIVE_MEASURE_ADDED",
                    null,
                    "XX-TEST-ARMS",
                    null,
                    null,
                    0,
                    5)))
        .isEqualTo(1);
    assertThat(dataDir.resolve("control-lists").resolve("restrictive-measures.json")).exists();
  }

  private static java.util.List<String> names(JsonNode n) {
    java.util.List<String> out = new java.util.ArrayList<>();
    Iterator<String> it = n.propertyNames().iterator();
    it.forEachRemaining(out::add);
    return out;
  }

  private static CliRun stc(String... args) {
    return CliRun.stc(args);
  }
}
