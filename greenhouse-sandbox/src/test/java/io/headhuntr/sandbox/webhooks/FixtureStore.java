package io.headhuntr.sandbox.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Harvest-shaped objects of {@code webhooks/harvest-store.json}, answering {@link
 * SandboxLookups}.
 */
final class FixtureStore implements SandboxLookups {

  private final JsonNode root;

  FixtureStore() {
    try (InputStream in = FixtureStore.class.getResourceAsStream("/webhooks/harvest-store.json")) {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ObjectNode application(String name) {
    return (ObjectNode) root.path("applications").get(name).deepCopy();
  }

  ObjectNode candidate() {
    return (ObjectNode) root.path("candidates").get(0).deepCopy();
  }

  ObjectNode job(int index) {
    return (ObjectNode) root.path("jobs").get(index).deepCopy();
  }

  ObjectNode jobPost() {
    return (ObjectNode) root.path("job_posts").get(0).deepCopy();
  }

  ObjectNode jobStage() {
    return (ObjectNode) root.path("job_stages").get(0).deepCopy();
  }

  @Override
  public Optional<ObjectNode> user(long id) {
    return byId("users", id);
  }

  @Override
  public Optional<ObjectNode> candidate(long id) {
    return byId("candidates", id);
  }

  @Override
  public Optional<ObjectNode> job(long id) {
    return byId("jobs", id);
  }

  @Override
  public Optional<ObjectNode> jobStage(long id) {
    return byId("job_stages", id);
  }

  @Override
  public Optional<ObjectNode> currentOffer(long applicationId) {
    for (JsonNode offer : root.path("offers")) {
      if (offer.path("application_id").asLong() == applicationId) {
        return Optional.of((ObjectNode) offer.deepCopy());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Long> jobPostId(long jobId) {
    for (JsonNode post : root.path("job_posts")) {
      if (post.path("job_id").asLong() == jobId) {
        return Optional.of(post.path("id").asLong());
      }
    }
    return Optional.empty();
  }

  private Optional<ObjectNode> byId(String list, long id) {
    for (JsonNode node : root.path(list)) {
      if (node.path("id").asLong() == id) {
        return Optional.of((ObjectNode) node.deepCopy());
      }
    }
    return Optional.empty();
  }
}
