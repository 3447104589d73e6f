package org.openstc.server.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The watchlist API and page as administrators and officers use them. */
@SpringBootTest(properties = {"stc.lists.update.enabled=false", "stc.lists.max-upload-size=4KB"})
@AutoConfigureMockMvc
class ListsApiTest {

  private static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "listsapi");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired AuditTrail audit;
  @Autowired Watchlists watchlists;

  // Users are made once per class: Argon2 hashing is slow by design.
  private static String admin;
  private static String adminToken;
  private static String officerToken;
  private static String monitorToken;

  @BeforeEach
  void users() {
    if (adminToken != null) {
      return;
    }
    admin = "listadmin";
    accounts.create(
        new NewUser(
            admin, "Ada", null, "Platform", Set.of(Role.ADMINISTRATOR), PASSWORD.toCharArray()),
        Actor.SYSTEM);
    accounts.create(
        new NewUser(
            "eco", "Otto", null, "Acme Export GmbH", Set.of(Role.EXPORT_CONTROL_OFFICER), null),
        Actor.SYSTEM);
    accounts.create(
        new NewUser("monitor", "Mo", null, "1540 Committee", Set.of(Role.MONITORING_EXPERT), null),
        Actor.SYSTEM);
    adminToken = "Bearer " + accounts.issueToken(admin, "t", Actor.SYSTEM).secret();
    officerToken = "Bearer " + accounts.issueToken("eco", "t", Actor.SYSTEM).secret();
    monitorToken = "Bearer " + accounts.issueToken("monitor", "t", Actor.SYSTEM).secret();
  }

  private static MockMultipartFile file(String fixture) throws Exception {
    return new MockMultipartFile(
        "file", fixture, "text/csv", Files.readAllBytes(ListFixtures.fixture(fixture)));
  }

  @Test
  void uploadedVersionsShowTheirDeltaAndEntities() throws Exception {
    String first =
        mvc.perform(
                multipart("/api/v1/lists/imports")
                    .file(file("own-v1.csv"))
                    .param("source", "acme-api")
                    .header("Authorization", adminToken))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.outcome").value("IMPORTED"))
            .andExpect(jsonPath("$.version.entityCount").value(3))
            .andExpect(jsonPath("$.version.active").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(first).contains("own-v1.csv");
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("own-v1.csv"))
                .param("source", "acme-api")
                .header("Authorization", adminToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome").value("UNCHANGED"));
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("own-v2.csv"))
                .param("source", "acme-api")
                .header("Authorization", adminToken))
        .andExpect(status().isCreated());
    long id = watchlists.source("acme-api").activeVersionId();

    mvc.perform(get("/api/v1/lists/versions/{id}/delta", id).header("Authorization", officerToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.summary.added").value(1))
        .andExpect(jsonPath("$.added[0].entityId").value("C-4"))
        .andExpect(jsonPath("$.removed[0].entityId").value("C-2"))
        .andExpect(jsonPath("$.changed[0].changes[0].field").value("aliases"));
    mvc.perform(
            get("/api/v1/lists/versions/{id}/entities/C-4", id)
                .header("Authorization", officerToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name.full").value("Orion Trading FZE"));
    mvc.perform(
            get("/api/v1/lists/versions/{id}/entities/NOPE", id)
                .header("Authorization", officerToken))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/lists/versions/active").header("Authorization", officerToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.source == 'acme-api')].id").value(Matchers.contains((int) id)));
  }

  @Test
  void unreadableUploadIsAProblemNamingFileAndLineAndKeepsTheVersion() throws Exception {
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("own-v1.csv"))
                .param("source", "acme-bad")
                .header("Authorization", adminToken))
        .andExpect(status().isCreated());
    long active = watchlists.source("acme-bad").activeVersionId();
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("broken-quote.csv"))
                .param("source", "acme-bad")
                .header("Authorization", adminToken))
        .andExpect(status().is(422))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/list-import-failed"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("broken-quote.csv")))
        .andExpect(jsonPath("$.keptVersionId").value((int) active))
        .andExpect(jsonPath("$.attemptId").isNumber());
    assertThat(watchlists.source("acme-bad").activeVersionId()).isEqualTo(active);
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("xxe.xml"))
                .param("source", "acme-bad")
                .header("Authorization", adminToken))
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("xxe.xml")));
  }

  @Test
  void oversizedUploadIsRefusedBeforeReading() throws Exception {
    byte[] big = new byte[5 * 1024];
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(new MockMultipartFile("file", "big.csv", "text/csv", big))
                .header("Authorization", adminToken))
        .andExpect(status().is(413))
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/payload-too-large"));
  }

  @Test
  void officersViewButOnlyAdministratorsManage() throws Exception {
    mvc.perform(get("/api/v1/lists/sources").header("Authorization", officerToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == 'un-sc')].official").value(Matchers.contains(true)));
    mvc.perform(get("/api/v1/lists/sources").header("Authorization", monitorToken))
        .andExpect(status().isForbidden());
    mvc.perform(
            multipart("/api/v1/lists/imports")
                .file(file("own-v1.csv"))
                .header("Authorization", officerToken))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/lists/sources/us-bis-dpl/enabled")
                .header("Authorization", officerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"))
        .andExpect(status().isForbidden());

    mvc.perform(
            put("/api/v1/lists/sources/us-bis-dpl/enabled")
                .header("Authorization", adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":true}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.enabled").value(true));
    assertThat(
            audit.search(
                new AuditQuery(
                    null,
                    null,
                    "LIST_SOURCE_ENABLED",
                    "ListSource",
                    "us-bis-dpl",
                    null,
                    null,
                    0,
                    10)))
        .singleElement()
        .satisfies(r -> assertThat(r.actor()).isEqualTo(admin));
    mvc.perform(
            put("/api/v1/lists/sources/us-bis-dpl/enabled")
                .header("Authorization", adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/lists/sources/no-such").header("Authorization", adminToken))
        .andExpect(status().isNotFound());
  }

  @Test
  void pageShowsSourcesVersionsAndDeltaAndTakesAnUpload() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(admin).password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/lists").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("UN Security Council")))
        .andExpect(content().string(Matchers.containsString("list-upload")));
    mvc.perform(
            multipart("/lists/upload")
                .file(file("own-v1.csv"))
                .param("newSource", "acme-page")
                .session(session)
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/lists/versions/*"));
    mvc.perform(
            multipart("/lists/upload")
                .file(file("own-v2.csv"))
                .param("source", "acme-page")
                .session(session)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    long id = watchlists.source("acme-page").activeVersionId();
    mvc.perform(get("/lists/versions/{id}", id).session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Orion Trading FZE")))
        .andExpect(content().string(Matchers.containsString("delta-changed")))
        .andExpect(content().string(Matchers.containsString("+1 added, -1 removed, ~1 changed")));
    mvc.perform(
            multipart("/lists/upload")
                .file(file("broken-quote.csv"))
                .param("source", "acme-page")
                .session(session)
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/lists"));
    mvc.perform(get("/lists").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("FAILED")));
    mvc.perform(
            post("/lists/sources/acme-page/enabled")
                .param("enabled", "false")
                .session(session)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(watchlists.source("acme-page").enabled()).isFalse();
  }
}
