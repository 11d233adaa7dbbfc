package io.headhuntr.harvest;

import java.util.List;

/**
 * A candidate to create with at least one application; educations, employments, notes and the
 * resume (in an application's attachments) travel in the same call.
 */
public record NewCandidate(
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
    List<NewApplication> applications) {
  public NewCandidate {
    if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
      throw new IllegalArgumentException("a candidate needs first_name and last_name");
    }
    if (applications == null || applications.isEmpty()) {
      throw new IllegalArgumentException(
          "a candidate needs at least one application (use a prospect otherwise)");
    }
  }

  /** Starts a candidate with the required names and one application. */
  public static NewCandidate of(String firstName, String lastName, NewApplication application) {
    return new NewCandidate(
        firstName,
        lastName,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(application));
  }

  @Override
  public String toString() {
    return "NewCandidate[applications=" + applications.size() + "]";
  }
}
