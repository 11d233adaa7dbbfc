package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headhuntr.connector.Api;
import io.headhuntr.connector.greenhouse.HarvestV1Adapter;
import io.headhuntr.connector.store.TestDatabase;
import io.headhuntr.harvest.HarvestApiKey;
import io.headhuntr.harvest.HarvestClient;
import io.headhuntr.harvest.User;
import io.headhuntr.harvest.UserFilter;
import io.headhuntr.sandbox.GreenhouseSandbox;
import io.headhuntr.sandbox.SandboxSeed;
import io.headhuntr.sandbox.oauth.ClientCredentials;
import io.headhuntr.sandbox.oauth.ClientKind;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Import and verification against the Greenhouse sandbox (its export, its users, its permissions),
 * verifying over Harvest v1 (a key) and v3 (client credentials).
 */
class SandboxUserMappingTest {

  private static final String KEY = "sandbox-all";
  private static final String LIST_ONLY_KEY = "sandbox-list-users-only";
  private static final ClientCredentials LIST_ONLY_CLIENT =
      new ClientCredentials("sandbox-list-users-only-client", "list-users-only-secret-6d1f");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GreenhouseSandbox sandbox;
  private static List<User> greenhouseUsers;

  private final Jdbi jdbi = TestDatabase.shared().jdbi();
  private final UserDirectory directory = new UserDirectory(jdbi, Clock.systemUTC());
  private UUID tenant;

  @BeforeAll
  static void startSandbox() {
    sandbox =
        GreenhouseSandbox.builder()
            .port(0)
            .apiKey(KEY)
            .seed(SandboxSeed.DEMO)
            .rateLimit(0)
            .v3RateLimit(0)
            .start();
    sandbox.addApiKey(LIST_ONLY_KEY, Set.of("GET: List Users"));
    sandbox.addOAuthClient(
        LIST_ONLY_CLIENT.clientId(),
        LIST_ONLY_CLIENT.secret().value(),
        ClientKind.CUSTOM,
        Set.of("harvest:users:list"),
        null);
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

  /** Users looked up through the tenant's Greenhouse: v1 with the full key, v3 its client. */
  private static Optional<GreenhouseUserLookup> lookup(Api api) {
    return Optional.of(new PortUserLookup(api.greenhouse(sandbox, KEY)));
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

  @ParameterizedTest
  @EnumSource(Api.class)
  void verification_finds_active_disabled_and_unknown_ids(Api api) {
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

    List<UserMappingRow> rows = directory.reverify(tenant, lookup(api));

    assertThat(rows)
        .extracting(UserMappingRow::platformUserId, UserMappingRow::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("p1", MappingStatus.VERIFIED),
            org.assertj.core.groups.Tuple.tuple("p2", MappingStatus.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple("p3", MappingStatus.DISABLED));
    assertThat(rows.get(0).message()).contains(active(0).name());
    assertThat(directory.verifiedMappedUsers(tenant)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void saving_an_unknown_or_disabled_id_is_refused_against_greenhouse(Api api) {
    platformUsers(active(0), disabled());
    Optional<GreenhouseUserLookup> greenhouse = lookup(api);

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

  @ParameterizedTest
  @EnumSource(Api.class)
  void a_key_with_only_list_users_still_verifies(Api api) {
    platformUsers(active(0));

    List<UserMappingRow> rows =
        directory.saveMappings(
            tenant,
            json("[{\"platform_user_id\":\"p1\",\"greenhouse_user_id\":" + active(0).id() + "}]"),
            Optional.of(
                new PortUserLookup(
                    api == Api.V1
                        ? new HarvestV1Adapter(client(LIST_ONLY_KEY))
                        : api.greenhouse(sandbox, LIST_ONLY_KEY, LIST_ONLY_CLIENT))));

    assertThat(rows.get(0).status()).isEqualTo(MappingStatus.VERIFIED);
  }

  /** v1: one page of the users list; v3: one {@code GET /v3/users?ids=} for up to 50 ids. */
  @ParameterizedTest
  @EnumSource(Api.class)
  void many_ids_are_verified_with_one_call(Api api) {
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
    Optional<GreenhouseUserLookup> greenhouse = lookup(api);
    long before = api.requestCount(sandbox, KEY);

    directory.saveMappings(tenant, json(body), greenhouse);

    assertThat(api.requestCount(sandbox, KEY) - before).isEqualTo(1);
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
