package org.openstc.server.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openstc.server.OpenStcApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Option;

/**
 * Options every command shares to find its data: the same flags and environment variables for
 * {@code serve}, {@code admin}, {@code audit} and the rest.
 */
public final class DatabaseOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data folder (embedded database, files). Default: $STC_DATA_DIR or ./stc-data")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "External database, e.g. jdbc:postgresql://127.0.0.1:5432/openstc."
              + " Default: $STC_DATABASE_URL, else the embedded H2 database")
  String databaseUrl;

  @Option(
      names = "--database-user",
      paramLabel = "USER",
      description =
          "Database user. Default: $STC_DATABASE_USER (password only from $STC_DATABASE_PASSWORD)")
  String databaseUser;

  /** Spring properties for these options; unset options leave the environment in charge. */
  public Map<String, Object> properties() {
    Map<String, Object> props = new HashMap<>();
    if (dataDir != null) {
      props.put("stc.data-dir", dataDir.toString());
    }
    if (databaseUrl != null) {
      props.put("stc.database.url", databaseUrl);
    }
    if (databaseUser != null) {
      props.put("stc.database.user", databaseUser);
    }
    return props;
  }

  /** Starts the application without the web server, for commands that work on the data. */
  public ConfigurableApplicationContext startWithoutWeb() {
    Map<String, Object> props = properties();
    props.put("stc.log-target", "System.err");
    props.put("logging.level.root", "WARN");
    // The command prints its own one-line error; the start-up report would repeat it.
    props.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
    props.put("logging.level.org.springframework.boot.diagnostics", "OFF");
    props.put("logging.level.org.springframework.context.annotation", "OFF");
    props.put("logging.level.org.springframework.context.support", "OFF");
    props.put("logging.level.org.openstc", "WARN");
    props.put("spring.main.log-startup-info", "false");
    props.put("spring.task.scheduling.enabled", "false");
    return new SpringApplicationBuilder(OpenStcApplication.class)
        .web(WebApplicationType.NONE)
        .run(asArguments(props));
  }

  /**
   * Spring command-line arguments for the given properties: they outrank application.yml and the
   * environment, as flags should.
   */
  static String[] asArguments(Map<String, Object> props) {
    return props.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
