package io.headhuntr.harvest;

import java.util.List;

/** A prospect pool and its stages. */
public record ProspectPool(long id, String name, boolean active, List<NamedRef> prospectStages) {
  public ProspectPool {
    prospectStages = Nulls.list(prospectStages);
  }
}
