package org.openstc.server.identity.internal;

import org.openstc.server.identity.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Audits sign-ins and counts failures towards the lock-out. */
@Component
class SignInEvents {

  private final UserAccounts accounts;

  SignInEvents(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    accounts.signInSucceeded(event.getAuthentication().getName());
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    String reason =
        switch (event.getException()) {
          case LockedException l -> "account locked";
          case DisabledException d -> "account disabled";
          case BadCredentialsException b -> "wrong password";
          default -> event.getException().getClass().getSimpleName();
        };
    accounts.signInFailed(event.getAuthentication().getName(), reason);
  }
}
