package org.openstc.controls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.openstc.controls.determination.Policy;

class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openstc.controls");

  @Test
  void engineDoesNotDependOnSpringOrTheServer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.openstc.server..", "jakarta.persistence..")
        .check(classes);
  }

  @Test
  void policiesAreRecords() {
    classes().that().implement(Policy.class).should().beRecords().check(classes);
  }

  @Test
  void subPackagesDoNotReachBackIntoTheFacade() {
    noClasses()
        .that()
        .resideInAnyPackage("org.openstc.controls.(*)..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.openstc.controls")
        .check(classes);
  }
}
