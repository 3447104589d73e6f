package org.openstc.server.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.openstc.server.identity.UserAccounts;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. The JSON API and actuator accept personal API tokens (Bearer) or a browser
 * session; pages use form login with sessions and CSRF. Roles are declared on every handler with
 * {@code @PreAuthorize}; a test fails when one is missing.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  /** Pages and resources anybody may see, signed in or not. */
  static final String[] PUBLIC_PAGES = {
    "/login", "/setup", "/css/**", "/js/**", "/favicon.ico", "/error"
  };

  /**
   * No Micrometer observations around every security filter, authentication and authorisation: they
   * wrapped each of the chain's filters per request and cost a third of the throughput of {@code
   * POST /api/v1/screenings}. Request timings stay in {@code http.server.requests}; sign-in
   * outcomes are in the audit trail.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }

  @Bean
  UserDetailsService userDetailsService(UserAccounts accounts) {
    return username ->
        accounts
            .signInPrincipal(username)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users, PasswordEncoder passwordEncoder) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwordEncoder);
    return new ProviderManager(provider);
  }

  /** The filter chains exist only when OpenSTC serves HTTP (not for command-line runs). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication
  static class WebSecurity {

    /**
     * API calls that carry a token: stateless (no session, no CSRF — the caller sends no cookies),
     * so an ERP's thousands of calls create nothing on the server.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiTokens(HttpSecurity http, UserAccounts accounts, JsonMapper json)
        throws Exception {
      http.securityMatcher(
              request -> {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return (path.startsWith("/api/") || path.startsWith("/actuator/"))
                    && request.getHeader("Authorization") != null;
              })
          .authorizeHttpRequests(auth ->
              auth.requestMatchers("/actuator/health", "/actuator/health/**")
                  .permitAll()
                  .requestMatchers("/actuator/**")
                  .hasRole("ADMINISTRATOR")
                  .anyRequest()
                  .authenticated())
          .addFilterBefore(new ApiTokenFilter(accounts), AnonymousAuthenticationFilter.class)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .requestCache(c -> c.disable())
          .csrf(csrf -> csrf.disable())
          .exceptionHandling(e -> problems(e, json))
          .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
      return http.build();
    }

    /** 401 and 403 as RFC 9457 problem documents. */
    private static void problems(
        org.springframework.security.config.annotation.web.configurers.ExceptionHandlingConfigurer<
                HttpSecurity>
            e,
        JsonMapper json) {
      e.authenticationEntryPoint(
              (req, res, ex) -> {
                res.setHeader("WWW-Authenticate", "Bearer realm=\"openstc\"");
                problem(
                    json,
                    res,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Sign in or send a valid API token (Authorization: Bearer stc_...)",
                    req.getRequestURI());
              })
          .accessDeniedHandler((req, res, ex) ->
              problem(
                  json,
                  res,
                  HttpStatus.FORBIDDEN,
                  "forbidden",
                  "Your roles do not allow this request, or the CSRF token is missing",
                  req.getRequestURI()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, UserAccounts accounts, JsonMapper json)
        throws Exception {
      http.securityMatcher("/api/**", "/actuator/**")
          .authorizeHttpRequests(auth ->
              auth.requestMatchers("/actuator/health", "/actuator/health/**")
                  .permitAll()
                  .requestMatchers("/actuator/**")
                  .hasRole("ADMINISTRATOR")
                  .anyRequest()
                  .authenticated())
          .addFilterBefore(new ApiTokenFilter(accounts), AnonymousAuthenticationFilter.class)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
          // Token callers send no cookies, so CSRF cannot apply to them; session callers need it.
          .csrf(csrf -> csrf.ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
          .exceptionHandling(e -> problems(e, json))
          .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
      return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
      AuthenticationFailureHandler failure =
          new SimpleUrlAuthenticationFailureHandler("/login?error");
      http.authorizeHttpRequests(auth ->
              auth.requestMatchers(PUBLIC_PAGES)
                  .permitAll()
                  .requestMatchers("/v3/api-docs/**", "/api-browser/**", "/swagger-ui/**")
                  .authenticated()
                  .anyRequest()
                  .authenticated())
          .formLogin(form ->
              form.loginPage("/login")
                  .defaultSuccessUrl("/", false)
                  .failureHandler(failure)
                  .permitAll())
          .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
          .addFilterAfter(new PasswordChangeGate(), AnonymousAuthenticationFilter.class)
          .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
          .headers(h ->
              h.contentSecurityPolicy(c ->
                      c.policyDirectives(
                          "default-src 'self'; img-src 'self' data:; style-src 'self'"
                              + " 'unsafe-inline'; script-src 'self'; frame-ancestors"
                              + " 'none'; form-action 'self'"))
                  .frameOptions(f -> f.deny()));
      return http.build();
    }
  }

  static void problem(
      JsonMapper json,
      HttpServletResponse res,
      HttpStatus status,
      String type,
      String detail,
      String instance)
      throws IOException {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create("https://openstc.org/problems/" + type));
    body.setTitle(status.getReasonPhrase());
    body.setInstance(URI.create(instance));
    body.setProperty("requestId", MDC.get("requestId"));
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), body);
  }
}
