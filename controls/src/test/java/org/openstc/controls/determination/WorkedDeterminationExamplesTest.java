package org.openstc.controls.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openstc.controls.Fixtures;
import org.openstc.controls.authorisation.TransactionFact;

/**
 * Worked determination examples, EU and US, each asserting the outcome and the provision it rests
 * on. They run on the fixture data (an Annex I excerpt, a CCL excerpt, a Country Chart excerpt)
 * with the curated measures and general authorisations, on a fixed date.
 */
class WorkedDeterminationExamplesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 10, 1);

  /** The fixture's JSON CCL version (2026-07-23) is in force; the XML one applies from 09-01. */
  private static final LocalDate US_DAY = LocalDate.of(2026, 8, 15);

  private final Determiner determiner = Fixtures.data().determiner();

  private static DeterminationRequest.Builder eu(String item, String to) {
    return DeterminationRequest.builder().eu(item).to(to).asOf(DAY);
  }

  private static DeterminationRequest.Builder us(String item, String to) {
    return DeterminationRequest.builder().us(item).to(to).asOf(US_DAY);
  }

  private Determination run(DeterminationRequest.Builder b) {
    return determiner.determine(b.build());
  }

  private void expect(DeterminationRequest.Builder b, Outcome outcome, String citation) {
    Determination d = run(b);
    assertThat(d.outcome()).as(DeterminationJson.write(d)).isEqualTo(outcome);
    assertThat(d.cites(citation))
        .as("cites %s in %s", citation, DeterminationJson.write(d))
        .isTrue();
  }

  // ---- EU: Art. 3(1) listing and the general authorisations of Annex II

  @Test
  void listedMachineToolToChinaNeedsAnIndividualAuthorisation() {
    expect(eu("2B001.b", "CN"), Outcome.LICENCE_REQUIRED, "Art. 3(1) Regulation (EU) 2021/821");
  }

  @Test
  void listedMachineToolToJapanTravelsUnderEu001() {
    Determination d = run(eu("2B001.b", "JP"));
    assertThat(d.outcome()).isEqualTo(Outcome.GENERAL_AUTHORISATION);
    assertThat(d.generalAuthorisations()).containsExactly("EU001");
    assertThat(d.cites("Union general export authorisation EU001")).isTrue();
  }

  @Test
  void liechtensteinIsAnEu001DestinationWithSwitzerland() {
    Determination d = run(eu("2B001", "LI"));
    assertThat(d.generalAuthorisations()).containsExactly("EU001");
  }

  @Test
  void gasMasksToTurkeyTravelUnderEu002() {
    Determination d = run(eu("1A004.a", "TR"));
    assertThat(d.outcome()).isEqualTo(Outcome.GENERAL_AUTHORISATION);
    assertThat(d.generalAuthorisations()).containsExactly("EU002");
  }

  @Test
  void eu002CoversOnlyTheParagraphsItNames() {
    assertThat(run(eu("3A001.a.3", "KR")).generalAuthorisations()).containsExactly("EU002");
    expect(eu("3A001.a.1", "KR"), Outcome.LICENCE_REQUIRED, "Art. 3(1) Regulation (EU) 2021/821");
  }

  @Test
  void sectionIPathogensAreExcludedFromEu001() {
    // Annex II Section I lists 1C351: EU001 Part 1 excludes it.
    expect(eu("1C351", "JP"), Outcome.LICENCE_REQUIRED, "Art. 3(1) Regulation (EU) 2021/821");
  }

  @Test
  void annexIvLaunchVehiclesAreExcludedFromEu001() {
    expect(eu("9A004", "NO"), Outcome.LICENCE_REQUIRED, "Art. 3(1) Regulation (EU) 2021/821");
  }

  @Test
  void returnAfterRepairToChinaUsesEu003() {
    Determination d = run(eu("3A001.a.1", "CN").fact(TransactionFact.RETURN_AFTER_REPAIR));
    assertThat(d.generalAuthorisations()).containsExactly("EU003");
  }

  @Test
  void exhibitionInBrazilUsesEu004() {
    Determination d = run(eu("6A003.b.4", "BR").fact(TransactionFact.TEMPORARY_EXHIBITION));
    assertThat(d.generalAuthorisations()).containsExactly("EU004");
  }

  @Test
  void spreadSpectrumEquipmentToIndiaUsesEu005() {
    assertThat(run(eu("5A001.b.2", "IN")).generalAuthorisations()).containsExactly("EU005");
  }

  @Test
  void thiodiglycolToArgentinaUsesEu006() {
    assertThat(run(eu("1C350.1", "AR")).generalAuthorisations()).containsExactly("EU006");
  }

  @Test
  void intraGroupTechnologyToIndiaUsesEu007ButNotGoods() {
    assertThat(
            run(eu("9E003", "IN").fact(TransactionFact.INTRA_GROUP_TRANSFER))
                .generalAuthorisations())
        .containsExactly("EU007");
    assertThat(run(eu("2B001", "IN").fact(TransactionFact.INTRA_GROUP_TRANSFER)).outcome())
        .isEqualTo(Outcome.LICENCE_REQUIRED);
  }

  @Test
  void massMarketStyleEncryptionToBrazilUsesEu008ButNotToChina() {
    assertThat(
            run(eu("5A002.a.2", "BR").fact(TransactionFact.PUBLISHED_CRYPTO_STANDARDS))
                .generalAuthorisations())
        .containsExactly("EU008");
    expect(
        eu("5A002.a.2", "CN").fact(TransactionFact.PUBLISHED_CRYPTO_STANDARDS),
        Outcome.LICENCE_REQUIRED,
        "Art. 3(1) Regulation (EU) 2021/821");
  }

  @Test
  void awarenessOfWmdUseRulesOutTheGeneralAuthorisation() {
    Determination d = run(eu("2B001", "JP").endUse(EndUse.WMD));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.generalAuthorisations()).isEmpty();
    assertThat(d.cites("Art. 4(2) Regulation (EU) 2021/821")).isTrue();
  }

  @Test
  void customsFreeZoneRulesOutTheGeneralAuthorisation() {
    assertThat(run(eu("2B001", "JP").fact(TransactionFact.CUSTOMS_FREE_ZONE)).outcome())
        .isEqualTo(Outcome.LICENCE_REQUIRED);
  }

  // ---- EU: catch-all Art. 4 and Art. 5

  @Test
  void unlistedCivilItemNeedsNothing() {
    expect(
        eu("NOT_LISTED", "CN"),
        Outcome.NO_LICENCE_REQUIRED,
        "Art. 3(1) and Art. 4 Regulation (EU) 2021/821");
  }

  @Test
  void unlistedItemForWmdWhenInformedNeedsAuthorisationUnderArticle4_1() {
    expect(
        eu("NOT_LISTED", "PK").endUse(EndUse.WMD).informedByAuthority(),
        Outcome.LICENCE_REQUIRED,
        "Art. 4(1) Regulation (EU) 2021/821 (Art. 4(1)(a) use)");
  }

  @Test
  void unlistedItemForWmdWhenAwareMustBeNotifiedUnderArticle4_2() {
    expect(
        eu("NOT_LISTED", "PK").endUse(EndUse.WMD),
        Outcome.LICENCE_REQUIRED,
        "Art. 4(2) Regulation (EU) 2021/821");
  }

  @Test
  void militaryEndUseInArmsEmbargoedChinaTriggersArticle4_1b() {
    expect(
        eu("NOT_LISTED", "CN").endUse(EndUse.MILITARY).informedByAuthority(),
        Outcome.LICENCE_REQUIRED,
        "(Art. 4(1)(b) use)");
  }

  @Test
  void militaryEndUseWithoutArmsEmbargoTriggersNoCatchAll() {
    Determination d = run(eu("NOT_LISTED", "IN").endUse(EndUse.MILITARY));
    assertThat(d.outcome()).isEqualTo(Outcome.NO_LICENCE_REQUIRED);
    assertThat(d.reasons().get(0).explanation()).contains("not subject to an arms embargo");
  }

  @Test
  void cyberSurveillanceItemForRepressionNeedsAuthorisationUnderArticle5() {
    expect(
        eu("NOT_LISTED", "EG")
            .endUse(EndUse.INTERNAL_REPRESSION)
            .informedByAuthority()
            .fact(TransactionFact.CYBER_SURVEILLANCE_ITEM),
        Outcome.LICENCE_REQUIRED,
        "Art. 5(1) Regulation (EU) 2021/821");
  }

  // ---- EU: intra-Union transfer (Art. 11, Annex IV)

  @Test
  void intraUnionTransferOfAnAnnexIOnlyItemIsFree() {
    expect(
        eu("2B001", "FR").activity(Activity.INTRA_EU_TRANSFER),
        Outcome.NO_LICENCE_REQUIRED,
        "Art. 11(1) Regulation (EU) 2021/821");
  }

  @Test
  void intraUnionTransferOfAnAnnexIvItemNeedsAuthorisation() {
    expect(
        eu("9A004", "DE").activity(Activity.INTRA_EU_TRANSFER),
        Outcome.LICENCE_REQUIRED,
        "Art. 11(1) Regulation (EU) 2021/821");
  }

  @Test
  void exportToAMemberStateIsTreatedAsAnIntraUnionTransfer() {
    Determination d = run(eu("0B001", "DE"));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.reasons().get(0).rule()).isEqualTo("eu.intra-union");
    assertThat(d.reasons().get(1).explanation()).contains("Annex IV (Part II)");
  }

  @Test
  void intraUnionTransferToAThirdCountryIsRejected() {
    assertThatThrownBy(() -> run(eu("2B001", "CN").activity(Activity.INTRA_EU_TRANSFER)))
        .isInstanceOf(InvalidDeterminationRequest.class)
        .hasMessageContaining("not a Member State");
  }

  // ---- EU: brokering (Art. 6), transit (Art. 7), technical assistance (Art. 8)

  @Test
  void brokeringAListedItemNeedsAuthorisationOnlyForWmd() {
    expect(
        eu("2B001", "CN").activity(Activity.BROKERING), Outcome.NO_LICENCE_REQUIRED, "Art. 6(1)");
    expect(
        eu("2B001", "CN").activity(Activity.BROKERING).endUse(EndUse.WMD).informedByAuthority(),
        Outcome.LICENCE_REQUIRED,
        "Art. 6(1) Regulation (EU) 2021/821");
  }

  @Test
  void technicalAssistanceForWmdWhenAwareFallsUnderArticle8_2() {
    expect(
        eu("2B001", "CN").activity(Activity.TECHNICAL_ASSISTANCE).endUse(EndUse.WMD),
        Outcome.LICENCE_REQUIRED,
        "Art. 8(2) Regulation (EU) 2021/821");
  }

  @Test
  void transitOfAListedItemForWmdMayBeStopped() {
    expect(
        eu("2B001", "PK").activity(Activity.TRANSIT).endUse(EndUse.WMD),
        Outcome.LICENCE_REQUIRED,
        "Art. 7(1) and 7(3) Regulation (EU) 2021/821");
  }

  // ---- EU and UN restrictive measures

  @Test
  void dualUseItemsToRussiaAreProhibited() {
    expect(eu("2B001", "RU"), Outcome.PROHIBITED, "Art. 2 Regulation (EU) 833/2014");
  }

  @Test
  void dualUseItemsViaRussiaAreProhibitedInTransit() {
    Determination d = run(eu("2B001", "KZ").via("RU"));
    assertThat(d.outcome()).isEqualTo(Outcome.PROHIBITED);
    assertThat(d.reasons().get(0).explanation()).contains("transit via RU");
  }

  @Test
  void dualUseItemsToBelarusAreProhibited() {
    expect(eu("2B001", "BY"), Outcome.PROHIBITED, "Art. 1e Regulation (EC) 765/2006");
  }

  @Test
  void dualUseItemsToNorthKoreaAreProhibitedByTheEuAndTheUn() {
    Determination d = run(eu("2B001", "KP"));
    assertThat(d.outcome()).isEqualTo(Outcome.PROHIBITED);
    assertThat(d.cites("Art. 3(1)(a) Regulation (EU) 2017/1509")).isTrue();
    assertThat(d.cites("UN Security Council resolution 1718 (2006)")).isTrue();
  }

  @Test
  void iranDualUseBanDependsOnTheDate() {
    expect(eu("2B001", "IR"), Outcome.PROHIBITED, "Regulation (EU) 267/2012");
    Determination jcpoa = run(eu("2B001", "IR").asOf(LocalDate.of(2020, 1, 1)));
    assertThat(jcpoa.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
  }

  @Test
  void militaryItemsToChinaFallUnderThe1989ArmsEmbargo() {
    expect(eu("ML10", "CN"), Outcome.PROHIBITED, "Declaration on China");
  }

  @Test
  void militaryItemsToJapanNeedAnExportLicence() {
    expect(eu("ML10.a", "JP"), Outcome.LICENCE_REQUIRED, "Council Common Position 2008/944/CFSP");
  }

  @Test
  void militaryItemsWithinTheUnionNeedATransferLicence() {
    expect(
        eu("ML1", "FR").activity(Activity.INTRA_EU_TRANSFER),
        Outcome.LICENCE_REQUIRED,
        "Art. 4(1) Directive 2009/43/EC");
  }

  @Test
  void armsToLibyaAreProhibitedByTheSecurityCouncil() {
    expect(eu("ML4", "LY"), Outcome.PROHIBITED, "UN Security Council resolution 1970 (2011)");
  }

  @Test
  void lebanonEmbargoSparesTheGovernment() {
    expect(eu("ML3", "LB"), Outcome.PROHIBITED, "UN Security Council resolution 1701 (2006)");
    expect(
        eu("ML3", "LB").fact(TransactionFact.GOVERNMENT_END_USER),
        Outcome.LICENCE_REQUIRED,
        "Council Common Position 2008/944/CFSP");
  }

  @Test
  void eritreaArmsEmbargoEndedIn2018() {
    expect(
        eu("ML1", "ER").asOf(LocalDate.of(2015, 6, 1)),
        Outcome.PROHIBITED,
        "resolution 1907 (2009)");
    expect(
        eu("ML1", "ER").asOf(LocalDate.of(2020, 6, 1)),
        Outcome.LICENCE_REQUIRED,
        "Council Common Position 2008/944/CFSP");
  }

  @Test
  void myanmarBansDualUseItemsOnlyForMilitaryEndUse() {
    expect(
        eu("2B001", "MM").endUse(EndUse.MILITARY),
        Outcome.PROHIBITED,
        "Art. 3a Regulation (EU) 401/2013");
    expect(eu("2B001", "MM"), Outcome.LICENCE_REQUIRED, "Art. 3(1) Regulation (EU) 2021/821");
  }

  // ---- screening of parties

  @Test
  void assetFrozenPartyProhibitsTheLine() {
    expect(
        eu("NOT_LISTED", "TR").screening(PartyScreening.EU_UN_ASSET_FREEZE),
        Outcome.PROHIBITED,
        "Regulation (EU) 269/2014");
  }

  @Test
  void undecidedScreeningHitHoldsTheLine() {
    Determination d = run(eu("2B001", "JP").screening(PartyScreening.UNRESOLVED_HIT));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.generalAuthorisations()).isEmpty();
  }

  // ---- US: Commerce Country Chart (15 CFR 738.4, Part 742)

  @Test
  void machineToolToChinaNeedsALicenceForNationalSecurity() {
    expect(us("2B001.b", "CN"), Outcome.LICENCE_REQUIRED, "15 CFR 742.4 — NS2 X for CN");
    expect(us("2B001.b", "CN"), Outcome.LICENCE_REQUIRED, "15 CFR 742.3 — NP1 X for CN");
  }

  @Test
  void machineToolToGermanyNeedsNoLicence() {
    expect(us("2B001.b", "DE"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 738.4(a)(2)(ii)(B)");
  }

  @Test
  void paragraphSpecificControlsReachOnlyTheirParagraphs() {
    // NS1 applies only to 3A001.b.2/b.3; for 3A001.a.3 only NS2 and AT1 remain.
    expect(us("3A001.a.3", "DE"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 738.4(a)(2)(ii)(B)");
    expect(us("3A001.b.2", "DE"), Outcome.LICENCE_REQUIRED, "15 CFR 742.4 — NS1 X for DE");
  }

  @Test
  void gbsIsACandidateForUkraineWhereItsParagraphsAllowIt() {
    Determination d = run(us("3A001.a.3", "UA"));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.cites("15 CFR 742.4 — NS2 X for UA")).isTrue();
    assertThat(d.licenceExceptions()).contains("GBS");
  }

  @Test
  void encryptionToChinaNeedsNsAndEiLicencesWithEncAsCandidate() {
    Determination d = run(us("5A002.a.2", "CN"));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.cites("15 CFR 742.4 — NS1 X for CN")).isTrue();
    assertThat(d.cites("15 CFR 742.15")).isTrue();
    assertThat(d.licenceExceptions()).contains("ENC");
  }

  @Test
  void encryptionToCanadaNeedsNoLicence() {
    expect(us("5A002.a.2", "CA"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 738.4(a)(2)(ii)(B)");
  }

  @Test
  void chemicalPrecursorsToChinaFallUnderCb2() {
    Determination d = run(us("1C350", "CN"));
    assertThat(d.cites("15 CFR 742.2 — CB2 X for CN")).isTrue();
    assertThat(d.licenceExceptions()).isEmpty();
  }

  @Test
  void advancedChipsToTheEmiratesNeedALicenceByCountryGroupReferral() {
    expect(us("3A090.b", "AE"), Outcome.LICENCE_REQUIRED, "15 CFR 742.6(a)(6)(iii)(B)");
    expect(us("3A090.b", "DE"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 738.4(a)(2)(ii)(B)");
  }

  @Test
  void unReasonReachesUnArmsEmbargoedLibya() {
    expect(us("9A610.a", "LY"), Outcome.LICENCE_REQUIRED, "15 CFR 746.1(b)");
  }

  @Test
  void itarCrossReferenceIsNotClearedAutomatically() {
    expect(us("0A002", "DE"), Outcome.LICENCE_REQUIRED, "15 CFR 738.4(a)(1)");
  }

  @Test
  void firearmsToTheUnitedKingdomNeedALicenceUnderFootnote10() {
    // The UK row has no FC or NS mark; footnote 10 to Supp. 1 to Part 738 requires the licence.
    expect(us("0A501.a", "GB"), Outcome.LICENCE_REQUIRED, "Supplement No. 1, footnote 10");
    expect(us("0A501.a", "JP"), Outcome.LICENCE_REQUIRED, "15 CFR 742.4 — NS1 X for JP");
  }

  @Test
  void ear99ToGermanyNeedsNoLicence() {
    expect(us("EAR99", "DE"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 734.3(c)");
  }

  // ---- US: Part 746 embargoes and Part 744 end-use controls

  @Test
  void ear99ToCubaNeedsALicenceUnder746_2() {
    expect(us("EAR99", "CU"), Outcome.LICENCE_REQUIRED, "15 CFR 746.2(a)");
  }

  @Test
  void ear99ToSyriaNeedsALicenceThatSppMayRelieve() {
    Determination d = run(us("EAR99", "SY"));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.cites("15 CFR 746.9(a)")).isTrue();
    assertThat(d.licenceExceptions()).containsExactly("SPP");
    Determination before = run(us("EAR99", "SY").asOf(LocalDate.of(2025, 1, 1)));
    assertThat(before.licenceExceptions()).isEmpty();
    assertThat(before.cites("(2004 version)")).isTrue();
  }

  @Test
  void exportsToIranAreProhibitedByTheItsr() {
    expect(us("EAR99", "IR"), Outcome.PROHIBITED, "31 CFR 560.204");
  }

  @Test
  void ear99ToNorthKoreaNeedsALicenceUnder746_4() {
    expect(us("EAR99", "KP"), Outcome.LICENCE_REQUIRED, "15 CFR 746.4(a)");
  }

  @Test
  void cclItemsToRussiaNeedALicenceUnder746_8() {
    expect(us("2B001.b", "RU"), Outcome.LICENCE_REQUIRED, "15 CFR 746.8(a)(1)");
    Determination d = run(us("2B001.b", "RU"));
    assertThat(d.licenceExceptions()).isEmpty();
  }

  @Test
  void ear99ToRussiaForMilitaryEndUseNeedsALicenceUnder744_21() {
    expect(us("EAR99", "RU"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 734.3(c)");
    expect(us("EAR99", "RU").endUse(EndUse.MILITARY), Outcome.LICENCE_REQUIRED, "15 CFR 744.21(a)");
  }

  @Test
  void crimeaNeedsTheRegionToApply746_6() {
    expect(us("EAR99", "UA").region("UA-43"), Outcome.LICENCE_REQUIRED, "15 CFR 746.6(a)(1)");
    expect(us("EAR99", "UA"), Outcome.NO_LICENCE_REQUIRED, "15 CFR 734.3(c)");
  }

  @Test
  void knownWmdEndUseNeedsALicenceForEar99Items() {
    expect(
        us("EAR99", "PK").endUse(EndUse.WMD),
        Outcome.LICENCE_REQUIRED,
        "15 CFR 744.2, 744.3 and 744.4");
  }

  @Test
  void entityListPartyNeedsALicenceWithoutExceptions() {
    Determination d = run(us("3A001.a.3", "UA").screening(PartyScreening.US_ENTITY_LIST));
    assertThat(d.outcome()).isEqualTo(Outcome.LICENCE_REQUIRED);
    assertThat(d.cites("15 CFR 744.11")).isTrue();
    assertThat(d.licenceExceptions()).isEmpty();
  }

  @Test
  void deniedPersonProhibitsTheExport() {
    expect(
        us("EAR99", "DE").screening(PartyScreening.US_DENIED_PERSON),
        Outcome.PROHIBITED,
        "15 CFR 736.2(b)(4)");
  }

  // ---- both jurisdictions, versions

  @Test
  void strictestJurisdictionDecidesAndGeneralAuthorisationIsNamed() {
    Determination d =
        determiner.determine(
            DeterminationRequest.builder()
                .eu("3A001.a.3")
                .us("3A001.a.3")
                .to("JP")
                .asOf(US_DAY)
                .build());
    assertThat(d.byJurisdiction())
        .containsEntry(Jurisdiction.EU, Outcome.GENERAL_AUTHORISATION)
        .containsEntry(Jurisdiction.US, Outcome.NO_LICENCE_REQUIRED);
    assertThat(d.outcome()).isEqualTo(Outcome.GENERAL_AUTHORISATION);
    assertThat(d.generalAuthorisations()).containsExactly("EU001");
  }

  @Test
  void theCclVersionInForceDecidesWhetherAnEccnExists() {
    assertThatThrownBy(() -> run(us("2B999", "CN").asOf(LocalDate.of(2026, 8, 1))))
        .isInstanceOf(InvalidDeterminationRequest.class)
        .hasMessageContaining("2026-07-23");
    expect(us("2B999.a", "CN").asOf(DAY), Outcome.NO_LICENCE_REQUIRED, "15 CFR 738.4(a)(2)(ii)(B)");
  }

  @Test
  void unknownEuCodeIsRejectedWithTheListVersion() {
    assertThatThrownBy(() -> run(eu("3B999", "CN")))
        .isInstanceOf(InvalidDeterminationRequest.class)
        .hasMessageContaining("not on the EU dual-use list");
  }
}
