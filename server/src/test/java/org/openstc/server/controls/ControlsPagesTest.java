package org.openstc.server.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.SignedInUser;
import org.openstc.server.identity.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The control list pages render with real content for signed-in users. */
@SpringBootTest
@AutoConfigureMockMvc
class ControlsPagesTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "controlspages");
    Path dataDir = Files.createTempDirectory("openstc-controls-pages");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired ControlListCatalogue catalogue;
  private static SignedInUser admin;
  private static SignedInUser caseworker;

  @BeforeEach
  void setUp() throws IOException {
    if (admin != null) {
      return;
    }
    admin = principal("pa", "Platform", Role.ADMINISTRATOR);
    caseworker = principal("pc", "Export Office", Role.CASEWORKER);
    for (String f :
        new String[] {"eu-annex-i-small-2025-01-01.json", "eu-annex-i-small-2026-01-01.json"}) {
      try (InputStream in = getClass().getResourceAsStream("/controls/" + f)) {
        catalogue.importList(in, f, null, null, new Actor("setup", null));
      }
    }
  }

  private SignedInUser principal(String name, String org, Role role) {
    accounts.create(
        new NewUser(name, name, null, org, Set.of(role), "correct horse battery".toCharArray()),
        Actor.SYSTEM);
    return accounts.signInPrincipal(name).orElseThrow();
  }

  private String page(SignedInUser who, String path) throws Exception {
    return mvc.perform(get(path).with(user(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void listsVersionsEntriesSearchAndDiffRender() throws Exception {
    assertThat(page(caseworker, "/controls"))
        .contains("EU-ANNEX-I")
        .contains("EU-CML")
        .contains("2026-01-01")
        .doesNotContain("import-form");
    assertThat(page(admin, "/controls"))
        .contains("import-form")
        .contains("Import history")
        .contains("loaded-sources")
        .contains("__national-json__2026-01-01.json");
    assertThat(page(caseworker, "/controls/lists/EU-ANNEX-I/2025-01-01"))
        .contains("3A002")
        .contains("Wassenaar Arrangement");
    assertThat(page(caseworker, "/controls/lists/EU-ANNEX-I/2025-01-01/entries/3A002"))
        .contains("entry-tree")
        .contains("class=\"depth-1\"")
        .contains("Digital oscilloscopes");
    assertThat(page(caseworker, "/controls/lists/EU-ANNEX-I/2025-01-01/entries/3A002.a"))
        .contains("Digital oscilloscopes")
        .contains("sample rate exceeding 10 GS/s")
        .contains("/controls/lists/EU-ANNEX-I/2025-01-01/entries/3A002");
    assertThat(page(caseworker, "/controls/lists/EU-CML/2025-01-01/entries/ML10").length())
        .isPositive();
    assertThat(
            mvc.perform(
                    get("/controls/search")
                        .param("version", "EU-ANNEX-I@2025-01-01")
                        .param("q", "sample rate")
                        .param("in", "parameters")
                        .with(user(caseworker)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("3A002.a");
    assertThat(
            page(
                caseworker,
                "/controls/diff?from=EU-ANNEX-I@2025-01-01&to=EU-ANNEX-I@2026-01-01&regime="))
        .contains("<del>0.9</del>")
        .contains("<ins>1.1</ins>")
        .contains("REMOVED");
    mvc.perform(get("/controls/lists/EU-ANNEX-I/2024-01-01").with(user(caseworker)))
        .andExpect(status().isNotFound());
  }

  @Test
  void determinationFormAndMeasuresRender() throws Exception {
    assertThat(page(caseworker, "/controls/determine")).contains("Do I need a licence?");
    String answer =
        mvc.perform(
                post("/controls/determine")
                    .with(user(caseworker))
                    .with(csrf())
                    .param("jurisdiction", "EU")
                    .param("item", "2B001.a")
                    .param("destination", "CN")
                    .param("endUse", "civil")
                    .param("activity", "export"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(answer).contains("LICENCE_REQUIRED").contains("Art. 3(1)");
    assertThat(page(caseworker, "/controls/measures")).contains("UN-KP-ARMS");
    mvc.perform(get("/controls/measures/edit").param("id", "UN-KP-ARMS").with(user(caseworker)))
        .andExpect(status().isForbidden());
    assertThat(page(admin, "/controls/measures/edit?id=UN-KP-ARMS")).contains("1718 (2006)");
    String refused =
        mvc.perform(
                post("/controls/measures")
                    .with(user(admin))
                    .with(csrf())
                    .param("json", "{\"id\":\"X\"}"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("class=\"error\"");
  }
}
