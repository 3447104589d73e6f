package org.openstc.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module map holds: feature modules use each other only through their APIs, no cycles. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(OpenStcApplication.class);

  @Test
  void featureModulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void enginesDoNotDependOnSpring() {
    JavaClasses engines =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openstc.screening", "org.openstc.controls");
    noClasses()
        .that()
        .resideInAnyPackage("org.openstc.screening..", "org.openstc.controls..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "org.openstc.server..")
        .allowEmptyShould(true)
        .check(engines);
  }
}
