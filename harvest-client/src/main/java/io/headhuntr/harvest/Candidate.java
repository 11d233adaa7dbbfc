package io.headhuntr.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Greenhouse candidate or prospect (HARVEST-V1 section 6.1); a create may return it truncated to
 * ids.
 */
public record Candidate(
    long id,
    String firstName,
    String lastName,
    String company,
    String title,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivity,
    Boolean isPrivate,
    String photoUrl,
    List<Attachment> attachments,
    List<Long> applicationIds,
    List<ContactDetail> phoneNumbers,
    List<ContactDetail> addresses,
    List<ContactDetail> emailAddresses,
    List<ContactDetail> websiteAddresses,
    List<ContactDetail> socialMediaAddresses,
    UserRef recruiter,
    UserRef coordinator,
    Boolean canEmail,
    List<String> tags,
    List<Application> applications,
    List<Education> educations,
    List<Employment> employments,
    List<Long> linkedUserIds,
    Map<String, JsonNode> customFields,
    Map<String, KeyedCustomField> keyedCustomFields) {
  public Candidate {
    attachments = Nulls.list(attachments);
    applicationIds = Nulls.list(applicationIds);
    phoneNumbers = Nulls.list(phoneNumbers);
    addresses = Nulls.list(addresses);
    emailAddresses = Nulls.list(emailAddresses);
    websiteAddresses = Nulls.list(websiteAddresses);
    socialMediaAddresses = Nulls.list(socialMediaAddresses);
    tags = Nulls.list(tags);
    applications = Nulls.list(applications);
    educations = Nulls.list(educations);
    employments = Nulls.list(employments);
    linkedUserIds = Nulls.list(linkedUserIds);
    customFields = Nulls.map(customFields);
    keyedCustomFields = Nulls.map(keyedCustomFields);
  }

  /**
   * Whether one of the candidate's e-mail addresses equals {@code email}, ignoring case and
   * surrounding spaces (Greenhouse does not document how exactly its {@code email} filter matches).
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
