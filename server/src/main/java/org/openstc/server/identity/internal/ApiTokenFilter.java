package org.openstc.server.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openstc.server.identity.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer stc_...} requests by the hash of the personal API
 * token. An invalid token leaves the request anonymous, so the entry point answers 401.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

  private final UserAccounts accounts;

  ApiTokenFilter(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      accounts
          .authenticateToken(header.substring(7).strip())
          .ifPresent(user -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(
                    user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
          });
    }
    chain.doFilter(request, response);
  }
}
