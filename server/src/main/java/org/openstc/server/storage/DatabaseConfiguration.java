package org.openstc.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the connection pool from {@link StorageProperties}: embedded H2 by default, PostgreSQL
 * when a URL is configured. Connects once at start-up so that a wrong URL fails with one clear
 * message rather than a stack trace on the first request.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

  @Bean
  DataSource dataSource(StorageProperties properties) {
    if (properties.database().embedded()) {
      try {
        Files.createDirectories(properties.dataDir());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create the data folder " + properties.dataDir().toAbsolutePath(), e);
      }
    }
    checkReachable(properties);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(properties.jdbcUrl());
    if (!properties.database().user().isEmpty()) {
      config.setUsername(properties.database().user());
    } else if (properties.database().embedded()) {
      config.setUsername("sa");
    }
    config.setPassword(properties.database().password());
    config.setMaximumPoolSize(properties.database().poolSize());
    // Idle pools shrink to one connection, so many instances (or test contexts) share a server.
    config.setMinimumIdle(1);
    config.setIdleTimeout(30_000);
    config.setPoolName("openstc");
    config.setInitializationFailTimeout(-1);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  /** Connects once without the pool, so a wrong URL fails fast with a clear message. */
  private static void checkReachable(StorageProperties properties) {
    DriverManager.setLoginTimeout(10);
    String user =
        properties.database().user().isEmpty() && properties.database().embedded()
            ? "sa"
            : properties.database().user();
    try (Connection connection =
        DriverManager.getConnection(properties.jdbcUrl(), user, properties.database().password())) {
      log.info(
          "Database: {} ({})",
          properties.redactedJdbcUrl(),
          connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(properties.redactedJdbcUrl(), e);
    }
  }
}
