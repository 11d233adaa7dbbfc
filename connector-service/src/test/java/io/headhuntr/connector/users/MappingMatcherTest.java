package io.headhuntr.connector.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MappingMatcherTest {

  private static ExportRow row(int row, long id, String email, String... secondary) {
    return new ExportRow(row, id, email, List.of(secondary), "GH " + id, false);
  }

  private static UserExport export(ExportRow... rows) {
    return new UserExport("csv", "csv", List.of(rows), List.of());
  }

  @Test
  void matches_by_primary_email_ignoring_case() {
    ImportPreview preview =
        MappingMatcher.preview(
            List.of(new PlatformUser("u1", "Ada@Acme.example", "Ada")),
            export(row(2, 100, "ada@ACME.example")));

    assertThat(preview.matched())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.platformUserId()).isEqualTo("u1");
              assertThat(m.greenhouseUserId()).isEqualTo(100);
              assertThat(m.matchedBy()).isEqualTo("primary_email");
              assertThat(m.row()).isEqualTo(2);
            });
    assertThat(preview.mappings()).containsExactly(new ImportPreview.ProposedMapping("u1", 100));
    assertThat(preview.unmatched()).isEmpty();
  }

  @Test
  void matches_by_secondary_email() {
    ImportPreview preview =
        MappingMatcher.preview(
            List.of(new PlatformUser("u1", "ada.l@acme.example", "Ada")),
            export(row(2, 100, "ada@acme.example", "ADA.L@acme.example")));

    assertThat(preview.matched())
        .extracting(ImportPreview.Match::matchedBy)
        .containsExactly("secondary_email");
  }

  @Test
  void lists_users_found_nowhere_as_unmatched() {
    PlatformUser lost = new PlatformUser("u9", "nobody@acme.example", null);
    ImportPreview preview =
        MappingMatcher.preview(List.of(lost), export(row(2, 100, "ada@acme.example")));

    assertThat(preview.unmatched()).containsExactly(lost);
    assertThat(preview.matched()).isEmpty();
  }

  @Test
  void an_email_on_several_rows_is_ambiguous_and_not_matched() {
    ImportPreview preview =
        MappingMatcher.preview(
            List.of(
                new PlatformUser("u1", "shared@acme.example", null),
                new PlatformUser("u2", "twice@acme.example", null)),
            export(
                row(2, 100, "shared@acme.example"),
                row(3, 101, "other@acme.example", "shared@acme.example"),
                row(4, 102, "twice@acme.example"),
                row(5, 102, "twice@acme.example")));

    assertThat(preview.matched()).isEmpty();
    assertThat(preview.unmatched()).isEmpty();
    assertThat(preview.ambiguous())
        .extracting(
            ImportPreview.Ambiguity::email,
            ImportPreview.Ambiguity::platformUserId,
            ImportPreview.Ambiguity::greenhouseUserIds,
            ImportPreview.Ambiguity::rows)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "shared@acme.example", "u1", List.of(100L, 101L), List.of(2, 3)),
            org.assertj.core.groups.Tuple.tuple(
                "twice@acme.example", "u2", List.of(102L), List.of(4, 5)));
    assertThat(
            preview.ambiguous().stream()
                .filter(a -> a.platformUserId().equals("u1"))
                .findFirst()
                .orElseThrow()
                .message())
        .contains("belongs to 2 Greenhouse users");
  }

  @Test
  void a_tenant_without_platform_users_is_told_to_send_them_first() {
    ImportPreview preview =
        MappingMatcher.preview(List.of(), export(row(2, 100, "ada@acme.example")));

    assertThat(preview.rowsRead()).isEqualTo(1);
    assertThat(preview.warnings()).singleElement().asString().contains("no platform users yet");
  }
}
