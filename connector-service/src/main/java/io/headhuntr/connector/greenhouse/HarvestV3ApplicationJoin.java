package io.headhuntr.connector.greenhouse;

import io.headhuntr.connector.mirror.ApplicationRow;
import io.headhuntr.harvest.v3.Application;
import io.headhuntr.harvest.v3.ApplicationPartQuery;
import io.headhuntr.harvest.v3.ApplicationQuery;
import io.headhuntr.harvest.v3.ApplicationStage;
import io.headhuntr.harvest.v3.HarvestV3Client;
import io.headhuntr.harvest.v3.JobInterviewStage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Joins in memory what v1 embedded: the applications of a page of candidates ({@code GET
 * /v3/applications?candidate_ids=}, 50 ids per call), the current stage of each non-prospect
 * application that is not hired (v1 shows none for a hired one; {@code GET
 * /v3/application_stages?application_ids=}, 50 per call: the row without {@code exited_at}) and
 * those stages' names ({@code GET /v3/job_interview_stages?ids=}, 50 per call). Each call is logged
 * as one read.
 */
final class HarvestV3ApplicationJoin {
  /** Greenhouse's limit on ids in one filter. */
  static final int IDS_PER_CALL = 50;

  private final HarvestV3Client client;
  private final HarvestV3Calls calls;

  HarvestV3ApplicationJoin(HarvestV3Client client, HarvestV3Calls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** The applications of these candidates, by candidate id (every id present, maybe empty). */
  Map<Long, List<ApplicationRow>> byCandidate(Collection<Long> candidateIds) {
    List<Application> applications = applicationsOf(candidateIds);
    Map<Long, List<ApplicationRow>> rows = new LinkedHashMap<>();
    candidateIds.forEach(id -> rows.put(id, new ArrayList<>()));
    for (ApplicationRow row : rows(applications)) {
      rows.computeIfAbsent(row.candidateId(), id -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  /** The raw applications of these candidates, newest id first. */
  List<Application> applicationsOf(Collection<Long> candidateIds) {
    List<Application> applications = new ArrayList<>();
    for (List<Long> batch : batches(candidateIds)) {
      applications.addAll(
          calls.call(
              "GET",
              "/v3/applications?candidate_ids",
              () -> list(client.applications().list(ApplicationQuery.all().candidateIds(batch)))));
    }
    return applications;
  }

  /** These applications as mirror rows, each with its current stage. */
  List<ApplicationRow> rows(List<Application> applications) {
    List<Long> staged =
        applications.stream()
            .filter(a -> !a.prospect() && !"hired".equals(a.status()))
            .map(Application::id)
            .toList();
    Map<Long, Long> currentStageId = new HashMap<>();
    for (List<Long> batch : batches(staged)) {
      calls.call(
          "GET",
          "/v3/application_stages?application_ids",
          () -> {
            for (ApplicationStage s :
                list(
                    client
                        .applicationStages()
                        .list(ApplicationPartQuery.all().applicationIds(batch)))) {
              if (s.isCurrent() && s.applicationId() != null) {
                currentStageId.put(s.applicationId(), s.jobInterviewStageId());
              }
            }
            return null;
          });
    }
    Map<Long, JobInterviewStage> stages = new HashMap<>();
    List<Long> stageIds = currentStageId.values().stream().distinct().toList();
    if (!stageIds.isEmpty()) {
      stages.putAll(
          calls.call(
              "GET",
              "/v3/job_interview_stages?ids",
              () ->
                  list(client.jobInterviewStages().getAll(stageIds)).stream()
                      .collect(Collectors.toMap(JobInterviewStage::id, Function.identity()))));
    }
    return applications.stream()
        .map(
            a ->
                HarvestV3Rows.application(
                    a, Optional.ofNullable(currentStageId.get(a.id())).map(stages::get)))
        .toList();
  }

  static List<List<Long>> batches(Collection<Long> ids) {
    List<Long> distinct = ids.stream().distinct().toList();
    List<List<Long>> batches = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += IDS_PER_CALL) {
      batches.add(distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_CALL)));
    }
    return batches;
  }

  private static <T> List<T> list(Stream<T> stream) {
    try (stream) {
      return stream.toList();
    }
  }
}
