package io.headhuntr.connector.greenhouse;

import java.util.Optional;

/**
 * The answer to creating a prospect: the person, and why the owner asked for was not set when the
 * API in use cannot set it on creation (the pool is set by {@link GreenhouseWrites#setProspectPool}
 * afterwards either way; setting it twice changes nothing).
 */
public record CreatedProspect(Person person, Optional<String> ownerNotSet) {}
