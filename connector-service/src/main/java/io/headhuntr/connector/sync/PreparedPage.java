package io.headhuntr.connector.sync;

import io.headhuntr.connector.mirror.MirrorStore;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A page read from Greenhouse and turned into what the mirror's statements bind, ready to be
 * written in the caller's transaction. Preparing runs on the reading thread, so it overlaps the
 * writes.
 */
interface PreparedPage {
  /** Records Greenhouse returned on this page. */
  int size();

  void write(Handle h, MirrorStore mirror, UUID tenant);

  /** The Greenhouse ids this page listed, for a full pass's seen set. */
  List<SeenIds> seen();

  /** Ids of one kind ({@code job}, {@code candidate}, {@code application}). */
  record SeenIds(String kind, long[] ids) {}
}
