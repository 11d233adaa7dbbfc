package io.headhuntr.harvest;

import java.util.List;

/** The hiring managers, recruiters, coordinators and sourcers of a job. */
public record HiringTeam(
    List<HiringTeamMember> hiringManagers,
    List<HiringTeamMember> recruiters,
    List<HiringTeamMember> coordinators,
    List<HiringTeamMember> sourcers) {
  public HiringTeam {
    hiringManagers = hiringManagers == null ? List.of() : List.copyOf(hiringManagers);
    recruiters = recruiters == null ? List.of() : List.copyOf(recruiters);
    coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
    sourcers = sourcers == null ? List.of() : List.copyOf(sourcers);
  }
}
