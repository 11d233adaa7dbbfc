package io.headhuntr.connector.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name a worker writes into the rows it claims ({@code webhook_inbox.claimed_by}, {@code
 * pushes.claimed_by}, db-scheduler's {@code picked_by}): its kind, a random part (two workers of
 * one process differ) and the process as {@code pid@host}, so that an operator reading the queue
 * with {@code psql} sees which instance holds what, and whose claims a dead instance left behind.
 */
public final class ClaimOwner {
  private static final String PROCESS = ProcessHandle.current().pid() + "@" + shortHostName();

  private ClaimOwner() {}

  /** A new worker's name: {@code kind-xxxxxx-pid@host}, at most 60 characters. */
  public static String newName(String kind) {
    String name = kind + "-" + UUID.randomUUID().toString().substring(0, 6) + "-" + PROCESS;
    return name.length() <= 60 ? name : name.substring(0, 60);
  }

  /** This process as claims name it: {@code pid@host}. */
  public static String process() {
    return PROCESS;
  }

  private static String shortHostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      int dot = host.indexOf('.');
      return dot > 0 ? host.substring(0, dot) : host;
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
