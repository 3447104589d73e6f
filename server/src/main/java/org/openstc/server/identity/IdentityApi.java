package org.openstc.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.openstc.server.audit.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for the signed-in user, users, organisations and API tokens. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Users, organisations, roles and API tokens")
class IdentityApi {

  private final UserAccounts accounts;

  IdentityApi(UserAccounts accounts) {
    this.accounts = accounts;
  }

  record Me(
      String username,
      String displayName,
      long organisationId,
      String organisationName,
      OrganisationKind organisationKind,
      Set<Role> roles) {}

  record CreateUserRequest(
      @NotBlank @Size(max = 100) String username,
      @Size(max = 200) String displayName,
      @Size(max = 320) String email,
      @Size(max = 200) String organisation,
      @NotEmpty Set<Role> roles) {}

  record CreateUserResponse(UserAccount user, String oneTimePassword) {}

  record RolesRequest(@NotEmpty Set<Role> roles) {}

  record CreateOrganisationRequest(
      @NotBlank @Size(max = 200) String name,
      OrganisationKind kind,
      @Size(max = 2) String country) {}

  record TokenRequest(@Size(max = 100) String name) {}

  record TokenResponse(ApiTokenInfo token, String secret) {}

  @GetMapping("/me")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "The signed-in user")
  Me me(@AuthenticationPrincipal SignedInUser user) {
    return new Me(
        user.getUsername(),
        user.displayName(),
        user.organisationId(),
        user.organisationName(),
        user.organisationKind(),
        user.roles());
  }

  @GetMapping("/users")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Users visible to the administrator")
  List<UserAccount> users(@AuthenticationPrincipal SignedInUser admin) {
    return accounts.users(admin.organisationScope());
  }

  @GetMapping("/users/{id}")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  UserAccount user(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
    return accounts.user(id, admin.organisationScope());
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  @Operation(summary = "Create a user; the response carries a one-time password shown once")
  CreateUserResponse createUser(
      @AuthenticationPrincipal SignedInUser admin, @Valid @RequestBody CreateUserRequest body) {
    CreatedUser created =
        accounts.create(
            new NewUser(
                body.username(),
                body.displayName(),
                body.email(),
                body.organisation(),
                body.roles(),
                null),
            new Actor(admin.getUsername(), admin.organisationId()));
    return new CreateUserResponse(created.account(), created.oneTimePassword());
  }

  @PutMapping("/users/{id}/roles")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  UserAccount changeRoles(
      @AuthenticationPrincipal SignedInUser admin,
      @PathVariable long id,
      @Valid @RequestBody RolesRequest body) {
    return accounts.changeRoles(id, body.roles(), admin);
  }

  @GetMapping("/organisations")
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  List<Organisation> organisations() {
    return accounts.organisations();
  }

  @PostMapping("/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMINISTRATOR')")
  Organisation createOrganisation(
      @AuthenticationPrincipal SignedInUser admin,
      @Valid @RequestBody CreateOrganisationRequest body) {
    if (body.kind() == null) {
      throw new IllegalArgumentException(
          "kind: one of PLATFORM, EXPORTER, LICENSING_AUTHORITY, MONITORING_BODY");
    }
    return accounts.createOrganisation(
        body.name(),
        body.kind(),
        body.country(),
        new Actor(admin.getUsername(), admin.organisationId()));
  }

  @GetMapping("/tokens")
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "The signed-in user's API tokens (never the secrets)")
  List<ApiTokenInfo> tokens(@AuthenticationPrincipal SignedInUser user) {
    return accounts.tokens(user.userId());
  }

  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('USER')")
  @Operation(summary = "Issue a personal API token; the secret is returned once")
  TokenResponse issueToken(
      @AuthenticationPrincipal SignedInUser user,
      @Valid @RequestBody(required = false) TokenRequest body) {
    IssuedToken token =
        accounts.issueToken(
            user.getUsername(),
            body == null ? null : body.name(),
            new Actor(user.getUsername(), user.organisationId()));
    return new TokenResponse(token.info(), token.secret());
  }

  @DeleteMapping("/tokens/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PreAuthorize("hasRole('USER')")
  void revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
    accounts.revokeToken(user.userId(), id, new Actor(user.getUsername(), user.organisationId()));
  }
}
