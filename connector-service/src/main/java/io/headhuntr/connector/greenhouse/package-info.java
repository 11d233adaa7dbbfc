/**
 * The Greenhouse port: the one way every capability (sync, push, users) reaches Greenhouse, in the
 * connector's own terms, with one adapter per Harvest version.
 *
 * <p>{@link io.headhuntr.connector.greenhouse.Greenhouse} (obtained per tenant through {@link
 * io.headhuntr.connector.greenhouse.GreenhouseConnections#forTenant}) lists jobs changed since a
 * time, candidates changed since a time with their applications, applications active since a time
 * (pages with an opaque {@link io.headhuntr.connector.greenhouse.ResumeToken}), reference data
 * whole (users, departments, sources, prospect pools, job stages, job posts), one job, candidate or
 * application by id, users by id (verifying a mapping), people by email, a person's notes,
 * educations and employments, and the education and source lists. {@link
 * io.headhuntr.connector.greenhouse.GreenhouseWrites}, made as one Greenhouse user, creates a
 * candidate or a prospect (or, where a create is not one call, a person alone), adds an application
 * or prospect application, a note, an attachment, an education or an employment, and sets a
 * prospect's pool; it says whether a new person and everything with them is one call. Records come
 * back as the mirror's rows, so the mirror and the read API look the same whichever API filled
 * them, or as the small records a push needs; failures are {@link
 * io.headhuntr.connector.greenhouse.GreenhouseException}s (not found, invalid with field problems,
 * refused credential, rate limited with a time, server error or no answer that may have applied).
 *
 * <p>The rule: capabilities never see a Harvest version. Only this package imports {@code
 * io.headhuntr.harvest} (an ArchUnit test holds it); {@link
 * io.headhuntr.connector.greenhouse.HarvestV1Adapter} speaks Harvest v1, and a v3 adapter
 * implements the same port (resume tokens are next-page URLs there, and a refused one makes the
 * sync restart that listing from its watermark).
 */
package io.headhuntr.connector.greenhouse;
