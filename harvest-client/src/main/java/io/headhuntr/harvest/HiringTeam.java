package io.headhuntr.harvest;

import java.util.List;

/** The hiring managers, recruiters, coordinators and sourcers of a job. */
public record HiringTeam(
    List<HiringTeamMember> hiringManagers,
    List<HiringTeamMember> recruiters,
    List<HiringTeamMember> coordinators,
    List<HiringTeamMember> sourcers) {
  public HiringTeam {
    hiringManagers = Nulls.list(hiringManagers);
    recruiters = Nulls.list(recruiters);
    coordinators = Nulls.list(coordinators);
    sourcers = Nulls.list(sourcers);
  }
}
