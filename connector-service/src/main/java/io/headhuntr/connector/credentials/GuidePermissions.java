package io.headhuntr.connector.credentials;

import static io.headhuntr.connector.credentials.GuidePermission.read;
import static io.headhuntr.connector.credentials.GuidePermission.write;

import java.util.List;
import java.util.Optional;

/**
 * The permission table of the setup guide (SETUP-GUIDE.md, step 3), in its order. Required and
 * optional follow the guide's flags: required groups make their entries required unless marked
 * optional; Departments (listed once unflagged, once optional) are optional.
 */
public final class GuidePermissions {
  private static final String NO_WRITE_BODY = "{}";

  private static final List<GuidePermission> ALL =
      List.of(
          read(
              "Applications",
              "GET: Retrieve Application",
              true,
              "the status of pushed applications cannot be read",
              "/v1/applications/1"),
          write(
              "Applications",
              "PATCH: Update Application",
              "pushed applications cannot be corrected (source, referrer, stage)",
              "PATCH",
              "/v1/applications/0",
              NO_WRITE_BODY),
          read(
              "Candidates",
              "GET: Retrieve Candidate",
              true,
              "pushed candidates cannot be read back",
              "/v1/candidates/1"),
          read(
              "Candidates",
              "GET: List Candidates",
              false,
              "duplicates cannot be looked up by email before a push, and the candidate backfill"
                  + " does not run",
              "/v1/candidates?per_page=1&skip_count=true"),
          new GuidePermission(
              "Candidates",
              "PATCH: Edit Candidate",
              false,
              "existing candidates cannot be updated with newer details",
              "PATCH",
              "/v1/candidates/0",
              Optional.of(NO_WRITE_BODY)),
          write(
              "Candidates",
              "POST: Add Note",
              "pushes cannot carry the recruiter's notes",
              "POST",
              "/v1/candidates/0/activity_feed/notes",
              NO_WRITE_BODY),
          write(
              "Candidates",
              "POST: Add Attachment",
              "resumes cannot be attached to existing candidates",
              "POST",
              "/v1/candidates/0/attachments",
              NO_WRITE_BODY),
          write(
              "Candidates",
              "POST: Add Application",
              "a person already in Greenhouse cannot be added to another job or pool",
              "POST",
              "/v1/candidates/0/applications",
              NO_WRITE_BODY),
          write(
              "Candidates",
              "POST: Add Candidate",
              "candidates cannot be pushed to a job",
              "POST",
              "/v1/candidates",
              NO_WRITE_BODY),
          write(
              "Candidates",
              "POST: Add Education",
              "education history cannot be added to existing candidates",
              "POST",
              "/v1/candidates/0/educations",
              "{\"start_month\": 13}"),
          write(
              "Candidates",
              "POST: Add Employment",
              "employment history cannot be added to existing candidates",
              "POST",
              "/v1/candidates/0/employments",
              NO_WRITE_BODY),
          write(
              "Candidates",
              "POST: Add Prospect",
              "people cannot be pushed as prospects",
              "POST",
              "/v1/prospects",
              NO_WRITE_BODY),
          read(
              "Users",
              "GET: List Users",
              true,
              "Greenhouse user ids cannot be verified, so no user can be mapped",
              "/v1/users?per_page=1"),
          read(
              "Departments",
              "GET: List Departments",
              false,
              "jobs cannot be grouped by department",
              "/v1/departments?per_page=1"),
          read(
              "Departments",
              "GET: Retrieve Department",
              false,
              "a department's details cannot be read",
              "/v1/departments/1"),
          read(
              "Jobs",
              "GET: List Jobs",
              true,
              "the jobs to push to cannot be listed",
              "/v1/jobs?per_page=1"),
          read("Jobs", "GET: Retrieve Job", true, "a job's details cannot be read", "/v1/jobs/1"),
          read(
              "Job Posts",
              "GET: List Job Posts",
              true,
              "job posts cannot be listed",
              "/v1/job_posts?per_page=1"),
          read(
              "Job Posts",
              "GET: Retrieve Job Post",
              true,
              "a job post's details cannot be read",
              "/v1/job_posts/1"),
          read(
              "Job Posts",
              "GET: List Job Posts for Job",
              true,
              "the posts of a job cannot be listed",
              "/v1/jobs/0/job_posts"),
          read(
              "Job Posts",
              "GET: Retrieve Job Post for Job",
              true,
              "the post of a job cannot be read",
              "/v1/jobs/0/job_post"),
          read(
              "Job Stages",
              "GET: List Job Stages",
              false,
              "stage names of outcomes cannot be refreshed in bulk",
              "/v1/job_stages?per_page=1"),
          read(
              "Job Stages",
              "GET: List Job Stages for Job",
              false,
              "a push cannot choose the stage of a job",
              "/v1/jobs/0/stages"),
          read(
              "Job Stages",
              "GET: Retrieve Job Stage",
              false,
              "a stage's details cannot be read",
              "/v1/job_stages/1"),
          read(
              "Sources",
              "GET: List Sources",
              false,
              "the push cannot look up the source to credit",
              "/v1/sources?per_page=1"),
          read(
              "Prospect Pools",
              "GET: List Prospect Pools",
              false,
              "prospects cannot be placed in a pool",
              "/v1/prospect_pools?per_page=1"),
          read(
              "Prospect Pools",
              "GET: Retrieve Prospect Pool",
              false,
              "a pool's stages cannot be read",
              "/v1/prospect_pools/1"));

  private GuidePermissions() {}

  public static List<GuidePermission> all() {
    return ALL;
  }
}
