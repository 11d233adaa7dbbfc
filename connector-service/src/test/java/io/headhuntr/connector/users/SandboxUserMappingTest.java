package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import and verification against the Greenhouse sandbox (its export, its users, its permissions).
 */
class SandboxUserMappingTest {

  private static final String KEY = "sandbox-all";
  private static final String LIST_ONLY_KEY = "sandbox-list-users-only";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GreenhouseSandbox sandbox;
  private static List<User> greenhouseUsers;

  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final UserDirectory directory = new UserDirectory(jdbi, Clock.systemUTC());
  private UUID tenant;

  @BeforeAll
  static void startSandbox() {
    sandbox =
        GreenhouseSandbox.builder().port(0).apiKey(KEY).seed(SandboxSeed.DEMO).rateLimit(0).start();
    sandbox.addApiKey(LIST_ONLY_KEY, Set.of("GET: List Users"));
    greenhouseUsers = client(KEY).users().list(UserFilter.all()).toList();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newTenant() {
    tenant = TestTenant.create(jdbi);
  }

  private static HarvestClient client(String key) {
    return HarvestClient.builder().apiKey(HarvestApiKey.of(key)).baseUrl(sandbox.baseUrl()).build();
  }

  private static User active(int n) {
    return greenhouseUsers.stream().filter(u -> !u.disabled()).skip(n).findFirst().orElseThrow();
  }

  private static User disabled() {
    return greenhouseUsers.stream().filter(User::disabled).findFirst().orElseThrow();
  }

  private void platformUsers(User... users) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < users.length; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"id\":\"p")
          .append(i + 1)
          .append("\",\"email\":\"")
          .append(users[i].primaryEmailAddress().toUpperCase())
          .append("\"}");
    }
    directory.replaceUsers(tenant, json(body.append("]").toString()));
  }

  @Test
  void the_sandboxs_own_users_export_is_read_and_matched() throws Exception {
    byte[] export =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/users/export.xlsx"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    platformUsers(active(0), active(1), disabled());

    ImportPreview preview = directory.preview(tenant, export, "users.xlsx");

    assertThat(preview.format()).isEqualTo("xlsx");
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.rowsRead()).isEqualTo(greenhouseUsers.size());
    assertThat(preview.matched())
        .extracting(ImportPreview.Match::platformUserId, ImportPreview.Match::greenhouseUserId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", active(0).id()),
            org.assertj.core.groups.Tuple.tuple("p2", active(1).id()),
            org.assertj.core.groups.Tuple.tuple("p3", disabled().id()));
    assertThat(preview.matched().get(2).disabledInExport()).isTrue();
    assertThat(preview.matched().get(0).disabledInExport()).isFalse();
    assertThat(preview.mappings())
        .extracting(ImportPreview.ProposedMapping::platformUserId)
        .containsExactly("p1", "p2");
    assertThat(preview.warnings())
        .singleElement()
        .asString()
        .startsWith("p3 matches row")
        .contains("disabled");
  }

  @Test
  void verification_finds_active_disabled_and_unknown_ids() {
    platformUsers(active(0), active(1), disabled());
    String body =
        "[{\"platform_user_id\":\"p1\",\"greenhouse_user_id\":"
            + active(0).id()
            + "},"
            + "{\"platform_user_id\":\"p2\",\"greenhouse_user_id\":987654321},"
            + "{\"platform_user_id\":\"p3\",\"greenhouse_user_id\":"
            + disabled().id()
            + "}]";
    directory.saveMappings(tenant, json(body), Optional.empty());

    List<UserMappingRow> rows =
        directory.reverify(
            tenant, Optional.of(new PortUserLookup(new HarvestV1Adapter(client(KEY)))));

    assertThat(rows)
        .extracting(UserMappingRow::platformUserId, UserMappingRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", MappingStatus.VERIFIED),
            org.assertj.core.groups.Tuple.tuple("p2", MappingStatus.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple("p3", MappingStatus.DISABLED));
    assertThat(rows.get(0).message()).contains(active(0).name());
    assertThat(directory.verifiedMappedUsers(tenant)).isEqualTo(1);
  }

  @Test
  void saving_an_unknown_or_disabled_id_is_refused_against_greenhouse() {
    platformUsers(active(0), disabled());
    Optional<GreenhouseUserLookup> greenhouse =
        Optional.of(new PortUserLookup(new HarvestV1Adapter(client(KEY))));

    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json("[{\"platform_user_id\":\"p1\",\"greenhouse_user_id\":987654321}]"),
                    greenhouse))
        .hasMessageContaining("no user with id 987654321");
    assertThatThrownBy(
            () ->
                directory.saveMappings(
                    tenant,
                    json(
                        "[{\"platform_user_id\":\"p2\",\"greenhouse_user_id\":"
                            + disabled().id()
                            + "}]"),
                    greenhouse))
        .hasMessageContaining("is deactivated");
    assertThat(directory.mappings(tenant))
        .extracting(UserMappingRow::status)
        .containsOnly(MappingStatus.UNMAPPED);
  }

  @Test
  void a_key_with_only_list_users_still_verifies() {
    platformUsers(active(0));

    List<UserMappingRow> rows =
        directory.saveMappings(
            tenant,
            json("[{\"platform_user_id\":\"p1\",\"greenhouse_user_id\":" + active(0).id() + "}]"),
            Optional.of(new PortUserLookup(new HarvestV1Adapter(client(LIST_ONLY_KEY)))));

    assertThat(rows.get(0).status()).isEqualTo(MappingStatus.VERIFIED);
  }

  @Test
  void many_ids_are_verified_with_one_pass_over_the_users_list() {
    List<User> five = greenhouseUsers.stream().filter(u -> !u.disabled()).limit(5).toList();
    platformUsers(five.toArray(User[]::new));
    String body =
        "["
            + java.util.stream.IntStream.range(0, 5)
                .mapToObj(
                    i ->
                        "{\"platform_user_id\":\"p"
                            + (i + 1)
                            + "\",\"greenhouse_user_id\":"
                            + five.get(i).id()
                            + "}")
                .collect(Collectors.joining(","))
            + "]";
    long before = sandbox.requestCount(KEY);

    directory.saveMappings(
        tenant, json(body), Optional.of(new PortUserLookup(new HarvestV1Adapter(client(KEY)))));

    assertThat(sandbox.requestCount(KEY) - before).isEqualTo(1);
    assertThat(directory.verifiedMappedUsers(tenant)).isEqualTo(5);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
