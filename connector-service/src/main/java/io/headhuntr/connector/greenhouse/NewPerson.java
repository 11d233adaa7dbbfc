package io.headhuntr.connector.greenhouse;

import java.util.List;
import java.util.Optional;

/**
 * A person to create, with what is written together with them: educations, employments and notes.
 * Empty lists mean "none".
 */
public record NewPerson(
    String firstName,
    String lastName,
    Optional<String> company,
    Optional<String> title,
    List<Contact> phoneNumbers,
    List<Contact> addresses,
    List<Contact> emailAddresses,
    List<Contact> websiteAddresses,
    List<Contact> socialMediaAddresses,
    List<EducationEntry> educations,
    List<EmploymentEntry> employments,
    List<String> tags,
    List<NoteEntry> notes) {

  public NewPerson {
    phoneNumbers = List.copyOf(phoneNumbers);
    addresses = List.copyOf(addresses);
    emailAddresses = List.copyOf(emailAddresses);
    websiteAddresses = List.copyOf(websiteAddresses);
    socialMediaAddresses = List.copyOf(socialMediaAddresses);
    educations = List.copyOf(educations);
    employments = List.copyOf(employments);
    tags = List.copyOf(tags);
    notes = List.copyOf(notes);
  }
}
