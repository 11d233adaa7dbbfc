package io.headhuntr.harvest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library's shape: a public surface in {@code io.headhuntr.harvest}, the machinery in {@code
 * internal}.
 */
class ArchitectureTest {
  // The build folder may be target-<name>, which the predefined DO_NOT_INCLUDE_TESTS option does
  // not know.
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("io.headhuntr.harvest");

  @Test
  void depends_on_nothing_but_the_jdk_and_jackson() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..", "javax.annotation..", "com.fasterxml.jackson..", "io.headhuntr.harvest..")
        .check(MAIN);
  }

  @Test
  void the_public_surface_exposes_no_internal_type() {
    codeUnits()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAnyPackage("io.headhuntr.harvest", "io.headhuntr.harvest.v3")
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should(mentionNoInternalType())
        .check(MAIN);
  }

  private static ArchCondition<JavaCodeUnit> mentionNoInternalType() {
    return new ArchCondition<>("mention no io.headhuntr.harvest.internal type") {
      @Override
      public void check(JavaCodeUnit unit, ConditionEvents events) {
        List<JavaClass> mentioned = new ArrayList<>(unit.getRawParameterTypes());
        mentioned.add(unit.getRawReturnType());
        for (JavaClass type : mentioned) {
          if (type.getPackageName().startsWith("io.headhuntr.harvest.internal")) {
            events.add(
                SimpleConditionEvent.violated(
                    unit, unit.getFullName() + " exposes " + type.getName()));
          }
        }
      }
    };
  }
}
