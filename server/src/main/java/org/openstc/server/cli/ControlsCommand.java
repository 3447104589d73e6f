package org.openstc.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.controls.ControlListKind;
import org.openstc.server.controls.ImportedVersion;
import org.openstc.server.problems.DomainException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stc controls}: import control list versions into the server and list them. */
@Command(
    name = "controls",
    mixinStandardHelpOptions = true,
    description = "Control lists: import versions, show what is loaded.",
    subcommands = {ControlsCommand.Import.class, ControlsCommand.Lists.class})
final class ControlsCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import a control list file as a new version (audited). Classifications relying on an"
              + " entry the new version changes or removes are flagged for review.")
  static final class Import implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        description =
            "eu-annex-i, us-ccl-json, ecfr-774, national-json, or ecfr-738 (Country Chart) /"
                + " ecfr-740 (Country Groups) (default: recognised from the content)")
    String kind;

    @Option(
        names = "--valid-from",
        paramLabel = "DATE",
        description = "Issue date of an eCFR XML file (default: the date in its file name)")
    LocalDate validFrom;

    @Override
    public void run() {
      if (!Files.isRegularFile(file)) {
        throw new CliException("no file " + file);
      }
      ControlListKind k;
      try {
        k = kind == null ? null : ControlListKind.parse(kind);
      } catch (IllegalArgumentException e) {
        throw new CliException("--kind: " + e.getMessage());
      }
      try (ConfigurableApplicationContext context = database.startWithoutWeb();
          InputStream in = Files.newInputStream(file)) {
        ImportedVersion v =
            context
                .getBean(ControlListCatalogue.class)
                .importList(
                    in, file.getFileName().toString(), k, validFrom, AdminCommand.cliActor());
        System.out.println(
            "Imported "
                + v.label()
                + " ("
                + v.entryCount()
                + " entries, "
                + v.kind().slug()
                + ", sha256 "
                + v.checksum()
                + ") as import "
                + v.id());
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      } catch (IOException e) {
        throw new CliException("cannot read " + file + ": " + e.getMessage());
      }
    }
  }

  @Command(
      name = "lists",
      mixinStandardHelpOptions = true,
      description = "Show the control lists and versions the server knows.")
  static final class Lists implements Runnable {

    @Mixin DatabaseOptions database;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        ControlListCatalogue catalogue = context.getBean(ControlListCatalogue.class);
        for (ImportedVersion v : catalogue.imports()) {
          if (!v.kind().isControlList()) {
            System.out.println(
                v.label() + "  " + v.title() + ", " + v.entryCount() + " rows  import " + v.id());
          }
        }
        for (var l : catalogue.lists()) {
          System.out.println(l.listId() + "  " + l.title());
          for (var v : l.versions()) {
            System.out.println(
                "  "
                    + v.validFrom()
                    + "  "
                    + v.entries()
                    + " entries  "
                    + (v.imported() == null ? "(file)" : "import " + v.imported().id())
                    + "  "
                    + v.legalSource());
          }
        }
      }
    }
  }
}
