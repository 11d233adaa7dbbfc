package io.headhuntr.harvest;

import java.util.List;

/** Changes to a candidate; null fields are left alone, an empty list clears that list. */
public record CandidatePatch(
    String firstName,
    String lastName,
    String company,
    String title,
    Boolean isPrivate,
    List<ContactDetail> phoneNumbers,
    List<ContactDetail> addresses,
    List<ContactDetail> emailAddresses,
    List<ContactDetail> websiteAddresses,
    List<ContactDetail> socialMediaAddresses,
    List<String> tags,
    List<CustomFieldValue> customFields,
    UserSelector recruiter,
    UserSelector coordinator) {
  /**
   * A patch that changes nothing; start here and use the record's canonical constructor for real
   * edits.
   */
  public static CandidatePatch empty() {
    return new CandidatePatch(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public CandidatePatch withTags(List<String> newTags) {
    return new CandidatePatch(
        firstName,
        lastName,
        company,
        title,
        isPrivate,
        phoneNumbers,
        addresses,
        emailAddresses,
        websiteAddresses,
        socialMediaAddresses,
        newTags,
        customFields,
        recruiter,
        coordinator);
  }

  public CandidatePatch withCompanyAndTitle(String newCompany, String newTitle) {
    return new CandidatePatch(
        firstName,
        lastName,
        newCompany,
        newTitle,
        isPrivate,
        phoneNumbers,
        addresses,
        emailAddresses,
        websiteAddresses,
        socialMediaAddresses,
        tags,
        customFields,
        recruiter,
        coordinator);
  }

  @Override
  public String toString() {
    return "CandidatePatch[]";
  }
}
