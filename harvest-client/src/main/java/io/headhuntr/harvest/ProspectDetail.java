package io.headhuntr.harvest;

/** Pool, stage and owner of a prospect application; each may be null. */
public record ProspectDetail(
    NamedRef prospectPool, NamedRef prospectStage, NamedRef prospectOwner) {}
