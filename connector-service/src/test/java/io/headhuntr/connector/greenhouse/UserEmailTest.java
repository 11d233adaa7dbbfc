package io.headhuntr.connector.greenhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.harvest.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Greenhouse user whose only addresses are in {@code emails} still has an email in the mirror.
 */
class UserEmailTest {

  private static User user(String primary, List<String> emails) {
    return new User(
        7,
        "Ada L",
        "Ada",
        "L",
        primary,
        Instant.EPOCH,
        Instant.EPOCH,
        false,
        false,
        emails,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void the_primary_address_comes_first_and_emails_stand_in_when_it_is_missing() {
    assertThat(HarvestV1Rows.user(user("ada@x.example", List.of("other@x.example"))).email())
        .isEqualTo("ada@x.example");
    assertThat(HarvestV1Rows.user(user(null, List.of("", "only@x.example"))).email())
        .isEqualTo("only@x.example");
    assertThat(HarvestV1Rows.user(user(" ", List.of())).email()).isNull();
  }
}
