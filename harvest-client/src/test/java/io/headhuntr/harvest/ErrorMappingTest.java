package io.headhuntr.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
  @StartStop final MockWebServer greenhouse = new MockWebServer();
  final FakeTime time = new FakeTime();
  HarvestClient harvest;
  HarvestClient.Acting asUser;

  @BeforeEach
  void connect() {
    harvest = TestClients.client(greenhouse, time);
    asUser = harvest.onBehalfOf(TestClients.ACTING_USER);
  }

  private void answer(int code, String body) {
    greenhouse.enqueue(new MockResponse.Builder().code(code).body(body).build());
  }

  @Test
  void a_401_says_to_check_the_key_and_its_permissions() {
    answer(401, "{\"message\":\"Invalid Basic Auth credentials\"}");

    assertThatThrownBy(() -> harvest.users().list(UserFilter.byEmail("jane@example.com")).toList())
        .isInstanceOfSatisfying(
            HarvestUnauthorizedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.method()).isEqualTo("GET");
              assertThat(e.path()).isEqualTo("/v1/users");
              assertThat(e.getMessage())
                  .contains(
                      "GET /v1/users -> 401", "Invalid Basic Auth credentials", "Harvest API key")
                  .doesNotContain("jane@example.com")
                  .doesNotContain(TestClients.DOCS_KEY);
            });
  }

  @Test
  void a_403_says_which_permission_or_user_to_fix() {
    answer(403, "");

    assertThatThrownBy(
            () -> asUser.applications().update(7, ApplicationPatch.empty().withSource(1)))
        .isInstanceOfSatisfying(
            HarvestForbiddenException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("PATCH /v1/applications/7 -> 403", "Grant this endpoint"));
  }

  @Test
  void a_404_on_a_write_points_at_the_acting_user_too() {
    answer(404, "{\"message\":\"Resource not found\"}");

    assertThatThrownBy(
            () -> asUser.candidates().addNote(3, new NewNote(9, "Met at a meetup", "private")))
        .isInstanceOfSatisfying(
            HarvestNotFoundException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "POST /v1/candidates/3/activity_feed/notes -> 404",
                        "Resource not found",
                        "acting user id"));
  }

  @Test
  void a_404_with_only_an_error_list_still_quotes_greenhouse() {
    answer(404, "{\"errors\":[{\"message\":\"Not found\"}]}");

    assertThatThrownBy(() -> harvest.candidates().get(3))
        .isInstanceOf(HarvestNotFoundException.class)
        .hasMessageContaining("\"Not found\"");
  }

  @Test
  void a_422_with_message_and_errors_lists_each_field() {
    answer(
        422,
        "{\"message\":\"Validation error\",\"errors\":[{\"message\":\"Must be one of: candidate, prospect\","
            + "\"field\":\"type\"},{\"message\":\"can't be blank\",\"field\":\"first_name\"}]}");

    assertThatThrownBy(
            () ->
                asUser
                    .candidates()
                    .addAttachment(
                        3, NewAttachment.ofUrl("cv.pdf", "resume", "https://x.test/cv.pdf")))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e -> {
              assertThat(e.greenhouseMessage()).isEqualTo("Validation error");
              assertThat(e.fieldErrors())
                  .containsExactly(
                      new FieldError("type", "Must be one of: candidate, prospect"),
                      new FieldError("first_name", "can't be blank"));
              assertThat(e.getMessage())
                  .contains(
                      "POST /v1/candidates/3/attachments -> 422",
                      "type: Must be one of",
                      "Fix the listed fields");
            });
  }

  @Test
  void a_422_with_only_errors_and_no_message_is_read_too() {
    answer(422, "{\"errors\":[{\"message\":\"Missing required field: body\",\"field\":\"body\"}]}");

    assertThatThrownBy(() -> asUser.candidates().addNote(3, new NewNote(9, "x", "public")))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e -> {
              assertThat(e.greenhouseMessage()).isNull();
              assertThat(e.fieldErrors())
                  .containsExactly(new FieldError("body", "Missing required field: body"));
              assertThat(e.getMessage()).contains("body: Missing required field: body");
            });
  }

  @Test
  void a_state_error_without_field_keeps_its_message() {
    answer(
        422,
        "{\"errors\":[{\"message\":\"Application must be 'rejected', is currently 'active'\"}]}");

    assertThatThrownBy(() -> asUser.applications().update(3, ApplicationPatch.empty()))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactly(
                        new FieldError(
                            null, "Application must be 'rejected', is currently 'active'")));
  }

  @Test
  void a_success_status_carrying_only_errors_is_a_validation_failure() {
    answer(201, "{\"errors\":[{\"message\":\"Not found\"}]}");

    assertThatThrownBy(
            () ->
                asUser.candidates().addApplication(3, NewApplication.prospect(java.util.List.of())))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::message)
                    .containsExactly("Not found"));
  }

  @Test
  void a_create_answered_with_an_unreadable_body_may_have_been_applied() {
    answer(201, "<html>Created</html>");

    assertThatThrownBy(() -> asUser.prospects().create(NewProspect.of("Bob", "Example")))
        .isInstanceOfSatisfying(
            HarvestTransportException.class,
            e -> {
              assertThat(e.mayHaveApplied()).isTrue();
              assertThat(e.getMessage())
                  .contains("POST /v1/prospects", "201", "not the expected JSON");
            });
  }

  @Test
  void a_read_answered_with_an_unreadable_body_changed_nothing() {
    answer(200, "<html>maintenance</html>");

    assertThatThrownBy(() -> harvest.jobs().get(1))
        .isInstanceOfSatisfying(
            HarvestTransportException.class, e -> assertThat(e.mayHaveApplied()).isFalse());
  }

  @Test
  void a_body_that_is_not_json_does_not_leak_into_the_message() {
    answer(500, "<html>Internal error for candidate jane@example.com</html>");
    answer(500, "<html>Internal error for candidate jane@example.com</html>");
    answer(500, "<html>Internal error for candidate jane@example.com</html>");
    answer(500, "<html>Internal error for candidate jane@example.com</html>");

    assertThatThrownBy(() -> harvest.candidates().get(3))
        .isInstanceOf(HarvestServerException.class)
        .message()
        .doesNotContain("jane@example.com")
        .contains("GET /v1/candidates/3 -> 500");
  }

  @Test
  void a_request_body_never_appears_in_an_error() {
    answer(422, "{\"message\":\"Validation error\",\"errors\":[]}");

    NewCandidate secretive =
        new NewCandidate(
            "Private",
            "Person",
            null,
            null,
            null,
            null,
            null,
            java.util.List.of(ContactDetail.of("private.person@example.com", "personal")),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            java.util.List.of(NewApplication.forJob(1)));
    assertThatThrownBy(() -> asUser.candidates().create(secretive))
        .isInstanceOf(HarvestValidationException.class)
        .message()
        .doesNotContain("private.person@example.com")
        .doesNotContain("Private");
  }

  @Test
  void the_documented_error_bodies_map_to_their_exceptions() throws Exception {
    assumeTrue(SharedExamples.folder().isPresent(), SharedExamples.SKIPPED);
    java.nio.file.Path dir = SharedExamples.folder().orElseThrow();
    java.util.function.Function<String, String> example =
        name -> {
          try {
            return java.nio.file.Files.readString(dir.resolve(name));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };

    answer(404, example.apply("harvest-error-404-resource-not-found.json"));
    assertThatThrownBy(() -> harvest.candidates().get(1))
        .isInstanceOf(HarvestNotFoundException.class)
        .hasMessageContaining("Resource not found");

    answer(422, example.apply("harvest-error-422-missing-field.json"));
    assertThatThrownBy(() -> asUser.candidates().addNote(1, new NewNote(1, "x", "public")))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsExactly(new FieldError("body", "Missing required field: body")));

    answer(422, example.apply("harvest-error-validation-422.json"));
    assertThatThrownBy(() -> asUser.candidates().addNote(1, new NewNote(1, "x", "public")))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e -> {
              assertThat(e.greenhouseMessage()).isEqualTo("Validation error");
              assertThat(e.fieldErrors())
                  .containsExactly(new FieldError("type", "Must be one of: candidate, prospect"));
            });

    answer(422, example.apply("harvest-error-unreject-invalid-state.json"));
    assertThatThrownBy(() -> asUser.applications().update(1, ApplicationPatch.empty()))
        .isInstanceOfSatisfying(
            HarvestValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly((String) null));
  }
}
