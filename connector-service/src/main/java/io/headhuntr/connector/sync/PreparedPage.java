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

  /**
   * The page's records one at a time, each as a page of its own: when the database refuses the
   * page, they are written one by one to find (and park) the record it refuses.
   */
  List<Part> parts();

  /** One record of a page: its kind, its Greenhouse id, and the page that writes it alone. */
  record Part(String kind, long id, PreparedPage page) {}
}
