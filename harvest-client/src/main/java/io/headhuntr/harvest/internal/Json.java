package io.headhuntr.harvest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * The JSON binding of the client: snake_case names, unknown properties ignored (Greenhouse adds
 * fields), nulls omitted from request bodies, timestamps as ISO-8601 strings read with or without
 * fractions.
 */
public final class Json {
  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(
            new SimpleModule("harvest-instants")
                .addDeserializer(Instant.class, new FlexibleInstantDeserializer()))
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
