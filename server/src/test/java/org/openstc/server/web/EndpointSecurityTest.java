package org.openstc.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openstc.server.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every HTTP handler of the application: each must declare who may call it, and none may be
 * reachable without signing in except the sign-in, setup, error and health endpoints.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EndpointSecurityTest {

  /** Reachable without a session or token, on purpose. */
  private static final Set<String> PUBLIC = Set.of("/login", "/setup", "/error", "/error/problem");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "security");
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired MockMvc mvc;

  @Test
  void everyApplicationHandlerDeclaresItsRoles() {
    List<String> undeclared = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      HandlerMethod handler = e.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("org.openstc")) {
        continue; // springdoc's handlers are covered by URL rules and by the walk below
      }
      boolean declared =
          AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
              || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
      if (!declared) {
        undeclared.add(handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName());
      }
    }
    assertThat(undeclared).as("handlers without @PreAuthorize").isEmpty();
    assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(20);
  }

  @Test
  void noHandlerIsReachableWithoutSigningIn() throws Exception {
    List<String> reachable = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (PUBLIC.contains(pattern)) {
          continue;
        }
        String path = pattern.replaceAll("\\{\\*?[^}]+}", "1").replace("/**", "/x");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          MvcResult result =
              mvc.perform(request(HttpMethod.valueOf(method.name()), path).with(csrf()))
                  .andReturn();
          int status = result.getResponse().getStatus();
          String location = result.getResponse().getHeader("Location");
          boolean refused =
              path.startsWith("/api/") || path.startsWith("/actuator/")
                  ? status == 401
                  : status == 302 && location != null && location.endsWith("/login");
          checked++;
          if (!refused) {
            reachable.add(method + " " + path + " -> " + status);
          }
        }
      }
    }
    assertThat(reachable).as("endpoints reachable anonymously").isEmpty();
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void healthIsPublicButMetricsAreNot() throws Exception {
    assertThat(
            mvc.perform(request(HttpMethod.GET, "/actuator/health"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            mvc.perform(request(HttpMethod.GET, "/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
    assertThat(
            mvc.perform(request(HttpMethod.GET, "/api/v1/openapi.json"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(401);
  }
}
