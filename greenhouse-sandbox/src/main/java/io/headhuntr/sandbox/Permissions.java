package io.headhuntr.sandbox;

/**
 * The endpoint permission names a Harvest key can hold. Those of SETUP-GUIDE.md's table are spelled
 * exactly as there; the others (merge, deletes, job writes, recruiter actions, lookups) are named
 * in the same style.
 */
public final class Permissions {
  private Permissions() {}

  public static final String RETRIEVE_APPLICATION = "GET: Retrieve Application";
  public static final String LIST_APPLICATIONS = "GET: List Applications";
  public static final String UPDATE_APPLICATION = "PATCH: Update Application";
  public static final String ADVANCE_APPLICATION = "POST: Advance Application";
  public static final String MOVE_APPLICATION = "POST: Move Application";
  public static final String REJECT_APPLICATION = "POST: Reject Application";
  public static final String UPDATE_REJECTION_REASON = "PATCH: Update Rejection Reason";
  public static final String CONVERT_PROSPECT = "PATCH: Convert Prospect";
  public static final String UNREJECT_APPLICATION = "POST: Unreject Application";
  public static final String HIRE_APPLICATION = "POST: Hire Application";
  public static final String TRANSFER_APPLICATION = "POST: Transfer Application to Job";
  public static final String DELETE_APPLICATION = "DELETE: Delete Application";
  public static final String RETRIEVE_CANDIDATE = "GET: Retrieve Candidate";
  public static final String LIST_CANDIDATES = "GET: List Candidates";
  public static final String EDIT_CANDIDATE = "PATCH: Edit Candidate";
  public static final String ADD_NOTE = "POST: Add Note";
  public static final String ADD_EMAIL_NOTE = "POST: Add E-mail Note";
  public static final String ADD_ATTACHMENT = "POST: Add Attachment";
  public static final String ADD_APPLICATION = "POST: Add Application";
  public static final String ADD_CANDIDATE = "POST: Add Candidate";
  public static final String ADD_EDUCATION = "POST: Add Education";
  public static final String ADD_EMPLOYMENT = "POST: Add Employment";
  public static final String DELETE_EDUCATION = "DELETE: Remove Education from Candidate";
  public static final String DELETE_EMPLOYMENT = "DELETE: Remove Employment from Candidate";
  public static final String ADD_PROSPECT = "POST: Add Prospect";
  public static final String MERGE_CANDIDATES = "PUT: Merge Candidates";
  public static final String ANONYMIZE_CANDIDATE = "PUT: Anonymize Candidate";
  public static final String DELETE_CANDIDATE = "DELETE: Delete Candidate";
  public static final String RETRIEVE_ACTIVITY_FEED = "GET: Retrieve Activity Feed";
  public static final String LIST_USERS = "GET: List Users";
  public static final String RETRIEVE_USER = "GET: Retrieve User";
  public static final String LIST_DEPARTMENTS = "GET: List Departments";
  public static final String RETRIEVE_DEPARTMENT = "GET: Retrieve Department";
  public static final String LIST_JOBS = "GET: List Jobs";
  public static final String RETRIEVE_JOB = "GET: Retrieve Job";
  public static final String CREATE_JOB = "POST: Create Job";
  public static final String UPDATE_JOB = "PATCH: Update Job";
  public static final String LIST_JOB_POSTS = "GET: List Job Posts";
  public static final String RETRIEVE_JOB_POST = "GET: Retrieve Job Post";
  public static final String LIST_JOB_POSTS_FOR_JOB = "GET: List Job Posts for Job";
  public static final String RETRIEVE_JOB_POST_FOR_JOB = "GET: Retrieve Job Post for Job";
  public static final String UPDATE_JOB_POST = "PATCH: Update Job Post";
  public static final String UPDATE_JOB_POST_STATUS = "PATCH: Update Job Post Status";
  public static final String LIST_JOB_STAGES = "GET: List Job Stages";
  public static final String LIST_JOB_STAGES_FOR_JOB = "GET: List Job Stages for Job";
  public static final String RETRIEVE_JOB_STAGE = "GET: Retrieve Job Stage";
  public static final String LIST_SOURCES = "GET: List Sources";
  public static final String LIST_PROSPECT_POOLS = "GET: List Prospect Pools";
  public static final String RETRIEVE_PROSPECT_POOL = "GET: Retrieve Prospect Pool";
  public static final String LIST_DEGREES = "GET: List Degrees";
  public static final String LIST_DISCIPLINES = "GET: List Disciplines";
  public static final String LIST_SCHOOLS = "GET: List Schools";
}
