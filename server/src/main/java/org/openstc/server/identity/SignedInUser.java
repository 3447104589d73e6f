package org.openstc.server.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of an authenticated request, by browser session or API token. Other modules take it
 * with {@code @AuthenticationPrincipal} to scope data to the user's organisation.
 */
public final class SignedInUser implements UserDetails {

  private final long userId;
  private final String username;
  private final String displayName;
  private final long organisationId;
  private final String organisationName;
  private final OrganisationKind organisationKind;
  private final Set<Role> roles;
  private final boolean mustChangePassword;
  private final transient String passwordHash;
  private final boolean enabled;
  private final boolean locked;

  public SignedInUser(
      UserAccount account, OrganisationKind kind, String passwordHash, boolean locked) {
    this.userId = account.id();
    this.username = account.username();
    this.displayName = account.displayName();
    this.organisationId = account.organisationId();
    this.organisationName = account.organisationName();
    this.organisationKind = kind;
    this.roles = Set.copyOf(account.roles());
    this.mustChangePassword = account.mustChangePassword();
    this.passwordHash = passwordHash;
    this.enabled = account.enabled();
    this.locked = locked;
  }

  public long userId() {
    return userId;
  }

  public String displayName() {
    return displayName;
  }

  public long organisationId() {
    return organisationId;
  }

  public String organisationName() {
    return organisationName;
  }

  public OrganisationKind organisationKind() {
    return organisationKind;
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether this user sees every organisation's data. */
  public boolean spansOrganisations() {
    return roles.stream().anyMatch(Role::spansOrganisations);
  }

  /** The organisation to restrict a query to, or null when the user spans organisations. */
  public Long organisationScope() {
    return spansOrganisations() ? null : organisationId;
  }

  public boolean mustChangePassword() {
    return mustChangePassword;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        new java.util.ArrayList<>(
            roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList());
    authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "SignedInUser[" + username + "]";
  }
}
