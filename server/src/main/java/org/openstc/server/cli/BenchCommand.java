package org.openstc.server.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.ImportOutcome;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.PartnerImport;
import org.openstc.server.partners.PartnerImports;
import org.openstc.server.screening.PartnerScreening;
import org.openstc.server.screening.ScreeningRun;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stc bench}: reproducible performance measurements on the real data in ../shared/data. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Performance benchmarks (figures recorded in docs/PERFORMANCE.md).",
    subcommands = {BenchCommand.Screening.class})
final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "screening",
      mixinStandardHelpOptions = true,
      description =
          "Partner screening at scale in a fresh database: load UN + OFAC SDN 2024-05-02 + CSL 2022,"
              + " import N partners (yente negatives plus listed names), re-screen them all, then"
              + " activate OFAC SDN 2024-05-03 and time the delta re-screen.")
  static final class Screening implements Runnable {

    @Option(
        names = "--data",
        paramLabel = "DIR",
        defaultValue = "../shared/data",
        description = "The shared data folder (default ../shared/data)")
    Path data;

    @Option(
        names = "--partners",
        paramLabel = "N",
        defaultValue = "100000",
        description = "How many partners (default 100000)")
    int partners;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        description = "Database folder (default: a new temporary folder)")
    Path dataDir;

    @Override
    public void run() {
      Path un = data.resolve("sanctions/un/consolidated-2026-02-27.xml");
      Path sdn0426 = data.resolve("sanctions/ofac/sdn-2024-04-26.csv");
      Path sdn0502 = data.resolve("sanctions/ofac/sdn-2024-05-02.csv");
      Path sdn0503 = data.resolve("sanctions/ofac/sdn-2024-05-03.csv");
      Path csl = data.resolve("sanctions/csl/consolidated-2022-05-16.csv.gz");
      for (Path p : List.of(un, sdn0426, sdn0502, sdn0503, csl)) {
        if (!Files.isRegularFile(p)) {
          throw new CliException("missing " + p + " (give --data pointing at shared/data)");
        }
      }
      DatabaseOptions db = new DatabaseOptions();
      try {
        db.dataDir = dataDir != null ? dataDir : Files.createTempDirectory("openstc-bench");
      } catch (IOException e) {
        throw new CliException("cannot create a temporary folder: " + e.getMessage());
      }
      System.err.println("bench: database in " + db.dataDir);
      try (ConfigurableApplicationContext context = db.startWithoutWeb()) {
        Actor admin = new Actor("bench", null);
        context
            .getBean(UserAccounts.class)
            .create(
                new NewUser(
                    "bench-officer",
                    null,
                    null,
                    "Bench Exporter",
                    Set.of(Role.EXPORT_CONTROL_OFFICER),
                    "bench password 123".toCharArray()),
                admin);
        long org =
            context
                .getBean(UserAccounts.class)
                .findByUsername("bench-officer")
                .orElseThrow()
                .organisationId();
        WatchlistImports lists = context.getBean(WatchlistImports.class);
        long t = System.nanoTime();
        imported(lists.importFile(un, "un-consolidated", admin, ImportProgress.NONE));
        imported(lists.importFile(sdn0426, "us-ofac-sdn", admin, ImportProgress.NONE));
        imported(lists.importFile(csl, "us-csl", admin, ImportProgress.NONE));
        report("lists loaded (UN 2026-02-27, OFAC SDN 2024-04-26, CSL 2022-05-16)", t, null);

        Path csv = partnersFile(org);
        t = System.nanoTime();
        PartnerImport job =
            context
                .getBean(PartnerImports.class)
                .importNow(org, admin, csv, csv.getFileName().toString());
        report(
            "import + screen of " + job.created() + " partners (" + job.errorCount() + " bad rows)",
            t,
            job.created());

        PartnerScreening screening = context.getBean(PartnerScreening.class);
        t = System.nanoTime();
        List<ScreeningRun> full = screening.rescreenAll(org);
        report("full re-screen: " + full.getFirst().text(), t, full.getFirst().partnersScreened());

        delta(context, lists, org, sdn0502, "SDN 2024-04-26 -> 05-02 (305 added)", admin);
        delta(context, lists, org, sdn0503, "SDN 2024-05-02 -> 05-03 (8 removed)", admin);
        Files.deleteIfExists(csv);
      } catch (IOException e) {
        throw new CliException(e.getMessage());
      }
    }

    /** Imports the next version of the SDN list and reports the delta re-screen it triggered. */
    private static void delta(
        ConfigurableApplicationContext context,
        WatchlistImports lists,
        long org,
        Path file,
        String label,
        Actor admin) {
      long t = System.nanoTime();
      imported(lists.importFile(file, "us-ofac-sdn", admin, ImportProgress.NONE));
      long total = System.nanoTime() - t;
      ScreeningRun run =
          context
              .getBean(org.openstc.server.screening.AlertDecisions.class)
              .runs(org, 1)
              .getFirst();
      System.out.printf(
          "%-90s %8.0f ms (delta re-screen alone %d ms, %,d partners screened)%n",
          label + " import + delta re-screen: " + run.text(),
          total / 1e6,
          run.durationMs(),
          run.partnersScreened());
    }

    private static void imported(ImportOutcome outcome) {
      if (outcome instanceof ImportOutcome.Failed f) {
        throw new CliException(f.describe());
      }
    }

    private static void report(String what, long startNanos, Integer count) {
      double ms = (System.nanoTime() - startNanos) / 1e6;
      System.out.printf(
          "%-90s %8.0f ms%s%n",
          what,
          ms,
          count == null || count == 0
              ? ""
              : String.format(" (%.0f partners/s)", count / (ms / 1000)));
    }

    /**
     * Partners: yente's synthetic negatives (many scripts) plus every 50th name from the SDN list.
     */
    private Path partnersFile(long org) throws IOException {
      List<String> names = new ArrayList<>();
      for (String file :
          List.of("matching/yente-negatives_global.csv", "matching/yente-negatives_us.csv")) {
        try (BufferedReader in =
                Files.newBufferedReader(data.resolve(file), StandardCharsets.UTF_8);
            CSVParser parser =
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
          for (CSVRecord r : parser) {
            names.add("P|" + r.get("full_name") + "|" + r.get("date_of_birth"));
          }
        }
      }
      List<String> listed = new ArrayList<>();
      try (BufferedReader in =
              Files.newBufferedReader(
                  data.resolve("sanctions/ofac/sdn-2024-05-02.csv"), StandardCharsets.ISO_8859_1);
          CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
        int i = 0;
        for (CSVRecord r : parser) {
          if (r.size() > 2 && i++ % 50 == 0) {
            listed.add(
                ("individual".equals(r.get(2).strip()) ? "P|" : "O|") + r.get(1).strip() + "|");
          }
        }
      }
      Path csv = Files.createTempFile("bench-partners", ".csv");
      try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        out.write("reference,name,type,birth_date\n");
        int n = 0;
        for (int i = 0; n < partners; i++) {
          String row =
              i % 500 == 0 && i / 500 < listed.size()
                  ? listed.get(i / 500)
                  : names.get(i % names.size());
          String[] parts = row.split("\\|", -1);
          String name = parts[1].replace("\"", "");
          String dob = parts[2].matches("\\d{4}-\\d{2}-\\d{2}") ? parts[2] : "";
          out.write(
              "B"
                  + n
                  + ",\""
                  + name
                  + "\","
                  + (parts[0].equals("P") ? "person" : "organisation")
                  + ","
                  + (parts[0].equals("P") ? dob : "")
                  + "\n");
          n++;
        }
      }
      return csv;
    }
  }
}
