package io.headhuntr.harvest;

import java.util.List;

/**
 * A prospect to create; without {@code application} Greenhouse makes one jobless prospect
 * application.
 */
public record NewProspect(
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
    List<NewEducation> educations,
    List<NewEmployment> employments,
    List<String> tags,
    List<CustomFieldValue> customFields,
    UserSelector recruiter,
    UserSelector coordinator,
    List<NewNote> activityFeedNotes,
    NewProspectApplication application) {
  public NewProspect {
    if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
      throw new IllegalArgumentException("a prospect needs first_name and last_name");
    }
  }

  /** Starts a prospect with the required names only. */
  public static NewProspect of(String firstName, String lastName) {
    return new NewProspect(
        firstName, lastName, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  @Override
  public String toString() {
    return "NewProspect[]";
  }
}
