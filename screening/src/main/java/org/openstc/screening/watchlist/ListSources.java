package org.openstc.screening.watchlist;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The catalogue of official list sources OpenSTC knows how to download and read. */
public final class ListSources {

  public static final String UN_SC = "un-sc";
  public static final String OFAC_SDN = "us-ofac-sdn";
  public static final String OFAC_NON_SDN = "us-ofac-cons";
  public static final String TRADE_CSL = "us-trade-csl";
  public static final String BIS_DPL = "us-bis-dpl";
  public static final String EU_FSF = "eu-fsf";
  public static final String UK_FCDO = "gb-fcdo";
  public static final String OPENSANCTIONS = "opensanctions";

  /** Default source code for an organisation's own list read from a private CSV. */
  public static final String PRIVATE = "private";

  private static final String OFAC_EXPORTS =
      "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";

  private static final List<ListSource> OFFICIAL =
      List.of(
          new ListSource(
              UN_SC,
              "UN Security Council Consolidated List",
              "United Nations Security Council",
              ListFormat.UN_XML,
              urls("https://scsanctions.un.org/resources/xml/en/consolidated.xml"),
              true),
          new ListSource(
              OFAC_SDN,
              "OFAC Specially Designated Nationals and Blocked Persons List (SDN)",
              "US Treasury, Office of Foreign Assets Control",
              ListFormat.OFAC_LEGACY_CSV,
              urls(
                  OFAC_EXPORTS + "SDN.CSV",
                  OFAC_EXPORTS + "ADD.CSV",
                  OFAC_EXPORTS + "ALT.CSV",
                  OFAC_EXPORTS + "SDN_COMMENTS.CSV"),
              true),
          new ListSource(
              OFAC_NON_SDN,
              "OFAC Consolidated Sanctions List (non-SDN lists)",
              "US Treasury, Office of Foreign Assets Control",
              ListFormat.OFAC_LEGACY_CSV,
              urls(
                  OFAC_EXPORTS + "CONS_PRIM.CSV",
                  OFAC_EXPORTS + "CONS_ADD.CSV",
                  OFAC_EXPORTS + "CONS_ALT.CSV",
                  OFAC_EXPORTS + "CONS_COMMENTS.CSV"),
              true),
          new ListSource(
              TRADE_CSL,
              "Consolidated Screening List",
              "US International Trade Administration (trade.gov)",
              ListFormat.CSL_CSV,
              urls(
                  "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"),
              true),
          new ListSource(
              BIS_DPL,
              "Denied Persons List",
              "US Department of Commerce, Bureau of Industry and Security",
              ListFormat.BIS_DPL_TSV,
              urls("https://www.bis.doc.gov/dpl/dpl.txt"),
              false),
          new ListSource(
              EU_FSF,
              "EU Consolidated Financial Sanctions List",
              "European Commission (FISMA / FPI), Financial Sanctions Files",
              ListFormat.EU_FSF_XML,
              urls(
                  "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw"),
              true),
          new ListSource(
              UK_FCDO,
              "UK Sanctions List",
              "UK Foreign, Commonwealth and Development Office",
              ListFormat.UK_FCDO_XML,
              urls("https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"),
              true),
          new ListSource(
              OPENSANCTIONS,
              "OpenSanctions consolidated sanctions (FollowTheMoney)",
              "OpenSanctions",
              ListFormat.FTM_JSON,
              urls("https://data.opensanctions.org/datasets/latest/sanctions/entities.ftm.json"),
              false));

  private ListSources() {}

  /** Every official source, in a stable order. */
  public static List<ListSource> official() {
    return OFFICIAL;
  }

  public static Optional<ListSource> find(String code) {
    return OFFICIAL.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  private static List<URI> urls(String... urls) {
    return Arrays.stream(urls).map(URI::create).toList();
  }
}
