package org.openstc.server.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.openstc.server.OpenStcApplication;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.storage.StorageProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stc serve}: runs the web application until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the OpenSTC web application.")
final class ServeCommand implements Runnable {

  @Mixin DatabaseOptions database;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port. Default: $STC_PORT or 8080")
  Integer port;

  @Override
  public void run() {
    Map<String, Object> props = database.properties();
    String envPort = System.getenv("STC_PORT");
    if (port != null) {
      props.put("server.port", port);
    } else if (envPort != null && !envPort.isBlank()) {
      props.put("server.port", envPort.strip());
    }
    CountDownLatch closed = new CountDownLatch(1);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(OpenStcApplication.class)
            .listeners(event -> {
              if (event instanceof ContextClosedEvent) {
                closed.countDown();
              }
            })
            .run(DatabaseOptions.asArguments(props));
    String actualPort = context.getEnvironment().getProperty("local.server.port", "8080");
    StorageProperties storage = context.getBean(StorageProperties.class);
    System.out.println();
    System.out.println("OpenSTC is running at http://localhost:" + actualPort + "/");
    System.out.println("Database: " + storage.redactedJdbcUrl());
    if (!context.getBean(UserAccounts.class).hasUsers()) {
      System.out.println();
      System.out.println("First start: no administrator exists yet. Either open");
      System.out.println("  http://localhost:" + actualPort + "/setup");
      System.out.println("in a browser to create one, or run");
      System.out.println("  ./stc admin create-user admin --role ADMINISTRATOR");
    }
    System.out.println("Press Ctrl+C to stop.");
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
