package io.headhuntr.harvest.v3;

import java.util.List;

/**
 * The body of {@code POST /v3/candidates}: a person with at most one application. Start with {@link
 * #builder(String, String)}; unset fields are not sent.
 */
public record NewCandidate(
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
    List<CustomFieldValue> customFields,
    Application application) {
  public NewCandidate {
    Checks.text("first_name", firstName);
    Checks.text("last_name", lastName);
    emailAddresses = Nulls.copyOrNull(emailAddresses);
    phoneNumbers = Nulls.copyOrNull(phoneNumbers);
    addresses = Nulls.copyOrNull(addresses);
    websiteAddresses = Nulls.copyOrNull(websiteAddresses);
    socialMediaAddresses = Nulls.copyOrNull(socialMediaAddresses);
    tags = Nulls.copyOrNull(tags);
    customFields = Nulls.copyOrNull(customFields);
  }

  /** A candidate with the two required names; add the rest on the builder. */
  public static Builder builder(String firstName, String lastName) {
    return new Builder(firstName, lastName);
  }

  @Override
  public String toString() {
    // Names and addresses are personal data: keep them out of logs.
    return "NewCandidate[application=" + (application != null) + "]";
  }

  /**
   * The one application created with the candidate: {@code job_id} is required, the rest optional.
   */
  public record Application(
      long jobId,
      Long sourceId,
      Long referrerId,
      Long recruiterId,
      Long coordinatorId,
      Long initialStageId) {
    public Application {
      Checks.id("job_id", jobId);
      Checks.optionalId("source_id", sourceId);
      Checks.optionalId("referrer_id", referrerId);
      Checks.optionalId("recruiter_id", recruiterId);
      Checks.optionalId("coordinator_id", coordinatorId);
      Checks.optionalId("initial_stage_id", initialStageId);
    }

    /** An application on this job, in its first stage unless an initial stage is given. */
    public static Application forJob(long jobId) {
      return new Application(jobId, null, null, null, null, null);
    }

    public Application withSource(long id) {
      return new Application(jobId, id, referrerId, recruiterId, coordinatorId, initialStageId);
    }

    /** Who gets credit for the referral (a user id). */
    public Application withReferrer(long userId) {
      return new Application(jobId, sourceId, userId, recruiterId, coordinatorId, initialStageId);
    }

    public Application withRecruiter(long userId) {
      return new Application(jobId, sourceId, referrerId, userId, coordinatorId, initialStageId);
    }

    public Application withCoordinator(long userId) {
      return new Application(jobId, sourceId, referrerId, recruiterId, userId, initialStageId);
    }

    /** The job interview stage the application starts in. */
    public Application withInitialStage(long jobInterviewStageId) {
      return new Application(
          jobId, sourceId, referrerId, recruiterId, coordinatorId, jobInterviewStageId);
    }
  }

  /** Collects a {@link NewCandidate}; {@link #build()} checks it. */
  public static final class Builder {
    private final String firstName;
    private final String lastName;
    private String company;
    private String title;
    private List<ContactDetail> emailAddresses;
    private List<ContactDetail> phoneNumbers;
    private List<ContactDetail> addresses;
    private List<ContactDetail> websiteAddresses;
    private List<ContactDetail> socialMediaAddresses;
    private List<String> tags;
    private List<CustomFieldValue> customFields;
    private Application application;

    private Builder(String firstName, String lastName) {
      this.firstName = firstName;
      this.lastName = lastName;
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

    /** The one application to create with the candidate. */
    public Builder application(Application value) {
      this.application = value;
      return this;
    }

    public NewCandidate build() {
      return new NewCandidate(
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
          customFields,
          application);
    }
  }
}
