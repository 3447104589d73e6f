package org.openstc.server.cli;

import org.openstc.server.audit.AuditTrail;
import org.openstc.server.audit.AuditVerification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stc audit}: checks of the audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Audit trail commands.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Re-compute the hash chain of the audit trail. Exit 0 when intact, 4 when any record was"
              + " edited or deleted.")
  static final class Verify implements Runnable {

    @Mixin DatabaseOptions database;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        AuditVerification result = context.getBean(AuditTrail.class).verify();
        if (result.intact()) {
          System.out.println(
              "Audit trail intact: " + result.recordsChecked() + " records verified.");
          return;
        }
        System.out.println(
            "Audit trail BROKEN: "
                + result.breaks().size()
                + " problem(s) in "
                + result.recordsChecked()
                + " records:");
        result
            .breaks()
            .forEach(b -> System.out.println("  record " + b.seq() + ": " + b.problem()));
        throw new CliException("the audit trail has been tampered with", 4);
      }
    }
  }
}
