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
    boolean isPrivate,
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
    boolean canEmail,
    List<String> tags,
    List<Application> applications,
    List<Education> educations,
    List<Employment> employments,
    List<Long> linkedUserIds,
    Map<String, JsonNode> customFields,
    Map<String, KeyedCustomField> keyedCustomFields) {
  public Candidate {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    applicationIds = applicationIds == null ? List.of() : List.copyOf(applicationIds);
    phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
    websiteAddresses = websiteAddresses == null ? List.of() : List.copyOf(websiteAddresses);
    socialMediaAddresses =
        socialMediaAddresses == null ? List.of() : List.copyOf(socialMediaAddresses);
    tags = tags == null ? List.of() : List.copyOf(tags);
    applications = applications == null ? List.of() : List.copyOf(applications);
    educations = educations == null ? List.of() : List.copyOf(educations);
    employments = employments == null ? List.of() : List.copyOf(employments);
    linkedUserIds = linkedUserIds == null ? List.of() : List.copyOf(linkedUserIds);
    customFields = customFields == null ? Map.of() : customFields;
    keyedCustomFields = keyedCustomFields == null ? Map.of() : keyedCustomFields;
  }
}
