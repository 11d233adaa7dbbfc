package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.api.ProblemException;
import io.headhuntr.connector.store.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final UserDirectory directory = new UserDirectory(jdbi, Clock.fixed(NOW, ZoneOffset.UTC));
  private final FakeGreenhouse greenhouse = new FakeGreenhouse();
  private UUID tenant;

  @BeforeEach
  void tenantWithTwoUsers() {
    tenant = TestTenant.create(jdbi);
    directory.replaceUsers(
        tenant,
        json(
            "[{\"id\":\"u1\",\"email\":\"ada@acme.example\",\"name\":\"Ada\"},"
                + "{\"id\":\"u2\",\"email\":\"bob@acme.example\",\"name\":\"Bob\"}]"));
    greenhouse.users.put(
        100L, new GreenhouseUserLookup.GreenhouseUser(100, "Ada L", "ada@acme.example", false));
    greenhouse.users.put(
        200L, new GreenhouseUserLookup.GreenhouseUser(200, "Bob S", "bob@acme.example", false));
    greenhouse.users.put(
        300L, new GreenhouseUserLookup.GreenhouseUser(300, "Old Timer", "old@acme.example", true));
  }

  @Test
  void replacing_users_validates_every_row_and_saves_nothing_on_error() {
    assertRefused(
        "[{\"id\":\"u3\",\"email\":\"c@acme.example\"},{\"id\":\"\",\"email\":\"d@acme.example\"}]",
        "users[1].id",
        "id is missing");
    assertRefused(
        "[{\"id\":\"u3\",\"email\":\"c@acme.example\"},{\"id\":\"u4\",\"email\":\"nope\"}]",
        "users[1].email",
        "'nope' is not an email address");
    assertRefused(
        "[{\"id\":\"u3\",\"email\":\"c@acme.example\"},{\"id\":\"u3\",\"email\":\"d@acme.example\"}]",
        "users[1].id",
        "also users[0]");
    assertRefused(
        "[{\"id\":\"u3\",\"email\":\"c@acme.example\"},{\"id\":\"u4\",\"email\":\"C@ACME.example\"}]",
        "users[1].email",
        "two users cannot share an email");
    assertRefused("{\"id\":\"u3\"}", "users", "JSON array");

    assertThat(directory.users(tenant)).extracting(PlatformUser::id).containsExactly("u1", "u2");
  }

  @Test
  void every_bad_row_is_named_in_one_answer() {
    assertThatThrownBy(
            () ->
                directory.replaceUsers(
                    tenant,
                    json(
                        "[{\"id\":\"u3\",\"email\":\"bad\"},{\"id\":\"u4\",\"email\":\"ok@acme.example\"},"
                            + "{\"email\":\"z@acme.example\"}]")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.field()).contains("users[0].email");
              assertThat(e.getMessage())
                  .startsWith("2 problems, nothing was saved")
                  .contains("users[0].email: 'bad' is not an email address")
                  .contains("users[2].id: id is missing");
            });
  }

  @Test
  void replacing_users_keeps_mappings_of_kept_users_and_drops_the_others() {
    directory.saveMappings(
        tenant,
        json(
            "[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":100},"
                + "{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":200}]"),
        Optional.of(greenhouse));

    // u1 and u3 swap nothing; u2 goes; two users may swap emails in one replacement
    directory.replaceUsers(
        tenant,
        json(
            "[{\"id\":\"u1\",\"email\":\"bob@acme.example\"},"
                + "{\"id\":\"u3\",\"email\":\"ada@acme.example\"}]"));

    assertThat(directory.mappings(tenant))
        .extracting(
            UserMappingRow::platformUserId,
            UserMappingRow::greenhouseUserId,
            UserMappingRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("u1", 100L, MappingStatus.VERIFIED),
            org.assertj.core.groups.Tuple.tuple("u3", null, MappingStatus.UNMAPPED));
  }

  @Test
  void saving_a_mapping_verifies_each_id_and_lists_one_row_per_user() {
    List<UserMappingRow> rows =
        directory.saveMappings(
            tenant,
            json("[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":\"100\"}]"),
            Optional.of(greenhouse));

    assertThat(rows).hasSize(2);
    UserMappingRow ada = rows.get(0);
    assertThat(ada.platformUserId()).isEqualTo("u1");
    assertThat(ada.email()).isEqualTo("ada@acme.example");
    assertThat(ada.greenhouseUserId()).isEqualTo(100L);
    assertThat(ada.status()).isEqualTo(MappingStatus.VERIFIED);
    assertThat(ada.verifiedAt()).isEqualTo(NOW);
    assertThat(ada.message()).contains("Ada L");
    assertThat(rows.get(1).status()).isEqualTo(MappingStatus.UNMAPPED);
    assertThat(directory.verifiedMappedUsers(tenant)).isEqualTo(1);
  }

  @Test
  void an_id_greenhouse_does_not_have_refuses_the_request_and_keeps_what_was_saved() {
    directory.saveMappings(
        tenant,
        json("[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":100}]"),
        Optional.of(greenhouse));

    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json(
                        "[{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":200},"
                            + "{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":999}]"),
                    Optional.of(greenhouse)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.field()).contains("mappings[1].greenhouse_user_id");
              assertThat(e.getMessage())
                  .contains("no user with id 999")
                  .contains("Nothing was saved");
            });

    assertThat(directory.mappings(tenant))
        .extracting(UserMappingRow::greenhouseUserId)
        .containsExactly(100L, null);
  }

  @Test
  void a_deactivated_greenhouse_user_is_refused_with_a_reason() {
    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json("[{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":300}]"),
                    Optional.of(greenhouse)))
        .hasMessageContaining("Old Timer")
        .hasMessageContaining("is deactivated");
    assertThat(directory.verifiedMappedUsers(tenant)).isZero();
  }

  @Test
  void rows_naming_unknown_users_or_non_numeric_ids_are_refused() {
    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json("[{\"platform_user_id\":\"ghost\",\"greenhouse_user_id\":100}]"),
                    Optional.of(greenhouse)))
        .hasMessageContaining("no platform user 'ghost'");
    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json("[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":\"12a\"}]"),
                    Optional.of(greenhouse)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.field()).contains("mappings[0].greenhouse_user_id"));
  }

  @Test
  void without_a_credential_ids_are_stored_unverified_and_a_later_check_finds_their_state() {
    directory.saveMappings(
        tenant,
        json(
            "[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":300},"
                + "{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":999}]"),
        Optional.empty());
    assertThat(directory.mappings(tenant))
        .extracting(UserMappingRow::status)
        .containsExactly(MappingStatus.UNVERIFIED, MappingStatus.UNVERIFIED);
    assertThat(directory.mappings(tenant).get(0).message()).contains("no Greenhouse credential");

    assertThatThrownBy(() -> directory.reverify(tenant, Optional.empty()))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));

    List<UserMappingRow> checked = directory.reverify(tenant, Optional.of(greenhouse));

    assertThat(checked)
        .extracting(UserMappingRow::status)
        .containsExactly(MappingStatus.DISABLED, MappingStatus.NOT_FOUND);
    assertThat(checked.get(1).message()).contains("no user with id 999");
    assertThat(directory.verifiedMappedUsers(tenant)).isZero();
  }

  @Test
  void a_null_id_clears_a_mapping() {
    directory.saveMappings(
        tenant,
        json("[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":100}]"),
        Optional.of(greenhouse));
    directory.saveMappings(
        tenant,
        json("[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":null}]"),
        Optional.of(greenhouse));

    assertThat(directory.mappings(tenant).get(0).status()).isEqualTo(MappingStatus.UNMAPPED);
  }

  @Test
  void many_ids_are_verified_in_one_lookup() {
    directory.saveMappings(
        tenant,
        json(
            "[{\"platform_user_id\":\"u1\",\"greenhouse_user_id\":100},"
                + "{\"platform_user_id\":\"u2\",\"greenhouse_user_id\":200}]"),
        Optional.of(greenhouse));

    assertThat(greenhouse.calls).isEqualTo(1);
  }

  private void assertRefused(String body, String field, String message) {
    assertThatThrownBy(() -> directory.replaceUsers(tenant, json(body)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.field()).contains(field);
              assertThat(e.getMessage()).contains(message);
            });
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Greenhouse's users as a map; counts lookups. */
  private static final class FakeGreenhouse implements GreenhouseUserLookup {
    final Map<Long, GreenhouseUser> users = new HashMap<>();
    int calls;

    @Override
    public Map<Long, GreenhouseUser> find(Collection<Long> ids) {
      calls++;
      Map<Long, GreenhouseUser> found = new HashMap<>();
      ids.forEach(id -> Optional.ofNullable(users.get(id)).ifPresent(u -> found.put(id, u)));
      return found;
    }
  }
}
