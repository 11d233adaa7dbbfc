package io.headhuntr.connector.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.headhuntr.connector.store.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code demo.json}: what a person (or a script) needs to use the demo tenant; a second run reads
 * it back to reuse the tenant. It holds secrets of a local demo only.
 */
public record DemoInfo(
    String connectorUrl,
    String adminToken,
    String tenantId,
    String tenantToken,
    String webhookUrl,
    String webhookSecret,
    String sandboxUrl,
    String sandboxApiKey,
    String apiVersion) {

  public static final String FILE = "demo.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /** The file of an earlier run, if there is a readable one. */
  public static Optional<DemoInfo> read(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), DemoInfo.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public void write(Path dataDir) {
    try {
      // it holds the admin and tenant tokens and the webhook secret: owner-only
      OwnerOnlyFile.write(dataDir.resolve(FILE), JSON.writeValueAsString(this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE), e);
    }
  }

  @Override
  public String toString() {
    return "DemoInfo[connectorUrl=" + connectorUrl + ", tenantId=" + tenantId + ", secrets=****]";
  }
}
