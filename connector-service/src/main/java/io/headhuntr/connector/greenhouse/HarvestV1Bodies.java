package io.headhuntr.connector.greenhouse;

import io.headhuntr.harvest.ContactDetail;
import io.headhuntr.harvest.NewApplication;
import io.headhuntr.harvest.NewAttachment;
import io.headhuntr.harvest.NewCandidate;
import io.headhuntr.harvest.NewEducation;
import io.headhuntr.harvest.NewEmployment;
import io.headhuntr.harvest.NewNote;
import io.headhuntr.harvest.NewProspect;
import io.headhuntr.harvest.NewProspectApplication;
import io.headhuntr.harvest.Referrer;
import java.util.List;

/**
 * The port's write records as Harvest v1 request bodies. Empty lists are left out of the JSON
 * (null), as Harvest v1 expects.
 */
final class HarvestV1Bodies {
  private HarvestV1Bodies() {}

  static NewCandidate candidate(NewPerson p, JobApplication application) {
    return new NewCandidate(
        p.firstName(),
        p.lastName(),
        p.company().orElse(null),
        p.title().orElse(null),
        null,
        contacts(p.phoneNumbers()),
        contacts(p.addresses()),
        contacts(p.emailAddresses()),
        contacts(p.websiteAddresses()),
        contacts(p.socialMediaAddresses()),
        nullIfEmpty(p.educations().stream().map(HarvestV1Bodies::education).toList()),
        nullIfEmpty(p.employments().stream().map(HarvestV1Bodies::employment).toList()),
        nullIfEmpty(p.tags()),
        null,
        null,
        null,
        nullIfEmpty(p.notes().stream().map(HarvestV1Bodies::note).toList()),
        List.of(application(application)));
  }

  /** A new prospect: v1 takes neither pool nor owner here (the pool is patched in afterwards). */
  static NewProspect prospect(NewPerson p, ProspectApplication application) {
    NewProspectApplication app =
        new NewProspectApplication(
            application.jobIds(),
            application.sourceId().orElse(null),
            referrer(application.referral()),
            null,
            files(application.files()));
    return new NewProspect(
        p.firstName(),
        p.lastName(),
        p.company().orElse(null),
        p.title().orElse(null),
        null,
        contacts(p.phoneNumbers()),
        contacts(p.addresses()),
        contacts(p.emailAddresses()),
        contacts(p.websiteAddresses()),
        contacts(p.socialMediaAddresses()),
        nullIfEmpty(p.educations().stream().map(HarvestV1Bodies::education).toList()),
        nullIfEmpty(p.employments().stream().map(HarvestV1Bodies::employment).toList()),
        nullIfEmpty(p.tags()),
        null,
        null,
        null,
        nullIfEmpty(p.notes().stream().map(HarvestV1Bodies::note).toList()),
        app);
  }

  static NewApplication application(JobApplication a) {
    NewApplication app = NewApplication.forJob(a.jobId()).withReferrer(referrer(a.referral()));
    if (a.initialStageId().isPresent()) {
      app = app.withInitialStage(a.initialStageId().get());
    }
    if (a.sourceId().isPresent()) {
      app = app.withSource(a.sourceId().get());
    }
    return app.withAttachments(files(a.files()));
  }

  static NewApplication prospectApplication(ProspectApplication a) {
    NewApplication app = NewApplication.prospect(a.jobIds()).withReferrer(referrer(a.referral()));
    if (a.sourceId().isPresent()) {
      app = app.withSource(a.sourceId().get());
    }
    if (a.poolId().isPresent()) {
      app = app.withProspectPool(a.poolId().get(), a.poolStageId().orElse(null));
    }
    if (a.ownerId().isPresent()) {
      app = app.withProspectOwner(a.ownerId().get());
    }
    return app;
  }

  static NewNote note(NoteEntry n) {
    return new NewNote(n.authorId(), n.body(), n.visibility());
  }

  static NewAttachment file(FileEntry f) {
    return f.url().isPresent()
        ? NewAttachment.ofUrl(f.filename(), f.type(), f.url().get())
        : new NewAttachment(
            f.filename(),
            f.type(),
            f.content().orElse(null),
            f.contentType().orElse(null),
            null,
            null);
  }

  static Referrer referrer(Referral referral) {
    if (referral instanceof Referral.User u) {
      return Referrer.user(u.userId());
    }
    if (referral instanceof Referral.UserEmail e) {
      return Referrer.userEmail(e.email());
    }
    return Referrer.outside(((Referral.Outside) referral).name());
  }

  static NewEducation education(EducationEntry e) {
    return new NewEducation(
        e.schoolId().orElse(null),
        e.disciplineId().orElse(null),
        e.degreeId().orElse(null),
        e.start().orElse(null),
        e.end().orElse(null));
  }

  static NewEmployment employment(EmploymentEntry e) {
    return new NewEmployment(
        e.companyName(), e.title(), e.start().orElse(null), e.end().orElse(null));
  }

  private static List<NewAttachment> files(List<FileEntry> files) {
    return nullIfEmpty(files.stream().map(HarvestV1Bodies::file).toList());
  }

  private static List<ContactDetail> contacts(List<Contact> contacts) {
    return nullIfEmpty(
        contacts.stream().map(c -> new ContactDetail(c.value(), c.type().orElse(null))).toList());
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : List.copyOf(list);
  }
}
