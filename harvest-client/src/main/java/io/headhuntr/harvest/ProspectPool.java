package io.headhuntr.harvest;

import java.util.List;

/** A prospect pool and its stages. */
public record ProspectPool(long id, String name, boolean active, List<NamedRef> prospectStages) {
  public ProspectPool {
    prospectStages = prospectStages == null ? List.of() : List.copyOf(prospectStages);
  }
}
