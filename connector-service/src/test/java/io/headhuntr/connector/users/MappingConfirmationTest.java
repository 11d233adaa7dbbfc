package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.TestApp;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform user mapped to a Greenhouse user with another email would have pushes written as
 * somebody else: the mapping is flagged {@code email_mismatch}, pushes cannot use it, and only an
 * admin's confirmation (for that Greenhouse user and email) makes it usable.
 */
class MappingConfirmationTest {
  private static final String KEY = "mapping-confirmation";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GreenhouseSandbox sandbox;
  private static List<User> active;

  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final UserDirectory directory = new UserDirectory(jdbi, Clock.systemUTC());
  private UUID tenant;

  @BeforeAll
  static void startSandbox() {
    sandbox =
        GreenhouseSandbox.builder().port(0).apiKey(KEY).seed(SandboxSeed.DEMO).rateLimit(0).start();
    active =
        HarvestClient.builder()
            .apiKey(HarvestApiKey.of(KEY))
            .baseUrl(sandbox.baseUrl())
            .build()
            .users()
            .list(UserFilter.all())
            .filter(u -> !u.disabled())
            .toList();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newTenant() throws Exception {
    tenant = TestTenant.create(jdbi);
    directory.replaceUsers(
        tenant,
        JSON.readTree(
            "[{\"id\":\"same\",\"email\":\""
                + active.get(0).primaryEmailAddress().toUpperCase()
                + "\"},{\"id\":\"other\",\"email\":\"someone.else@elsewhere.example\"}]"));
  }

  private Optional<GreenhouseUserLookup> greenhouse() {
    return Optional.of(
        new PortUserLookup(
            new HarvestV1Adapter(
                HarvestClient.builder()
                    .apiKey(HarvestApiKey.of(KEY))
                    .baseUrl(sandbox.baseUrl())
                    .build())));
  }

  private UserMappingRow save(String platformUser, long greenhouseUser) throws Exception {
    directory.saveMappings(
        tenant,
        JSON.readTree(
            "[{\"platform_user_id\":\""
                + platformUser
                + "\",\"greenhouse_user_id\":"
                + greenhouseUser
                + "}]"),
        greenhouse());
    return row(platformUser);
  }

  private UserMappingRow row(String platformUser) {
    return directory.mappings(tenant).stream()
        .filter(r -> r.platformUserId().equals(platformUser))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void the_same_email_in_another_case_is_verified_at_once() throws Exception {
    assertThat(save("same", active.get(0).id()).status()).isEqualTo(MappingStatus.VERIFIED);
  }

  @Test
  void another_email_is_flagged_until_an_admin_confirms_the_pair() throws Exception {
    User greenhouseUser = active.get(1);
    UserMappingRow flagged = save("other", greenhouseUser.id());
    assertThat(flagged.status()).isEqualTo(MappingStatus.EMAIL_MISMATCH);
    assertThat(flagged.message())
        .contains(greenhouseUser.primaryEmailAddress())
        .contains("someone.else@elsewhere.example")
        .contains("/user-mappings/other/confirm");
    assertThat(directory.verifiedMappedUsers(tenant)).isZero();

    UserMappingRow confirmed =
        directory.confirmMismatch(tenant, "other", greenhouse()).stream()
            .filter(r -> r.platformUserId().equals("other"))
            .findFirst()
            .orElseThrow();
    assertThat(confirmed.status()).isEqualTo(MappingStatus.VERIFIED);
    assertThat(confirmed.message()).contains("an admin confirmed");

    directory.reverify(tenant, greenhouse());
    assertThat(row("other").status())
        .as("a confirmation survives verification while the pair is unchanged")
        .isEqualTo(MappingStatus.VERIFIED);

    assertThat(save("other", active.get(2).id()).status())
        .as("a confirmation does not carry over to another Greenhouse user")
        .isEqualTo(MappingStatus.EMAIL_MISMATCH);
  }

  @Test
  void there_is_nothing_to_confirm_for_an_unmapped_user() {
    assertThatThrownBy(() -> directory.confirmMismatch(tenant, "other", greenhouse()))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("has no Greenhouse user mapped");
  }

  @Test
  void only_the_admin_token_may_confirm() {
    try (TestApp app = TestApp.start()) {
      String id = app.createTenant("Confirm Co");
      String path = "/api/v1/tenants/" + id + "/user-mappings/p1/confirm";
      assertThat(app.post(path, app.createToken(id), Map.of()).status()).isEqualTo(403);
      assertThat(app.post(path, app.admin(), Map.of()).status())
          .as("the admin passes the guard; p1 has no mapping")
          .isEqualTo(404);
    }
  }
}
