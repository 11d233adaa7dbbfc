package io.headhuntr.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headhuntr.sandbox.json.OrgJson;
import io.headhuntr.sandbox.json.PeopleJson;
import io.headhuntr.sandbox.store.Account;
import io.headhuntr.sandbox.store.Candidate;
import io.headhuntr.sandbox.store.Job;
import io.headhuntr.sandbox.store.JobPost;
import io.headhuntr.sandbox.store.JobStage;
import io.headhuntr.sandbox.store.User;
import io.headhuntr.sandbox.webhooks.SandboxLookups;
import java.util.Optional;

/** Answers webhook payload building from the account, in Harvest v1 shapes. */
final class StoreLookups implements SandboxLookups {
  private final Account account;

  StoreLookups(Account account) {
    this.account = account;
  }

  @Override
  public Optional<ObjectNode> user(long id) {
    return account.read(
        () -> {
          User u = account.users.get(id);
          return Optional.ofNullable(u == null ? null : new OrgJson(account).user(u));
        });
  }

  @Override
  public Optional<ObjectNode> candidate(long id) {
    return account.read(
        () -> {
          Candidate c = account.candidates.get(id);
          return Optional.ofNullable(c == null ? null : new PeopleJson(account).candidate(c));
        });
  }

  @Override
  public Optional<ObjectNode> job(long id) {
    return account.read(
        () -> {
          Job j = account.jobs.get(id);
          return Optional.ofNullable(j == null ? null : new OrgJson(account).job(j));
        });
  }

  @Override
  public Optional<ObjectNode> jobStage(long id) {
    return account.read(
        () -> {
          JobStage s = account.stages.get(id);
          return Optional.ofNullable(s == null ? null : new OrgJson(account).jobStage(s));
        });
  }

  @Override
  public Optional<Long> jobPostId(long jobId) {
    return account.read(
        () -> {
          for (JobPost p : account.jobPosts.values()) {
            if (p.jobId == jobId && p.active) {
              return Optional.of(p.id);
            }
          }
          return Optional.empty();
        });
  }
}
