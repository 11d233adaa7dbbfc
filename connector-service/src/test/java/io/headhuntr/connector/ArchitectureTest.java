package io.headhuntr.connector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 4: api calls capabilities and never SQL; capabilities keep to their own insides.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // the build folder's name varies (target-<name>), so match test-classes anywhere
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("io.headhuntr.connector");
  }

  @Test
  void the_api_never_touches_sql() {
    noClasses()
        .that()
        .resideInAPackage("io.headhuntr.connector.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "org.flywaydb..")
        .because("api calls capabilities, never SQL (DESIGN section 4)")
        .check(classes);
  }

  @Test
  void the_console_never_touches_sql() {
    noClasses()
        .that()
        .resideInAPackage("io.headhuntr.connector.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "org.flywaydb..")
        .because("the console calls the capabilities the API calls, never SQL (DESIGN section 4)")
        .check(classes);
  }

  @Test
  void the_store_depends_on_no_capability() {
    noClasses()
        .that()
        .resideInAPackage("io.headhuntr.connector.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.headhuntr.connector.api..",
            "io.headhuntr.connector.tenant..",
            "io.headhuntr.connector.credentials..",
            "io.headhuntr.connector.users..",
            "io.headhuntr.connector.webhooks..")
        .check(classes);
  }

  @Test
  void tenant_activation_gets_its_checks_injected_rather_than_reaching_into_capabilities() {
    noClasses()
        .that()
        .resideInAPackage("io.headhuntr.connector.tenant..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.headhuntr.connector.credentials..",
            "io.headhuntr.connector.users..",
            "io.headhuntr.connector.webhooks..")
        .check(classes);
  }

  @Test
  void credentials_know_nothing_of_tenants_users_or_webhooks() {
    noClasses()
        .that()
        .resideInAPackage("io.headhuntr.connector.credentials..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.headhuntr.connector.tenant..",
            "io.headhuntr.connector.users..",
            "io.headhuntr.connector.webhooks..")
        .check(classes);
  }

  @Test
  void capabilities_do_not_depend_on_the_composition_root() {
    // demo and cli are entry points of their own (they start or call the service)
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.headhuntr.connector.api..",
            "io.headhuntr.connector.store..",
            "io.headhuntr.connector.tenant..",
            "io.headhuntr.connector.credentials..",
            "io.headhuntr.connector.users..",
            "io.headhuntr.connector.webhooks..")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(App.class, Main.class, Service.class, ConnectorConfig.class)
        .check(classes);
  }

  @Test
  void only_the_greenhouse_port_sees_a_harvest_version() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.headhuntr.connector.greenhouse..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.headhuntr.harvest..")
        .because(
            "capabilities reach Greenhouse through the port in io.headhuntr.connector.greenhouse,"
                + " whose adapters alone speak a Harvest version (issue 12)")
        .check(classes);
  }

  @Test
  void no_one_uses_the_harvest_clients_internals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.headhuntr.harvest.internal..")
        .check(classes);
  }
}
