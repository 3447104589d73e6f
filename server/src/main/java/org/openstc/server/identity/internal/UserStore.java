package org.openstc.server.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openstc.server.identity.ApiTokenInfo;
import org.openstc.server.identity.Organisation;
import org.openstc.server.identity.OrganisationKind;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of organisations, users, roles and API tokens. */
@Repository
public class UserStore {

  private static final String USER_COLUMNS =
      "u.id, u.username, u.display_name, u.email, u.organisation_id, o.name as org_name,"
          + " o.kind as org_kind, u.enabled, u.must_change_password, u.failed_logins,"
          + " u.locked_until, u.created_at, u.last_login_at, u.password_hash";

  private final JdbcClient jdbc;

  public UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user row with what sign-in needs besides the public view. */
  public record StoredUser(
      UserAccount account, OrganisationKind organisationKind, String passwordHash) {}

  public long countUsers() {
    return jdbc.sql("select count(*) from user_account").query(Long.class).single();
  }

  public Optional<Organisation> organisationByName(String name) {
    return jdbc.sql("select * from organisation where lower(name) = lower(:name)")
        .param("name", name)
        .query(UserStore::organisation)
        .optional();
  }

  public Optional<Organisation> organisation(long id) {
    return jdbc.sql("select * from organisation where id = :id")
        .param("id", id)
        .query(UserStore::organisation)
        .optional();
  }

  public List<Organisation> organisations() {
    return jdbc.sql("select * from organisation order by name")
        .query(UserStore::organisation)
        .list();
  }

  public Organisation insertOrganisation(String name, OrganisationKind kind, String country) {
    Instant now = now();
    jdbc.sql("insert into organisation (name, kind, country, created_at) values (:n, :k, :c, :at)")
        .param("n", name)
        .param("k", kind.name())
        .param("c", country)
        .param("at", ts(now))
        .update();
    return organisationByName(name).orElseThrow();
  }

  public long insertUser(
      String username,
      String displayName,
      String email,
      String passwordHash,
      long organisationId,
      boolean mustChangePassword,
      Set<Role> roles) {
    jdbc.sql(
            "insert into user_account (username, display_name, email, password_hash,"
                + " organisation_id, enabled, must_change_password, failed_logins, created_at)"
                + " values (:u, :d, :e, :p, :o, true, :m, 0, :at)")
        .param("u", username)
        .param("d", displayName)
        .param("e", email)
        .param("p", passwordHash)
        .param("o", organisationId)
        .param("m", mustChangePassword)
        .param("at", ts(now()))
        .update();
    long id =
        jdbc.sql("select id from user_account where username = :u")
            .param("u", username)
            .query(Long.class)
            .single();
    replaceRoles(id, roles);
    return id;
  }

  public void replaceRoles(long userId, Set<Role> roles) {
    jdbc.sql("delete from user_role where user_id = :id").param("id", userId).update();
    for (Role role : roles) {
      jdbc.sql("insert into user_role (user_id, role) values (:id, :r)")
          .param("id", userId)
          .param("r", role.name())
          .update();
    }
  }

  public Optional<StoredUser> byUsername(String username) {
    return one("lower(u.username) = lower(:v)", username);
  }

  public Optional<StoredUser> byId(long id) {
    return one("u.id = :v", id);
  }

  public List<UserAccount> users(Long organisationId) {
    String where = organisationId == null ? "" : " where u.organisation_id = :org";
    var spec =
        jdbc.sql(
            "select "
                + USER_COLUMNS
                + " from user_account u join organisation o on o.id = u.organisation_id"
                + where
                + " order by o.name, u.username");
    if (organisationId != null) {
      spec = spec.param("org", organisationId);
    }
    List<StoredUser> rows = spec.query(this::storedUser).list();
    Map<Long, Set<Role>> roles = rolesOf(organisationId);
    return rows.stream().map(s -> withRoles(s.account(), roles.get(s.account().id()))).toList();
  }

  public void updatePassword(long userId, String hash, boolean mustChange) {
    jdbc.sql("update user_account set password_hash = :h, must_change_password = :m where id = :id")
        .param("h", hash)
        .param("m", mustChange)
        .param("id", userId)
        .update();
  }

  public void updateEnabled(long userId, boolean enabled) {
    jdbc.sql("update user_account set enabled = :e where id = :id")
        .param("e", enabled)
        .param("id", userId)
        .update();
  }

  public void updateLoginState(
      long userId, int failedLogins, Instant lockedUntil, Instant lastLogin) {
    jdbc.sql(
            "update user_account set failed_logins = :f, locked_until = :l,"
                + " last_login_at = coalesce(:ll, last_login_at) where id = :id")
        .param("f", failedLogins)
        .param("l", lockedUntil == null ? null : ts(lockedUntil))
        .param("ll", lastLogin == null ? null : ts(lastLogin))
        .param("id", userId)
        .update();
  }

  public long countActiveAdministrators() {
    return jdbc.sql(
            "select count(*) from user_account u join user_role r on r.user_id = u.id"
                + " where r.role = 'ADMINISTRATOR' and u.enabled = true")
        .query(Long.class)
        .single();
  }

  public ApiTokenInfo insertToken(long userId, String name, String prefix, String hash) {
    Instant now = now();
    jdbc.sql(
            "insert into api_token (user_id, name, token_prefix, token_hash, created_at)"
                + " values (:u, :n, :p, :h, :at)")
        .param("u", userId)
        .param("n", name)
        .param("p", prefix)
        .param("h", hash)
        .param("at", ts(now))
        .update();
    return jdbc.sql("select * from api_token where token_hash = :h")
        .param("h", hash)
        .query(UserStore::token)
        .single();
  }

  public List<ApiTokenInfo> tokens(long userId) {
    return jdbc.sql("select * from api_token where user_id = :u order by created_at desc, id desc")
        .param("u", userId)
        .query(UserStore::token)
        .list();
  }

  public int revokeToken(long userId, long tokenId) {
    return jdbc.sql(
            "update api_token set revoked_at = :at where id = :id and user_id = :u"
                + " and revoked_at is null")
        .param("at", ts(now()))
        .param("id", tokenId)
        .param("u", userId)
        .update();
  }

  /** The owner of an active token with this hash. */
  public Optional<Long> activeTokenOwner(String hash) {
    return jdbc.sql("select user_id from api_token where token_hash = :h and revoked_at is null")
        .param("h", hash)
        .query(Long.class)
        .optional();
  }

  public void touchToken(String hash) {
    jdbc.sql("update api_token set last_used_at = :at where token_hash = :h")
        .param("at", ts(now()))
        .param("h", hash)
        .update();
  }

  private Optional<StoredUser> one(String condition, Object value) {
    Optional<StoredUser> found =
        jdbc.sql(
                "select "
                    + USER_COLUMNS
                    + " from user_account u join organisation o on o.id = u.organisation_id where "
                    + condition)
            .param("v", value)
            .query(this::storedUser)
            .optional();
    return found.map(s ->
        new StoredUser(
            withRoles(s.account(), rolesOfUser(s.account().id())),
            s.organisationKind(),
            s.passwordHash()));
  }

  private Set<Role> rolesOfUser(long userId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from user_role where user_id = :id")
        .param("id", userId)
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return roles;
  }

  private Map<Long, Set<Role>> rolesOf(Long organisationId) {
    Map<Long, Set<Role>> result = new HashMap<>();
    String sql =
        "select r.user_id, r.role from user_role r join user_account u on u.id = r.user_id"
            + (organisationId == null ? "" : " where u.organisation_id = :org");
    var spec = jdbc.sql(sql);
    if (organisationId != null) {
      spec = spec.param("org", organisationId);
    }
    spec.query(rs -> {
      result
          .computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
          .add(Role.valueOf(rs.getString(2)));
    });
    return result;
  }

  private static UserAccount withRoles(UserAccount a, Set<Role> roles) {
    return new UserAccount(
        a.id(),
        a.username(),
        a.displayName(),
        a.email(),
        a.organisationId(),
        a.organisationName(),
        roles == null ? Set.of() : roles,
        a.enabled(),
        a.mustChangePassword(),
        a.failedLogins(),
        a.lockedUntil(),
        a.createdAt(),
        a.lastLoginAt());
  }

  private StoredUser storedUser(ResultSet rs, int row) throws SQLException {
    UserAccount account =
        new UserAccount(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("display_name"),
            rs.getString("email"),
            rs.getLong("organisation_id"),
            rs.getString("org_name"),
            Set.of(),
            rs.getBoolean("enabled"),
            rs.getBoolean("must_change_password"),
            rs.getInt("failed_logins"),
            instant(rs, "locked_until"),
            instant(rs, "created_at"),
            instant(rs, "last_login_at"));
    return new StoredUser(
        account, OrganisationKind.valueOf(rs.getString("org_kind")), rs.getString("password_hash"));
  }

  private static Organisation organisation(ResultSet rs, int row) throws SQLException {
    return new Organisation(
        rs.getLong("id"),
        rs.getString("name"),
        OrganisationKind.valueOf(rs.getString("kind")),
        rs.getString("country"),
        instant(rs, "created_at"));
  }

  private static ApiTokenInfo token(ResultSet rs, int row) throws SQLException {
    return new ApiTokenInfo(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("token_prefix"),
        instant(rs, "created_at"),
        instant(rs, "last_used_at"),
        instant(rs, "revoked_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime ts(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
