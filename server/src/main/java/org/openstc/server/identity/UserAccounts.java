package org.openstc.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openstc.server.audit.Actor;
import org.openstc.server.audit.AuditEntry;
import org.openstc.server.audit.AuditTrail;
import org.openstc.server.identity.internal.UserStore;
import org.openstc.server.identity.internal.UserStore.StoredUser;
import org.openstc.server.problems.ConflictException;
import org.openstc.server.problems.ForbiddenException;
import org.openstc.server.problems.InvalidRequestException;
import org.openstc.server.problems.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Organisations, users, roles, passwords and API tokens: the identity module's API. Every change is
 * written to the audit trail in the same transaction.
 */
@Service
public class UserAccounts {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");
  private static final String TOKEN_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final String TOKEN_PREFIX = "stc_";

  private final UserStore store;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final IdentityProperties properties;
  private final SecureRandom random = new SecureRandom();

  /** How long an authenticated API token is trusted without asking the database again. */
  static final long TOKEN_CACHE_MILLIS = 10_000;

  private record CachedToken(SignedInUser user, long validUntil) {}

  private final java.util.Map<String, CachedToken> tokenCache =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Long> tokenTouched =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentMap<
          String, CompletableFuture<Optional<SignedInUser>>>
      tokenLoads = new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong tokenCacheGeneration =
      new java.util.concurrent.atomic.AtomicLong();

  public UserAccounts(
      UserStore store, PasswordEncoder passwords, AuditTrail audit, IdentityProperties properties) {
    this.store = store;
    this.passwords = passwords;
    this.audit = audit;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public boolean hasUsers() {
    return store.countUsers() > 0;
  }

  /**
   * Creates the first administrator and the platform organisation, only while no user exists (the
   * one-time setup page and {@code stc admin create-user} on an empty database).
   */
  @Transactional
  public synchronized CreatedUser createFirstAdministrator(
      String username, String displayName, String organisationName, char[] password) {
    if (store.countUsers() > 0) {
      throw new ConflictException("Setup is already complete: an administrator exists");
    }
    return create(
        new NewUser(
            username, displayName, null, organisationName, Set.of(Role.ADMINISTRATOR), password),
        new Actor("setup", null));
  }

  /** Creates a user; the organisation is created (with a kind fitting the roles) if missing. */
  @Transactional
  public CreatedUser create(NewUser request, Actor actor) {
    String username = requireUsername(request.username());
    if (request.roles().isEmpty()) {
      throw new InvalidRequestException("roles: a user needs at least one role");
    }
    if (store.byUsername(username).isPresent()) {
      throw new ConflictException("A user named '" + username + "' already exists");
    }
    String orgName =
        blank(request.organisationName())
            ? defaultOrganisationName(request.roles())
            : request.organisationName().strip();
    Role primary = request.roles().stream().sorted().findFirst().orElseThrow();
    Organisation organisation =
        store
            .organisationByName(orgName)
            .orElseGet(() ->
                createOrganisationRow(orgName, primary.defaultOrganisationKind(), null, actor));
    checkRolesFit(request.roles(), organisation);
    String oneTime = null;
    char[] password = request.password();
    if (password == null) {
      oneTime = generatePassword();
      password = oneTime.toCharArray();
    } else {
      checkPasswordStrength(password, username);
    }
    String display = blank(request.displayName()) ? username : request.displayName().strip();
    long id =
        store.insertUser(
            username,
            display,
            blank(request.email()) ? null : request.email().strip(),
            passwords.encode(new String(password)),
            organisation.id(),
            oneTime != null,
            request.roles());
    UserAccount account = store.byId(id).orElseThrow().account();
    audit.record(
        actor,
        AuditEntry.of(
                "USER_CREATED",
                "User",
                username,
                "Created user "
                    + username
                    + " in "
                    + organisation.name()
                    + " with roles "
                    + rolesText(request.roles()))
            .withStates(null, describe(account)));
    return new CreatedUser(account, oneTime);
  }

  @Transactional
  public Organisation createOrganisation(
      String name, OrganisationKind kind, String country, Actor actor) {
    if (blank(name)) {
      throw new InvalidRequestException("name: an organisation needs a name");
    }
    if (store.organisationByName(name.strip()).isPresent()) {
      throw new ConflictException("An organisation named '" + name.strip() + "' already exists");
    }
    if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
      throw new InvalidRequestException("country: use a two-letter ISO 3166 code");
    }
    return createOrganisationRow(
        name.strip(), kind, blank(country) ? null : country.strip().toUpperCase(), actor);
  }

  @Transactional(readOnly = true)
  public List<Organisation> organisations() {
    return store.organisations();
  }

  /** Users visible in the given scope (null: all organisations). */
  @Transactional(readOnly = true)
  public List<UserAccount> users(Long organisationScope) {
    return store.users(organisationScope);
  }

  @Transactional(readOnly = true)
  public UserAccount user(long id, Long organisationScope) {
    return store
        .byId(id)
        .map(StoredUser::account)
        .filter(a -> organisationScope == null || a.organisationId() == organisationScope)
        .orElseThrow(() -> new NotFoundException("No user with id " + id));
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findByUsername(String username) {
    return store.byUsername(username).map(StoredUser::account);
  }

  @Transactional
  public UserAccount changeRoles(long userId, Set<Role> roles, SignedInUser by) {
    forgetCachedTokens();
    if (roles == null || roles.isEmpty()) {
      throw new InvalidRequestException("roles: a user needs at least one role");
    }
    StoredUser user = existing(userId, by.organisationScope());
    if (user.account().id() == by.userId()
        && !roles.contains(Role.ADMINISTRATOR)
        && user.account().roles().contains(Role.ADMINISTRATOR)) {
      throw new ForbiddenException("You cannot remove your own administrator role");
    }
    Organisation org = store.organisation(user.account().organisationId()).orElseThrow();
    checkRolesFit(roles, org);
    Set<Role> before = user.account().roles();
    store.replaceRoles(userId, EnumSet.copyOf(roles));
    audit.record(
        AuditEntry.of(
                "USER_ROLES_CHANGED",
                "User",
                user.account().username(),
                "Roles of "
                    + user.account().username()
                    + " changed from "
                    + rolesText(before)
                    + " to "
                    + rolesText(roles))
            .withStates(rolesText(before), rolesText(roles)));
    return store.byId(userId).orElseThrow().account();
  }

  @Transactional
  public UserAccount setEnabled(long userId, boolean enabled, SignedInUser by) {
    forgetCachedTokens();
    StoredUser user = existing(userId, by.organisationScope());
    if (!enabled && user.account().id() == by.userId()) {
      throw new ForbiddenException("You cannot disable your own account");
    }
    store.updateEnabled(userId, enabled);
    audit.record(
        AuditEntry.of(
                enabled ? "USER_ENABLED" : "USER_DISABLED",
                "User",
                user.account().username(),
                (enabled ? "Enabled" : "Disabled") + " user " + user.account().username())
            .withStates("enabled=" + user.account().enabled(), "enabled=" + enabled));
    return store.byId(userId).orElseThrow().account();
  }

  @Transactional
  public UserAccount unlock(long userId, SignedInUser by) {
    forgetCachedTokens();
    StoredUser user = existing(userId, by.organisationScope());
    store.updateLoginState(userId, 0, null, null);
    audit.record(
        AuditEntry.of(
            "USER_UNLOCKED",
            "User",
            user.account().username(),
            "Unlocked user " + user.account().username()));
    return store.byId(userId).orElseThrow().account();
  }

  /** Sets a new one-time password that the user must change at next sign-in. */
  @Transactional
  public String resetPassword(long userId, SignedInUser by) {
    forgetCachedTokens();
    StoredUser user = existing(userId, by.organisationScope());
    String oneTime = generatePassword();
    store.updatePassword(userId, passwords.encode(oneTime), true);
    store.updateLoginState(userId, 0, null, null);
    audit.record(
        AuditEntry.of(
            "USER_PASSWORD_RESET",
            "User",
            user.account().username(),
            "Reset the password of " + user.account().username()));
    return oneTime;
  }

  @Transactional
  public void changeOwnPassword(long userId, char[] current, char[] next) {
    StoredUser user = store.byId(userId).orElseThrow(() -> new NotFoundException("No such user"));
    if (!passwords.matches(new String(current), user.passwordHash())) {
      throw new InvalidRequestException("current password: does not match");
    }
    checkPasswordStrength(next, user.account().username());
    if (Arrays.equals(current, next)) {
      throw new InvalidRequestException("new password: must differ from the current one");
    }
    store.updatePassword(userId, passwords.encode(new String(next)), false);
    audit.record(
        new Actor(user.account().username(), user.account().organisationId()),
        AuditEntry.of(
            "USER_PASSWORD_CHANGED",
            "User",
            user.account().username(),
            user.account().username() + " changed their password"));
  }

  /** Issues a personal API token for a user; the secret is returned once. */
  @Transactional
  public IssuedToken issueToken(String username, String name, Actor actor) {
    StoredUser user =
        store
            .byUsername(username)
            .orElseThrow(() -> new NotFoundException("No user named '" + username + "'"));
    String tokenName = blank(name) ? "token " + Instant.now() : name.strip();
    if (tokenName.length() > 100) {
      throw new InvalidRequestException("name: at most 100 characters");
    }
    StringBuilder secret = new StringBuilder(TOKEN_PREFIX);
    for (int i = 0; i < 40; i++) {
      secret.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    String value = secret.toString();
    ApiTokenInfo info =
        store.insertToken(user.account().id(), tokenName, value.substring(0, 8), sha256(value));
    audit.record(
        actor,
        AuditEntry.of(
            "API_TOKEN_ISSUED",
            "User",
            user.account().username(),
            "Issued API token '" + tokenName + "' (" + info.prefix() + "…) for " + username));
    return new IssuedToken(info, value);
  }

  @Transactional(readOnly = true)
  public List<ApiTokenInfo> tokens(long userId) {
    return store.tokens(userId);
  }

  @Transactional
  public void revokeToken(long userId, long tokenId, Actor actor) {
    forgetCachedTokens();
    if (store.revokeToken(userId, tokenId) == 0) {
      throw new NotFoundException("No active token with id " + tokenId);
    }
    audit.record(
        actor,
        AuditEntry.of("API_TOKEN_REVOKED", "ApiToken", tokenId, "Revoked API token " + tokenId));
  }

  /**
   * The user an API token belongs to, when the token is active and the user may sign in.
   *
   * <p>Not transactional: a cached token costs no database connection, so a burst of API calls does
   * not queue for the connection pool. When a cached entry expires, one caller asks the database
   * and the concurrent callers with the same token wait for that answer instead of all asking at
   * once.
   */
  public Optional<SignedInUser> authenticateToken(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(secret);
    CachedToken cached = tokenCache.get(hash);
    if (cached != null && cached.validUntil() > System.currentTimeMillis()) {
      touch(hash);
      return Optional.of(cached.user());
    }
    CompletableFuture<Optional<SignedInUser>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<SignedInUser>> running = tokenLoads.putIfAbsent(hash, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Optional<SignedInUser> user = loadToken(hash);
      mine.complete(user);
      return user;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      tokenLoads.remove(hash, mine);
    }
  }

  private Optional<SignedInUser> loadToken(String hash) {
    long now = System.currentTimeMillis();
    long generation = tokenCacheGeneration.get();
    Optional<SignedInUser> user =
        store
            .activeTokenOwner(hash)
            .flatMap(store::byId)
            .filter(u -> u.account().enabled())
            .map(u -> new SignedInUser(u.account(), u.organisationKind(), "", false));
    user.ifPresentOrElse(
        u -> {
          if (tokenCache.size() > 10_000) {
            tokenCache.clear();
          }
          tokenCache.put(hash, new CachedToken(u, now + TOKEN_CACHE_MILLIS));
          if (tokenCacheGeneration.get() != generation) {
            // users, roles or tokens changed while we read: do not keep what we read
            tokenCache.remove(hash);
          }
          touch(hash);
        },
        () -> tokenCache.remove(hash));
    return user;
  }

  /**
   * Forgets every cached token principal, after any change to users, roles or tokens in this
   * process (another process's change takes effect within {@value #TOKEN_CACHE_MILLIS} ms).
   */
  private void forgetCachedTokens() {
    tokenCacheGeneration.incrementAndGet();
    tokenCache.clear();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // and again once the change is committed, so that nothing read before the commit stays
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              tokenCacheGeneration.incrementAndGet();
              tokenCache.clear();
            }
          });
    }
  }

  /**
   * Records a token's use at most once a minute, so that an API caller's every request does not
   * write to the database.
   */
  private void touch(String hash) {
    long now = System.currentTimeMillis();
    Long last = tokenTouched.get(hash);
    if (last == null || now - last > 60_000) {
      tokenTouched.put(hash, now);
      store.touchToken(hash);
      if (tokenTouched.size() > 10_000) {
        tokenTouched.clear();
      }
    }
  }

  /** The principal for a browser sign-in, with its lock state. */
  @Transactional(readOnly = true)
  public Optional<SignedInUser> signInPrincipal(String username) {
    Instant now = Instant.now();
    return store
        .byUsername(username)
        .map(u ->
            new SignedInUser(
                u.account(), u.organisationKind(), u.passwordHash(), u.account().lockedAt(now)));
  }

  /** Records a successful sign-in: resets the failure count. */
  @Transactional
  public void signInSucceeded(String username) {
    store
        .byUsername(username)
        .ifPresent(u -> {
          store.updateLoginState(u.account().id(), 0, null, Instant.now());
          audit.record(
              new Actor(u.account().username(), u.account().organisationId()),
              AuditEntry.of("LOGIN", "User", u.account().username(), "Signed in"));
        });
  }

  /** Records a failed sign-in and locks the account after too many in a row. */
  @Transactional
  public void signInFailed(String attemptedUsername, String reason) {
    String shown = sanitise(attemptedUsername);
    Optional<StoredUser> user =
        store.byUsername(attemptedUsername == null ? "" : attemptedUsername);
    if (user.isEmpty()) {
      audit.record(
          new Actor("anonymous", null),
          AuditEntry.of(
              "LOGIN_FAILED", "User", shown, "Failed sign-in for unknown user '" + shown + "'"));
      return;
    }
    UserAccount account = user.get().account();
    int failures = account.failedLogins() + 1;
    var lockFor = properties.lockFor(failures);
    Instant lockedUntil = lockFor.isZero() ? account.lockedUntil() : Instant.now().plus(lockFor);
    store.updateLoginState(account.id(), failures, lockedUntil, null);
    audit.record(
        new Actor("anonymous", account.organisationId()),
        AuditEntry.of(
            "LOGIN_FAILED",
            "User",
            account.username(),
            "Failed sign-in for "
                + account.username()
                + " ("
                + reason
                + ", "
                + failures
                + " in a row"
                + (lockFor.isZero() ? ")" : "; locked for " + lockFor.toMinutes() + " min)")));
  }

  private Organisation createOrganisationRow(
      String name, OrganisationKind kind, String country, Actor actor) {
    Organisation org = store.insertOrganisation(name, kind, country);
    audit.record(
        actor,
        AuditEntry.of(
            "ORGANISATION_CREATED",
            "Organisation",
            org.id(),
            "Created organisation " + name + " (" + kind.label() + ")"));
    return org;
  }

  private StoredUser existing(long userId, Long scope) {
    return store
        .byId(userId)
        .filter(u -> scope == null || u.account().organisationId() == scope)
        .orElseThrow(() -> new NotFoundException("No user with id " + userId));
  }

  private void checkRolesFit(Set<Role> roles, Organisation organisation) {
    String misfits =
        roles.stream()
            .filter(r -> !r.fits(organisation.kind()))
            .map(Role::name)
            .collect(Collectors.joining(", "));
    if (!misfits.isEmpty()) {
      throw new InvalidRequestException(
          "roles: "
              + misfits
              + " cannot be held in "
              + organisation.name()
              + " ("
              + organisation.kind().label()
              + ")");
    }
  }

  private void checkPasswordStrength(char[] password, String username) {
    if (password.length < properties.minPasswordLength()) {
      throw new InvalidRequestException(
          "password: at least " + properties.minPasswordLength() + " characters");
    }
    if (new String(password).equalsIgnoreCase(username)) {
      throw new InvalidRequestException("password: must not be the user name");
    }
  }

  private String generatePassword() {
    StringBuilder sb = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      sb.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
    }
    return sb.toString();
  }

  private static String requireUsername(String username) {
    if (username == null || !USERNAME.matcher(username.strip()).matches()) {
      throw new InvalidRequestException(
          "username: 2 to 100 characters, letters, digits and . _ @ - (starting with a letter or digit)");
    }
    return username.strip();
  }

  private static String defaultOrganisationName(Set<Role> roles) {
    Role primary = roles.stream().sorted().findFirst().orElseThrow();
    return switch (primary.defaultOrganisationKind()) {
      case PLATFORM -> "OpenSTC platform";
      case EXPORTER -> "Default exporter";
      case LICENSING_AUTHORITY -> "Default licensing authority";
      case MONITORING_BODY -> "Default monitoring body";
    };
  }

  private static String describe(UserAccount a) {
    return "username="
        + a.username()
        + ", organisation="
        + a.organisationName()
        + ", roles="
        + rolesText(a.roles())
        + ", enabled="
        + a.enabled();
  }

  private static String rolesText(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining(",", "[", "]"));
  }

  private static String sanitise(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replaceAll("[\\p{Cntrl}]", "?");
    return clean.length() > 100 ? clean.substring(0, 100) : clean;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
