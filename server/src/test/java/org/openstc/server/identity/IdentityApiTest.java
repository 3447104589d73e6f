package org.openstc.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditQuery;
import org.openstc.server.audit.AuditRecord;
import org.openstc.server.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The identity API and sign-in, as an API client and a browser session would use them. */
@SpringBootTest
@AutoConfigureMockMvc
class IdentityApiTest {

  private static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "identity");
  }

  @Autowired MockMvc mvc;
  @Autowired UserAccounts accounts;
  @Autowired AuditTrail audit;

  private static int counter;
  private String admin;
  private String adminToken;

  @BeforeEach
  void administrator() {
    admin = "admin" + (++counter);
    accounts.create(
        new NewUser(
            admin,
            "Ada Admin",
            null,
            "Platform",
            Set.of(Role.ADMINISTRATOR),
            PASSWORD.toCharArray()),
        Actor.SYSTEM);
    adminToken = accounts.issueToken(admin, "test", Actor.SYSTEM).secret();
  }

  @Test
  void apiRefusesCallsWithoutAToken() throws Exception {
    mvc.perform(get("/api/v1/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/unauthenticated"))
        .andExpect(jsonPath("$.requestId").isNotEmpty());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer stc_notarealtoken"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void tokenIdentifiesItsUser() throws Exception {
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value(admin))
        .andExpect(jsonPath("$.organisationName").value("Platform"))
        .andExpect(jsonPath("$.roles[0]").value("ADMINISTRATOR"));
  }

  @Test
  void revokedTokenStopsWorking() throws Exception {
    var issued = accounts.issueToken(admin, "to revoke", Actor.SYSTEM);
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
        .andExpect(status().isOk());
    mvc.perform(
            delete("/api/v1/tokens/" + issued.info().id())
                .header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void manyConcurrentCallsWithAFreshTokenAllAuthenticateAndRevocationStillWins() throws Exception {
    var issued = accounts.issueToken(admin, "burst", Actor.SYSTEM);
    java.util.List<java.util.concurrent.Future<java.util.Optional<SignedInUser>>> calls =
        new java.util.ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 64; i++) {
        calls.add(
            threads.submit(() -> {
              go.await();
              return accounts.authenticateToken(issued.secret());
            }));
      }
      go.countDown();
      for (var call : calls) {
        assertThat(call.get()).map(SignedInUser::getUsername).contains(admin);
      }
    }
    accounts.revokeToken(
        accounts.signInPrincipal(admin).orElseThrow().userId(), issued.info().id(), Actor.SYSTEM);
    assertThat(accounts.authenticateToken(issued.secret())).isEmpty();
    assertThat(accounts.authenticateToken("stc_" + "x".repeat(40))).isEmpty();
  }

  @Test
  void administratorCreatesUserAndTheChangeIsAudited() throws Exception {
    String username = "officer" + counter;
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .header("X-Request-Id", "req-create-" + counter)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"username":"%s","displayName":"Otto Officer","organisation":"Acme Export GmbH",
                     "roles":["EXPORT_CONTROL_OFFICER"]}\
                    """
                        .formatted(username)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.user.username").value(username))
        .andExpect(jsonPath("$.user.mustChangePassword").value(true))
        .andExpect(jsonPath("$.oneTimePassword").isString());
    AuditRecord record =
        audit
            .search(new AuditQuery(null, null, "USER_CREATED", "User", username, null, null, 0, 5))
            .getFirst();
    assertThat(record.actor()).isEqualTo(admin);
    assertThat(record.requestId()).isEqualTo("req-create-" + counter);
    assertThat(record.summary()).contains("Acme Export GmbH").contains("EXPORT_CONTROL_OFFICER");
    assertThat(accounts.organisations())
        .anySatisfy(o -> {
          assertThat(o.name()).isEqualTo("Acme Export GmbH");
          assertThat(o.kind()).isEqualTo(OrganisationKind.EXPORTER);
        });
  }

  @Test
  void usersWithoutTheRoleAreForbidden() throws Exception {
    String clerk = "clerk" + counter;
    accounts.create(
        new NewUser(
            clerk, null, null, "Clerks Ltd", Set.of(Role.COMPLIANCE_USER), PASSWORD.toCharArray()),
        Actor.SYSTEM);
    String token = accounts.issueToken(clerk, null, Actor.SYSTEM).secret();
    mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.status").value(403));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void malformedJsonIsRefusedAndChangesNothing() throws Exception {
    int before = accounts.users(null).size();
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"half"))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/malformed-body"));
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"x1\",\"roles\":[\"PRESIDENT\"]}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"\",\"roles\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("username")));
    assertThat(accounts.users(null)).hasSize(before);
  }

  @Test
  void roleMustFitTheOrganisation() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"cw%d\",\"organisation\":\"Platform\",\"roles\":[\"CASEWORKER\"]}"
                        .formatted(counter)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CASEWORKER")));
  }

  @Test
  void duplicateUserIsAConflict() throws Exception {
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"%s\",\"roles\":[\"ADMINISTRATOR\"]}".formatted(admin)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/conflict"));
  }

  @Test
  void unknownRouteIsANotFoundProblem() throws Exception {
    mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + adminToken))
        .andExpect(status().isNotFound());
  }

  @Test
  void oversizedBodyIsRefusedBeforeReading() throws Exception {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + adminToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(big))
        .andExpect(status().is(413))
        .andExpect(jsonPath("$.type").value("https://openstc.org/problems/payload-too-large"));
  }

  @Test
  void browserSessionNeedsCsrfTokenForChanges() throws Exception {
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(admin).password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(
            post("/admin/organisations")
                .session(session)
                .param("name", "NoCsrf")
                .param("kind", "EXPORTER"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/organisations")
                .session(session)
                .with(csrf())
                .param("name", "WithCsrf" + counter)
                .param("kind", "EXPORTER"))
        .andExpect(status().is3xxRedirection());
    assertThat(accounts.organisations()).noneMatch(o -> o.name().equals("NoCsrf"));
  }

  @Test
  void repeatedFailedSignInsLockTheAccount() throws Exception {
    String victim = "victim" + counter;
    accounts.create(
        new NewUser(
            victim, null, null, "Victims", Set.of(Role.COMPLIANCE_USER), PASSWORD.toCharArray()),
        Actor.SYSTEM);
    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/login").user(victim).password("wrong password " + i))
          .andExpect(header().string("Location", "/login?error"));
    }
    // The right password no longer works while the lock lasts.
    mvc.perform(formLogin("/login").user(victim).password(PASSWORD))
        .andExpect(header().string("Location", "/login?error"));
    UserAccount locked = accounts.findByUsername(victim).orElseThrow();
    assertThat(locked.lockedAt(java.time.Instant.now())).isTrue();
    var failures =
        audit.search(new AuditQuery(null, null, "LOGIN_FAILED", "User", victim, null, null, 0, 20));
    assertThat(failures).hasSizeGreaterThanOrEqualTo(5);
    assertThat(failures).noneMatch(r -> r.summary().contains("wrong password 0"));
    assertThat(failures.getFirst().summary()).contains("locked");
  }

  @Test
  void successfulSignInIsAudited() throws Exception {
    mvc.perform(formLogin("/login").user(admin).password(PASSWORD))
        .andExpect(header().string("Location", "/"));
    assertThat(audit.search(new AuditQuery(null, admin, "LOGIN", null, null, null, null, 0, 5)))
        .isNotEmpty();
  }

  @Test
  void oneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
    String newbie = "newbie" + counter;
    CreatedUser created =
        accounts.create(
            new NewUser(newbie, null, null, "Platform", Set.of(Role.ADMINISTRATOR), null),
            Actor.SYSTEM);
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(formLogin("/login").user(newbie).password(created.oneTimePassword()))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(get("/admin/users").session(session))
        .andExpect(header().string("Location", "/account/password"));
    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", created.oneTimePassword())
                .param("newPassword", "a much better password")
                .param("confirmPassword", "a much better password"))
        .andExpect(header().string("Location", "/"));
    mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
  }
}
