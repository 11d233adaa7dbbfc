package io.headhuntr.sandbox;

/** What a fresh sandbox account holds: nothing but one admin user, or a realistic small company. */
public enum SandboxSeed {
  /** One site-admin user and the lookup lists; no jobs, no people. */
  EMPTY,
  /**
   * About 25 users, 8 departments, 4 offices, 30 jobs with stages and posts, pools, sources and
   * people.
   */
  DEMO
}
