package org.openstc.server.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where OpenSTC keeps its data.
 *
 * @param dataDir folder for the embedded H2 database, uploaded documents and list files ({@code
 *     STC_DATA_DIR}, default {@code ./stc-data})
 * @param database an external database; when its URL is blank the embedded H2 database is used
 */
@ConfigurationProperties("stc")
public record StorageProperties(Path dataDir, Database database) {

  public StorageProperties {
    dataDir = dataDir == null ? Path.of("stc-data") : dataDir;
    database = database == null ? new Database("", "", "", 16) : database;
  }

  /**
   * Connection to an external database.
   *
   * @param url JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/openstc} ({@code
   *     STC_DATABASE_URL}); blank for embedded H2
   * @param user database user ({@code STC_DATABASE_USER})
   * @param password database password ({@code STC_DATABASE_PASSWORD}); never logged
   * @param poolSize most connections OpenSTC holds open (default 16)
   */
  public record Database(String url, String user, String password, Integer poolSize) {
    public Database {
      poolSize = poolSize == null || poolSize < 1 ? 16 : poolSize;
      url = url == null ? "" : url.strip();
      user = user == null ? "" : user;
      password = password == null ? "" : password;
    }

    public boolean embedded() {
      return url.isEmpty();
    }
  }

  /** The JDBC URL actually used: the configured one, or the embedded H2 file in the data folder. */
  public String jdbcUrl() {
    if (!database.embedded()) {
      return database.url();
    }
    Path file = dataDir.toAbsolutePath().normalize().resolve("openstc");
    return "jdbc:h2:file:"
        + file
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  /** The JDBC URL with any password or credentials removed, safe to print and log. */
  public String redactedJdbcUrl() {
    return redact(jdbcUrl());
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
