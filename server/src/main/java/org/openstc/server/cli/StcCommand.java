package org.openstc.server.cli;

import java.io.InputStream;
import java.util.Properties;
import org.openstc.server.storage.DatabaseUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the {@code stc} command line. */
@Command(
    name = "stc",
    mixinStandardHelpOptions = true,
    versionProvider = StcCommand.Version.class,
    description =
        "OpenSTC: strategic trade control — screening, control lists, licensing, monitoring.",
    subcommands = {
      ServeCommand.class,
      AdminCommand.class,
      AuditCommand.class,
      ListsCommand.class,
      DetermineCommand.class,
      ControlsCommand.class,
      BenchCommand.class,
      ScreenCommand.class,
      EvalMatchingCommand.class
    })
public final class StcCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Entry point of the {@code stc} launcher. */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
      System.exit(code);
    }
  }

  /** Runs the command line and returns the exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new StcCommand());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable t = e;
      while (t != null) {
        if (t instanceof DatabaseUnavailableException d) {
          commandLine.getErr().println("stc: " + d.getMessage());
          return 3;
        }
        if (t instanceof CliException c) {
          commandLine.getErr().println("stc: " + c.getMessage());
          return c.exitCode();
        }
        t = t.getCause();
      }
      commandLine.getErr().println("stc: " + e.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  /** Reads the version from the build information the Maven build writes into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in =
          StcCommand.class.getResourceAsStream("/META-INF/build-info.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (java.io.IOException ignored) {
        // fall through to "development build"
      }
      return new String[] {
        "OpenSTC " + p.getProperty("build.version", "development build"),
        "built " + p.getProperty("build.time", "from source"),
        "Java " + Runtime.version()
      };
    }
  }
}
