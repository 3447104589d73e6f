package org.openstc.server.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditTrail;
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
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Products and their classification through the API: four-eyes approval, refusal of unknown codes
 * and of other organisations' products, and re-review when a new list version changes the entry a
 * product is classified under.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProductClassificationApiTest {

  private static final String PASSWORD = "correct horse battery";
  private static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "items");
    dataDir = Files.createTempDirectory("openstc-items-test");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
    registry.add("stc.items.max-document-size", () -> "1KB");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired AuditTrail audit;
  private final JsonMapper json = JsonMapper.builder().build();

  private static String admin;
  private static String clerk;
  private static String officer1;
  private static String officer2;
  private static String stranger;

  @BeforeAll
  static void reset() {
    admin = null;
  }

  private void users() {
    if (admin != null) {
      return;
    }
    admin = token("admin", "Platform", Role.ADMINISTRATOR);
    clerk = token("clara", "Acme Export GmbH", Role.COMPLIANCE_USER);
    officer1 = token("otto", "Acme Export GmbH", Role.EXPORT_CONTROL_OFFICER);
    officer2 = token("olga", "Acme Export GmbH", Role.EXPORT_CONTROL_OFFICER);
    stranger = token("sam", "Other Trading Ltd", Role.EXPORT_CONTROL_OFFICER);
  }

  private String token(String name, String org, Role role) {
    accounts.create(
        new NewUser(name, null, null, org, Set.of(role), PASSWORD.toCharArray()), Actor.SYSTEM);
    return "Bearer " + accounts.issueToken(name, "test", Actor.SYSTEM).secret();
  }

  private ResultActions importList(String fixture) throws Exception {
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/controls/" + fixture)) {
      bytes = in.readAllBytes();
    }
    return mvc.perform(
        multipart("/api/v1/control-lists/imports")
            .file(new MockMultipartFile("file", fixture, "application/json", bytes))
            .header("Authorization", admin));
  }

  private JsonNode body(ResultActions r) throws Exception {
    return json.readTree(r.andReturn().getResponse().getContentAsString());
  }

  private ResultActions postJson(String path, String token, String content) throws Exception {
    return mvc.perform(
        post(path)
            .header("Authorization", token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(content));
  }

  @Test
  void classificationNeedsASecondOfficerAndIsFlaggedWhenTheListChanges() throws Exception {
    users();
    importList("eu-annex-i-small-2025-01-01.json")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.listId").value("EU-ANNEX-I"))
        .andExpect(jsonPath("$.entryCount").value(7))
        .andExpect(jsonPath("$.checksum").isString());
    // The same file again is refused rather than stored twice.
    importList("eu-annex-i-small-2025-01-01.json").andExpect(status().isConflict());

    long product =
        body(postJson(
                    "/api/v1/products",
                    clerk,
                    "{\"partNumber\":\"LT-500\",\"description\":\"CNC turning centre\","
                        + "\"technicalData\":\"positioning accuracy 0.8 um\"}")
                .andExpect(status().isCreated()))
            .get("id")
            .asLong();

    // Candidate entries are found by searching the list.
    mvc.perform(
            get("/api/v1/control-lists/EU-ANNEX-I/versions/2025-01-01/search")
                .param("q", "positioning accuracy")
                .header("Authorization", officer1))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].code").value("2B001.a"));

    postJson(
            "/api/v1/products/" + product + "/classifications",
            officer1,
            "{\"jurisdiction\":\"EU\",\"code\":\"9Z999\",\"rationale\":\"guess\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("9Z999")));

    long proposal =
        body(postJson(
                    "/api/v1/products/" + product + "/classifications",
                    officer1,
                    "{\"jurisdiction\":\"EU\",\"code\":\"2B001.a\",\"rationale\":\"Two-axis"
                        + " turning, 0.8 um positioning accuracy\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.listId").value("EU-ANNEX-I"))
                .andExpect(jsonPath("$.listValidFrom").value("2025-01-01")))
            .get("id")
            .asLong();

    String approve = "/api/v1/products/" + product + "/classifications/" + proposal + "/approve";
    mvc.perform(post(approve).header("Authorization", officer1))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Four-eyes")));
    mvc.perform(post(approve).header("Authorization", clerk)).andExpect(status().isForbidden());
    mvc.perform(post(approve).header("Authorization", stranger)).andExpect(status().isNotFound());
    mvc.perform(post(approve).header("Authorization", officer2))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value("olga"));
    mvc.perform(post(approve).header("Authorization", officer2)).andExpect(status().isConflict());

    // The approved classification answers "do I need a licence?" for the product.
    postJson("/api/v1/products/" + product + "/determinations", clerk, "{\"destination\":\"CN\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("LICENCE_REQUIRED"))
        .andExpect(jsonPath("$.reasons[0].legal_basis").isString());
    postJson(
            "/api/v1/products/" + product + "/determinations", stranger, "{\"destination\":\"CN\"}")
        .andExpect(status().isNotFound());

    // Another organisation cannot see the product at all.
    mvc.perform(get("/api/v1/products/" + product).header("Authorization", stranger))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/products").header("Authorization", stranger))
        .andExpect(jsonPath("$.length()").value(0));

    // Two more approved classifications: one whose entry the new version removes, one unchanged.
    long scope = approvedProduct("SCOPE-1", "3A002.a");
    long crypto = approvedProduct("VPN-1", "5A002");
    long unlisted = approvedProduct("PUMP-1", "NOT_LISTED");
    mvc.perform(get("/api/v1/products/" + unlisted).header("Authorization", clerk))
        .andExpect(jsonPath("$.classifications[0].listId").value("EU-ANNEX-I"))
        .andExpect(jsonPath("$.classifications[0].listValidFrom").value("2025-01-01"));

    // The new version changes 2B001.a: the approved classification needs review, with the diff.
    importList("eu-annex-i-small-2026-01-01.json").andExpect(status().isCreated());
    JsonNode detail =
        body(
            mvc.perform(get("/api/v1/products/" + product).header("Authorization", clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.product.needsReview").value(true)));
    JsonNode flagged = detail.get("classifications").get(0);
    assertThat(flagged.get("status").asString()).isEqualTo("NEEDS_REVIEW");
    assertThat(flagged.get("reviewList").asString()).isEqualTo("EU-ANNEX-I@2026-01-01");
    assertThat(flagged.get("reviewDiff").asString())
        .contains("CHANGED 2B001.a")
        .contains("[-0.9-]")
        .contains("{+1.1+}");
    assertThat(
            body(mvc.perform(get("/api/v1/products/" + scope).header("Authorization", clerk)))
                .get("classifications")
                .get(0)
                .get("reviewDiff")
                .asString())
        .startsWith("REMOVED 3A002.a: [-Digital oscilloscopes");
    // A "not listed" finding is re-checked against the entries the new version adds.
    assertThat(
            body(mvc.perform(get("/api/v1/products/" + unlisted).header("Authorization", clerk)))
                .get("classifications")
                .get(0)
                .get("reviewDiff")
                .asString())
        .isEqualTo(
            "ADDED 3A003: {+Spray cooling thermal management systems employing closed loop fluid"
                + " handling and reconditioning equipment in a sealed enclosure.+}");
    mvc.perform(get("/api/v1/products/" + crypto).header("Authorization", clerk))
        .andExpect(jsonPath("$.product.needsReview").value(false))
        .andExpect(jsonPath("$.classifications[0].status").value("APPROVED"));
    mvc.perform(get("/api/v1/classifications/review-queue").header("Authorization", officer2))
        .andExpect(jsonPath("$[0].classification.status").value("NEEDS_REVIEW"));

    // A fresh proposal against the new version, approved by the other officer, settles it.
    long again =
        body(postJson(
                "/api/v1/products/" + product + "/classifications",
                officer2,
                "{\"jurisdiction\":\"EU\",\"code\":\"2B001.a\",\"rationale\":\"Still"
                    + " within 1.1 um\"}"))
            .get("id")
            .asLong();
    mvc.perform(
            post("/api/v1/products/" + product + "/classifications/" + again + "/approve")
                .header("Authorization", officer1))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/products/" + product).header("Authorization", clerk))
        .andExpect(jsonPath("$.product.needsReview").value(false))
        .andExpect(jsonPath("$.classifications[1].status").value("SUPERSEDED"));

    // A corrigendum of the same date replaces that version; the diff is against what it replaced.
    importList("eu-annex-i-small-2026-01-01-corrigendum.json").andExpect(status().isCreated());
    assertThat(
            body(mvc.perform(get("/api/v1/products/" + product).header("Authorization", clerk)))
                .get("classifications")
                .get(0)
                .get("reviewDiff")
                .asString())
        .contains("[-1.1-] {+1.2+}");

    assertThat(
            audit.search(
                new AuditQuery(
                    null, null, "CLASSIFICATION_APPROVED", null, null, null, null, 0, 10)))
        .hasSize(5)
        .anySatisfy(r -> assertThat(r.summary()).contains("proposed by otto, approved by olga"));
    assertThat(
            audit.count(
                new AuditQuery(
                    null, null, "CLASSIFICATION_NEEDS_REVIEW", null, null, null, null, 0, 10)))
        .isEqualTo(4);
  }

  private long approvedProduct(String part, String code) throws Exception {
    long id =
        body(postJson(
                "/api/v1/products",
                clerk,
                "{\"partNumber\":\"" + part + "\",\"description\":\"test product\"}"))
            .get("id")
            .asLong();
    long c =
        body(postJson(
                "/api/v1/products/" + id + "/classifications",
                officer1,
                "{\"jurisdiction\":\"EU\",\"code\":\"" + code + "\",\"rationale\":\"fits\"}"))
            .get("id")
            .asLong();
    mvc.perform(
            post("/api/v1/products/" + id + "/classifications/" + c + "/approve")
                .header("Authorization", officer2))
        .andExpect(status().isOk());
    return id;
  }

  @Test
  void rejectionNeedsAReasonAndAnApprovedClassification() throws Exception {
    users();
    long product =
        body(postJson(
                "/api/v1/products",
                officer1,
                "{\"partNumber\":\"CRYPTO-1\",\"description\":\"Encryption module\"}"))
            .get("id")
            .asLong();
    postJson(
            "/api/v1/products/" + product + "/determinations", officer1, "{\"destination\":\"CN\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no approved")));
    postJson("/api/v1/products", officer1, "{\"partNumber\":\"\",\"description\":\"x\"}")
        .andExpect(status().isBadRequest());
    postJson(
            "/api/v1/products",
            officer1,
            "{\"partNumber\":\"CRYPTO-1\",\"description\":\"duplicate\"}")
        .andExpect(status().isConflict());
    long proposal =
        body(postJson(
                "/api/v1/products/" + product + "/classifications",
                officer2,
                "{\"jurisdiction\":\"US\",\"code\":\"EAR99\",\"rationale\":\"no CCL entry\"}"))
            .get("id")
            .asLong();
    String reject = "/api/v1/products/" + product + "/classifications/" + proposal + "/reject";
    postJson(reject, officer1, "{\"reason\":\"\"}").andExpect(status().isBadRequest());
    postJson(reject, officer1, "{\"reason\":\"It implements 5A002 cryptography\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"))
        .andExpect(jsonPath("$.rejectionReason").value("It implements 5A002 cryptography"));
  }

  @Test
  void documentsAreStoredWithinTheSizeLimit() throws Exception {
    users();
    long product =
        body(postJson(
                "/api/v1/products",
                clerk,
                "{\"partNumber\":\"DOC-1\",\"description\":\"Product with a datasheet\"}"))
            .get("id")
            .asLong();
    long doc =
        body(mvc.perform(
                    multipart("/api/v1/products/" + product + "/documents")
                        .file(
                            new MockMultipartFile(
                                "file", "../../datasheet.txt", "text/plain", "spec".getBytes()))
                        .header("Authorization", clerk))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("datasheet.txt"))
                .andExpect(jsonPath("$.sizeBytes").value(4)))
            .get("id")
            .asLong();
    mvc.perform(
            get("/api/v1/products/" + product + "/documents/" + doc).header("Authorization", clerk))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string("spec"));
    mvc.perform(
            multipart("/api/v1/products/" + product + "/documents")
                .file(
                    new MockMultipartFile(
                        "file", "big.bin", "application/octet-stream", new byte[2048]))
                .header("Authorization", clerk))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("limit")));
    mvc.perform(
            get("/api/v1/products/" + product + "/documents/" + doc)
                .header("Authorization", stranger))
        .andExpect(status().isNotFound());
  }
}
