package io.headhuntr.sandbox.oauth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Harvest v3 scopes the sandbox knows ({@code harvest:<resource>:<verb>}); no others register.
 */
public final class Scopes {
  private Scopes() {}

  public static final String USERS_LIST = "harvest:users:list";
  public static final String DEPARTMENTS_LIST = "harvest:departments:list";
  public static final String OFFICES_LIST = "harvest:offices:list";
  public static final String SOURCES_LIST = "harvest:sources:list";
  public static final String JOBS_LIST = "harvest:jobs:list";
  public static final String JOB_POSTS_LIST = "harvest:job_posts:list";
  public static final String JOB_INTERVIEW_STAGES_LIST = "harvest:job_interview_stages:list";
  public static final String PROSPECT_POOLS_LIST = "harvest:prospect_pools:list";
  public static final String PROSPECT_POOL_STAGES_LIST = "harvest:prospect_pool_stages:list";
  public static final String CANDIDATES_LIST = "harvest:candidates:list";
  public static final String APPLICATIONS_LIST = "harvest:applications:list";
  public static final String APPLICATION_STAGES_LIST = "harvest:application_stages:list";
  public static final String REJECTION_REASONS_LIST = "harvest:rejection_reasons:list";
  public static final String REJECTION_DETAILS_LIST = "harvest:rejection_details:list";
  public static final String NOTES_LIST = "harvest:notes:list";
  public static final String ATTACHMENTS_LIST = "harvest:attachments:list";
  public static final String CANDIDATE_EDUCATIONS_LIST = "harvest:candidate_educations:list";
  public static final String CANDIDATE_EMPLOYMENTS_LIST = "harvest:candidate_employments:list";
  public static final String CUSTOM_FIELD_OPTIONS_LIST = "harvest:custom_field_options:list";
  public static final String WEBHOOKS_LIST = "harvest:webhooks:list";

  public static final String CANDIDATES_CREATE = "harvest:candidates:create";
  public static final String CANDIDATES_UPDATE = "harvest:candidates:update";
  public static final String APPLICATIONS_CREATE = "harvest:applications:create";
  public static final String APPLICATIONS_UPDATE = "harvest:applications:update";
  public static final String APPLICATIONS_DESTROY = "harvest:applications:destroy";
  public static final String APPLICATIONS_MOVE = "harvest:applications:move";
  public static final String APPLICATIONS_REJECT = "harvest:applications:reject";
  public static final String APPLICATIONS_UNREJECT = "harvest:applications:unreject";
  public static final String APPLICATIONS_HIRE = "harvest:applications:hire";
  public static final String APPLICATIONS_CONVERT_TO_CANDIDATE =
      "harvest:applications:convert_to_candidate";
  public static final String NOTES_CREATE = "harvest:notes:create";
  public static final String ATTACHMENTS_CREATE = "harvest:attachments:create";
  public static final String CANDIDATE_EDUCATIONS_CREATE = "harvest:candidate_educations:create";
  public static final String CANDIDATE_EMPLOYMENTS_CREATE = "harvest:candidate_employments:create";
  public static final String WEBHOOKS_CREATE = "harvest:webhooks:create";
  public static final String WEBHOOKS_UPDATE = "harvest:webhooks:update";
  public static final String WEBHOOKS_DESTROY = "harvest:webhooks:destroy";

  /** Every known scope, in the order of the wire contract's table. */
  public static final List<String> ALL =
      List.of(
          USERS_LIST,
          DEPARTMENTS_LIST,
          OFFICES_LIST,
          SOURCES_LIST,
          JOBS_LIST,
          JOB_POSTS_LIST,
          JOB_INTERVIEW_STAGES_LIST,
          PROSPECT_POOLS_LIST,
          PROSPECT_POOL_STAGES_LIST,
          CANDIDATES_LIST,
          APPLICATIONS_LIST,
          APPLICATION_STAGES_LIST,
          REJECTION_REASONS_LIST,
          REJECTION_DETAILS_LIST,
          NOTES_LIST,
          ATTACHMENTS_LIST,
          CANDIDATE_EDUCATIONS_LIST,
          CANDIDATE_EMPLOYMENTS_LIST,
          CUSTOM_FIELD_OPTIONS_LIST,
          WEBHOOKS_LIST,
          CANDIDATES_CREATE,
          CANDIDATES_UPDATE,
          APPLICATIONS_CREATE,
          APPLICATIONS_UPDATE,
          APPLICATIONS_DESTROY,
          APPLICATIONS_MOVE,
          APPLICATIONS_REJECT,
          APPLICATIONS_UNREJECT,
          APPLICATIONS_HIRE,
          APPLICATIONS_CONVERT_TO_CANDIDATE,
          NOTES_CREATE,
          ATTACHMENTS_CREATE,
          CANDIDATE_EDUCATIONS_CREATE,
          CANDIDATE_EMPLOYMENTS_CREATE,
          WEBHOOKS_CREATE,
          WEBHOOKS_UPDATE,
          WEBHOOKS_DESTROY);

  private static final Set<String> KNOWN = Set.copyOf(ALL);

  public static boolean known(String scope) {
    return KNOWN.contains(scope);
  }

  /** The unknown scopes among these, in their order. */
  public static List<String> unknown(Collection<String> scopes) {
    List<String> unknown = new ArrayList<>();
    for (String s : scopes) {
      if (!known(s)) {
        unknown.add(s);
      }
    }
    return unknown;
  }

  /** Splits a space separated {@code scope} parameter; blank gives an empty set. */
  public static Set<String> parse(String spaceSeparated) {
    Set<String> scopes = new LinkedHashSet<>();
    if (spaceSeparated != null) {
      for (String s : spaceSeparated.trim().split("\\s+")) {
        if (!s.isEmpty()) {
          scopes.add(s);
        }
      }
    }
    return scopes;
  }
}
