package io.headhuntr.harvest.v3;

import java.util.List;

/**
 * The body of {@code PATCH /v3/candidates/{id}}: only the fields set are sent (and changed). A list
 * given replaces the candidate's list.
 */
public record CandidatePatch(
    String firstName,
    String lastName,
    String company,
    String title,
    List<ContactDetail> emailAddresses,
    List<ContactDetail> phoneNumbers,
    List<ContactDetail> addresses,
    List<ContactDetail> websiteAddresses,
    List<ContactDetail> socialMediaAddresses,
    List<String> tags,
    List<CustomFieldValue> customFields) {
  public CandidatePatch {
    Checks.optionalText("first_name", firstName);
    Checks.optionalText("last_name", lastName);
    emailAddresses = Nulls.copyOrNull(emailAddresses);
    phoneNumbers = Nulls.copyOrNull(phoneNumbers);
    addresses = Nulls.copyOrNull(addresses);
    websiteAddresses = Nulls.copyOrNull(websiteAddresses);
    socialMediaAddresses = Nulls.copyOrNull(socialMediaAddresses);
    tags = Nulls.copyOrNull(tags);
    customFields = Nulls.copyOrNull(customFields);
    if (firstName == null
        && lastName == null
        && company == null
        && title == null
        && emailAddresses == null
        && phoneNumbers == null
        && addresses == null
        && websiteAddresses == null
        && socialMediaAddresses == null
        && tags == null
        && customFields == null) {
      throw new IllegalArgumentException("a candidate patch needs at least one field to change");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "CandidatePatch[personal data hidden]";
  }

  /** Collects a {@link CandidatePatch}; {@link #build()} checks it. */
  public static final class Builder {
    private String firstName;
    private String lastName;
    private String company;
    private String title;
    private List<ContactDetail> emailAddresses;
    private List<ContactDetail> phoneNumbers;
    private List<ContactDetail> addresses;
    private List<ContactDetail> websiteAddresses;
    private List<ContactDetail> socialMediaAddresses;
    private List<String> tags;
    private List<CustomFieldValue> customFields;

    private Builder() {}

    public Builder firstName(String value) {
      this.firstName = value;
      return this;
    }

    public Builder lastName(String value) {
      this.lastName = value;
      return this;
    }

    public Builder company(String value) {
      this.company = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder emailAddresses(List<ContactDetail> values) {
      this.emailAddresses = values;
      return this;
    }

    public Builder phoneNumbers(List<ContactDetail> values) {
      this.phoneNumbers = values;
      return this;
    }

    public Builder addresses(List<ContactDetail> values) {
      this.addresses = values;
      return this;
    }

    public Builder websiteAddresses(List<ContactDetail> values) {
      this.websiteAddresses = values;
      return this;
    }

    public Builder socialMediaAddresses(List<ContactDetail> values) {
      this.socialMediaAddresses = values;
      return this;
    }

    public Builder tags(List<String> values) {
      this.tags = values;
      return this;
    }

    public Builder customFields(List<CustomFieldValue> values) {
      this.customFields = values;
      return this;
    }

    public CandidatePatch build() {
      return new CandidatePatch(
          firstName,
          lastName,
          company,
          title,
          emailAddresses,
          phoneNumbers,
          addresses,
          websiteAddresses,
          socialMediaAddresses,
          tags,
          customFields);
    }
  }
}
