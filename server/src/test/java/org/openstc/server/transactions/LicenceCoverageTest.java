package org.openstc.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openstc.server.licences.Licence;
import org.openstc.server.licences.LicenceKind;
import org.openstc.server.problems.InvalidRequestException;

/** The rules that decide whether a licence covers a line, and the shape checks of a draft. */
class LicenceCoverageTest {

  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static Licence licence(BigDecimal used, BigDecimal limit, String tolerance) {
    return new Licence(
        1,
        1,
        "DE-IL-1",
        LicenceKind.INDIVIDUAL,
        "BAFA",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        List.of("2B001"),
        List.of("CN"),
        List.of(7L),
        null,
        limit,
        new BigDecimal("100000"),
        "EUR",
        new BigDecimal(tolerance),
        false,
        used,
        BigDecimal.ZERO,
        Instant.EPOCH,
        "olga");
  }

  private static List<String> problems(
      Licence l,
      LocalDate day,
      String code,
      String to,
      List<Long> parties,
      String quantity,
      String value,
      String currency,
      String claimed) {
    return l.problems(
        day,
        List.of(code),
        "LT-500",
        to,
        parties,
        new BigDecimal(quantity),
        new BigDecimal(value),
        currency,
        new BigDecimal(claimed),
        BigDecimal.ZERO);
  }

  @Test
  void aParentEntryPermitsItsSubEntriesWithinValidityDestinationAndParties() {
    Licence l = licence(BigDecimal.ZERO, BigDecimal.TEN, "0");
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L), "1", "1000", "EUR", "0")).isEmpty();
    assertThat(problems(l, DAY, "3A001.a", "CN", List.of(7L), "1", "1000", "EUR", "0"))
        .singleElement()
        .asString()
        .contains("does not permit 3A001.a");
    assertThat(problems(l, DAY, "2B001.a", "RU", List.of(7L), "1", "1000", "EUR", "0"))
        .singleElement()
        .asString()
        .contains("destination RU");
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L, 9L), "1", "1000", "EUR", "0"))
        .singleElement()
        .asString()
        .contains("[9]");
    assertThat(
            problems(
                l, LocalDate.of(2027, 1, 1), "2B001.a", "CN", List.of(7L), "1", "1", "EUR", "0"))
        .singleElement()
        .asString()
        .contains("expired on 2026-12-31");
  }

  @Test
  void toleranceWidensTheBalanceAndEarlierLinesOfTheShipmentCount() {
    Licence l = licence(new BigDecimal("8"), BigDecimal.TEN, "10");
    // 10 + 10% = 11, 8 used: 3 fit, 4 do not; 2 already claimed by an earlier line leave 1.
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L), "3", "1", "EUR", "0")).isEmpty();
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L), "4", "1", "EUR", "0"))
        .singleElement()
        .asString()
        .contains("beyond the remaining balance")
        .contains("3 left");
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L), "2", "1", "EUR", "2"))
        .singleElement()
        .asString()
        .contains("1 left");
  }

  @Test
  void aValueLimitInAnotherCurrencyCannotBeChecked() {
    Licence l = licence(BigDecimal.ZERO, null, "0");
    assertThat(problems(l, DAY, "2B001.a", "CN", List.of(7L), "1", "1000", "USD", "0"))
        .singleElement()
        .asString()
        .contains("limits value in EUR but the line is in USD");
  }

  @Test
  void certificateNamesEveryMissingFieldAndAuthenticationOnlyForGovernments() {
    EndUseCertificate empty = EndUseCertificate.EMPTY;
    assertThat(empty.missing()).hasSize(8).contains("end user", "signatory", "date of signature");
    EndUseCertificate government =
        new EndUseCertificate(
            "MoD", "Street 1", "cn", "LT-500 x 2", "repair", true, "General X", DAY, true, false);
    assertThat(government.country()).isEqualTo("CN");
    assertThat(government.missing())
        .containsExactly("authentication by the government of the end user");
  }

  @Test
  void draftRefusesMixedCurrenciesAndAnExportWithoutConsignee() {
    var line1 = new TransactionDraft.LineDraft(1L, null, BigDecimal.ONE, BigDecimal.TEN, "EUR");
    var line2 = new TransactionDraft.LineDraft(2L, null, BigDecimal.ONE, BigDecimal.TEN, "usd");
    var endUser = new TransactionDraft.PartyDraft(TransactionRole.END_USER, 5L, null);
    assertThatThrownBy(() ->
            new TransactionDraft(
                "R1",
                null,
                "cn",
                null,
                null,
                null,
                List.of(line1, line2),
                List.of(endUser),
                null,
                null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("lines[1].currency: USD differs from EUR");
    assertThatThrownBy(() ->
            new TransactionDraft(
                "R1",
                TransactionKind.EXPORT,
                "CN",
                null,
                null,
                null,
                List.of(line1),
                List.of(endUser),
                null,
                null))
        .hasMessageContaining("CONSIGNEE");
    TransactionDraft brokering =
        new TransactionDraft(
            "R1",
            TransactionKind.BROKERING,
            "cn",
            List.of("ae", " "),
            "military",
            null,
            List.of(line1),
            List.of(endUser),
            null,
            null);
    assertThat(brokering.destination()).isEqualTo("CN");
    assertThat(brokering.transit()).containsExactly("AE");
  }
}
