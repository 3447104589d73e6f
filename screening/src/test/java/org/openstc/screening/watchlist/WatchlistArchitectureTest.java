package org.openstc.screening.watchlist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The watchlist model and readers stay a plain library the matcher and the server build on. */
class WatchlistArchitectureTest {

  private static final JavaClasses WATCHLIST =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openstc.screening.watchlist");

  @Test
  void watchlistDependsNeitherOnTheMatcherNorOnAFramework() {
    noClasses()
        .that()
        .resideInAPackage("org.openstc.screening.watchlist..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.openstc.screening.matching..",
            "org.openstc.server..",
            "org.springframework..",
            "jakarta..")
        .check(WATCHLIST);
  }

  @Test
  void readersAreInternalOnlyTheFacadeIsPublic() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Reader")
        .and()
        .resideInAPackage("org.openstc.screening.watchlist")
        .should()
        .bePublic()
        .check(WATCHLIST);
  }
}
