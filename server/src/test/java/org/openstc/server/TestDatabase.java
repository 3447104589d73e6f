package org.openstc.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each test class a fresh database: an in-memory H2 database by default, or a new PostgreSQL
 * database beside the one named by {@code STC_TEST_DATABASE_URL} (the CI's PostgreSQL pass), so
 * persistence is tested on both.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** Whether this run tests against PostgreSQL. */
  public static boolean postgres() {
    String url = System.getenv("STC_TEST_DATABASE_URL");
    return url != null && !url.isBlank();
  }

  /** A JDBC URL of a new, empty database for the given purpose. */
  public static String fresh(String purpose) {
    String suffix =
        purpose.toLowerCase().replaceAll("[^a-z0-9]", "")
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    if (!postgres()) {
      return "jdbc:h2:mem:"
          + suffix
          + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
    String base = System.getenv("STC_TEST_DATABASE_URL");
    int slash = base.lastIndexOf('/');
    int query = base.indexOf('?', slash);
    String baseName = query < 0 ? base.substring(slash + 1) : base.substring(slash + 1, query);
    String name = (baseName + "_" + suffix).toLowerCase();
    try (Connection c = DriverManager.getConnection(base, user(), password());
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name + " at " + base, e);
    }
    return base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
  }

  /** Registers a fresh database for a Spring test context. */
  public static String register(DynamicPropertyRegistry registry, String purpose) {
    String url = fresh(purpose);
    registry.add("stc.database.url", () -> url);
    registry.add("stc.database.user", TestDatabase::user);
    registry.add("stc.database.password", TestDatabase::password);
    // Many cached test contexts stay alive at once; PostgreSQL allows 100 connections in all.
    registry.add("stc.database.pool-size", () -> "4");
    return url;
  }

  public static String user() {
    String user = System.getenv("STC_TEST_DATABASE_USER");
    return user == null ? (postgres() ? "postgres" : "sa") : user;
  }

  public static String password() {
    String password = System.getenv("STC_TEST_DATABASE_PASSWORD");
    return password == null ? "" : password;
  }
}
