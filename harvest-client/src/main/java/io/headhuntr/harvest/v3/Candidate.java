package io.headhuntr.harvest.v3;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A candidate ({@code GET /v3/candidates}): the person only; applications, attachments, educations
 * and employments are their own resources.
 *
 * <p>Keys this client does not know are kept in {@code extras} and written back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Candidate(
    long id,
    String firstName,
    String lastName,
    String company,
    String title,
    @JsonProperty("private") Boolean isPrivate,
    Boolean canEmail,
    List<ContactDetail> emailAddresses,
    List<ContactDetail> phoneNumbers,
    List<ContactDetail> addresses,
    List<ContactDetail> websiteAddresses,
    List<ContactDetail> socialMediaAddresses,
    List<String> tags,
    Map<String, JsonNode> customFields,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivityAt,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extras) {
  public Candidate {
    emailAddresses = Nulls.list(emailAddresses);
    phoneNumbers = Nulls.list(phoneNumbers);
    addresses = Nulls.list(addresses);
    websiteAddresses = Nulls.list(websiteAddresses);
    socialMediaAddresses = Nulls.list(socialMediaAddresses);
    tags = Nulls.list(tags);
    customFields = Nulls.map(customFields);
    extras = Nulls.map(extras);
  }

  /**
   * Whether one of the candidate's e-mail addresses equals {@code email}, ignoring case and
   * surrounding spaces (as the {@code email} filter matches).
   */
  public boolean hasEmail(String email) {
    if (email == null || email.isBlank()) {
      return false;
    }
    String wanted = email.strip();
    return emailAddresses.stream()
        .map(ContactDetail::value)
        .anyMatch(v -> v != null && v.strip().equalsIgnoreCase(wanted));
  }
}
