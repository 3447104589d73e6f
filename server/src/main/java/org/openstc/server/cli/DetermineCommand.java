package org.openstc.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.openstc.controls.ControlsReferenceData;
import org.openstc.controls.determination.DeterminationJson;
import org.openstc.controls.determination.InvalidDeterminationRequest;
import org.openstc.controls.determination.Jurisdiction;
import org.openstc.controls.io.ReferenceDataException;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.controls.ControlsReferenceFiles;
import org.openstc.server.controls.DeterminationInput;
import org.openstc.server.problems.DomainException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stc determine}: one licence determination printed as JSON. It reads reference data from
 * files only (bundled, the shared data folder, the lists imported into the data folder), so it
 * needs neither the database nor the web server.
 */
@Command(
    name = "determine",
    mixinStandardHelpOptions = true,
    description =
        "Determine whether a line needs a licence: prints {outcome, general_authorisations,"
            + " licence_exceptions, reasons[{rule, legal_basis, explanation}]} as JSON.")
final class DetermineCommand implements Runnable {

  @Option(
      names = "--jurisdiction",
      required = true,
      paramLabel = "EU|US",
      description = "Whose export control law applies")
  String jurisdiction;

  @Option(
      names = "--item",
      required = true,
      paramLabel = "CODE",
      description =
          "The item's classification: an entry code (2B001, ML10.a, 3A001.a.1), NOT_LISTED or EAR99")
  String item;

  @Option(
      names = "--destination",
      required = true,
      paramLabel = "ISO2",
      description = "Country of destination")
  String destination;

  @Option(
      names = "--end-use",
      paramLabel = "USE",
      description = "civil (default), military, wmd, internal-repression")
  String endUse;

  @Option(
      names = "--activity",
      paramLabel = "ACTIVITY",
      description = "export (default), intra-eu-transfer, brokering, technical-assistance, transit")
  String activity;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "Date whose law applies (default today)")
  LocalDate asOf;

  @Option(
      names = "--informed-by-authority",
      description = "The competent authority informed the exporter of the end use (Art. 4(1))")
  boolean informed;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Shared data folder holding controllists/ (EU Annex I, US CCL, Country Chart)."
              + " Default: ../shared/data when present")
  Path sharedData;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "OpenSTC data folder whose imported control lists are used. Default: $STC_DATA_DIR or"
              + " ./stc-data")
  Path dataDir;

  @Override
  public void run() {
    Path shared = sharedData != null ? sharedData : ControlsReferenceFiles.sharedDataFolder(null);
    if (sharedData != null && !Files.isDirectory(sharedData)) {
      throw new CliException("--data: no folder " + sharedData);
    }
    Path data = dataDir;
    if (data == null) {
      String env = System.getenv("STC_DATA_DIR");
      data = Path.of(env == null || env.isBlank() ? "stc-data" : env);
    }
    try {
      var request =
          new DeterminationInput(
                  jurisdiction, item, null, destination, endUse, activity, asOf, informed)
              .toRequest();
      boolean us = request.jurisdictions().contains(Jurisdiction.US);
      ControlsReferenceData reference = ControlsReferenceFiles.load(shared, data, us);
      System.out.println(DeterminationJson.write(reference.determiner().determine(request)));
    } catch (InvalidDeterminationRequest e) {
      throw new CliException(ControlListCatalogue.hint(e.getMessage()));
    } catch (DomainException | ReferenceDataException e) {
      throw new CliException(e.getMessage());
    }
  }
}
