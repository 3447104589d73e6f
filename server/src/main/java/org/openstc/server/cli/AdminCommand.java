package org.openstc.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.CreatedUser;
import org.openstc.server.identity.IssuedToken;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.problems.DomainException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stc admin}: user administration from the terminal, e.g. the first administrator. */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Administer users and API tokens.",
    subcommands = {AdminCommand.CreateUser.class, AdminCommand.CreateToken.class})
final class AdminCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static Actor cliActor() {
    return new Actor("cli:" + System.getProperty("user.name", "unknown"), null);
  }

  @Command(
      name = "create-user",
      mixinStandardHelpOptions = true,
      description =
          "Create a user. Prints a generated one-time password (the user must change it at first"
              + " sign-in) unless --password-stdin is given.")
  static final class CreateUser implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "USERNAME", description = "Sign-in name")
    String username;

    @Option(
        names = "--role",
        required = true,
        split = ",",
        paramLabel = "ROLE",
        description =
            "Role(s), repeatable or comma-separated: ADMINISTRATOR, COMPLIANCE_USER,"
                + " EXPORT_CONTROL_OFFICER, CASEWORKER, SENIOR_CASEWORKER, MONITORING_EXPERT")
    List<String> roles;

    @Option(
        names = "--organisation",
        paramLabel = "NAME",
        description = "Organisation (created if it does not exist, with a kind fitting the role)")
    String organisation;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Full name")
    String displayName;

    @Option(names = "--email", paramLabel = "ADDRESS")
    String email;

    @Option(
        names = "--password-stdin",
        description = "Read the password from standard input instead of generating one")
    boolean passwordStdin;

    @Override
    public void run() {
      Set<Role> parsed = EnumSet.noneOf(Role.class);
      try {
        roles.forEach(r -> parsed.add(Role.parse(r)));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
      char[] password = passwordStdin ? readPassword() : null;
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        UserAccounts accounts = context.getBean(UserAccounts.class);
        CreatedUser created =
            accounts.create(
                new NewUser(username, displayName, email, organisation, parsed, password),
                cliActor());
        System.out.println(
            "Created user "
                + created.account().username()
                + " in "
                + created.account().organisationName()
                + " with roles "
                + created.account().roles());
        if (created.oneTimePassword() != null) {
          System.out.println("One-time password (shown once; must be changed at first sign-in):");
          System.out.println(created.oneTimePassword());
        }
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }

    private static char[] readPassword() {
      try {
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
          throw new CliException("--password-stdin: no password on standard input");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new CliException("--password-stdin: cannot read standard input: " + e.getMessage());
      }
    }
  }

  @Command(
      name = "create-token",
      mixinStandardHelpOptions = true,
      description = "Issue a personal API token for a user and print it (shown once).")
  static final class CreateToken implements Runnable {

    @Mixin DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "What the token is for, e.g. 'ERP'")
    String name;

    @Override
    public void run() {
      try (ConfigurableApplicationContext context = database.startWithoutWeb()) {
        IssuedToken token =
            context.getBean(UserAccounts.class).issueToken(username, name, cliActor());
        System.err.println(
            "API token '" + token.info().name() + "' for " + username + " (shown once):");
        System.out.println(token.secret());
      } catch (DomainException e) {
        throw new CliException(e.getMessage());
      }
    }
  }
}
