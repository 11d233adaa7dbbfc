package io.headhuntr.harvest.v3;

import io.headhuntr.harvest.internal.V3Transport;

/** Job posts ({@code GET /v3/job_posts}); deleted posts are not listed. */
public final class JobPosts extends ResourceReads<JobPost, JobPartQuery> {
  JobPosts(V3Transport transport) {
    super(transport, "/v3/job_posts", JobPost.class, JobPost::id);
  }
}
