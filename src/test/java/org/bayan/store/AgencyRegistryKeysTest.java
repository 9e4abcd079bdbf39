package org.bayan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bayan.statement.Agency;
import org.bayan.statement.AgencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgencyRegistryKeysTest {
  @TempDir Path tmp;

  @Test
  void files_without_keys_still_load_and_adding_a_key_keeps_fields_this_version_does_not_know() throws Exception {
    Path f = tmp.resolve("agencies.json");
    Files.writeString(f, "[{\"id\":\"moi\",\"name_en\":\"Interior\",\"feeds\":[\"https://moi.example/rss\"],"
        + "\"x_future\":{\"url\":\"https://moi.example/x\"}}]");
    AgencyRegistry r = new AgencyRegistry(f);
    assertEquals(List.of(), r.get("moi").orElseThrow().keys());
    String pub = "Gf88ij1gOzUf/C29YH74jni0hwxWK+7JbzVYrnmveLg=";
    r.addKey("moi", new AgencyKey("k1", pub, Instant.parse("2024-01-01T00:00:00Z"), null));
    JsonNode saved = new ObjectMapper().readTree(f.toFile()).get(0);
    assertEquals("https://moi.example/rss", saved.get("feeds").get(0).asText());
    assertEquals("https://moi.example/x", saved.get("x_future").get("url").asText());
    assertEquals("k1", saved.get("keys").get(0).get("id").asText());
    AgencyKey k = new AgencyRegistry(f).get("moi").orElseThrow().key("k1").orElseThrow();
    assertTrue(k.covers(Instant.parse("2024-06-01T00:00:00Z")));
    // Re-registering the agency from an export without keys keeps the key.
    r.register(List.of(new Agency("moi", null, "Interior", null, null)));
    assertEquals(1, new AgencyRegistry(f).get("moi").orElseThrow().keys().size());
    assertThrows(IllegalArgumentException.class,
        () -> r.addKey("moi", new AgencyKey("k1", pub, Instant.parse("2024-01-01T00:00:00Z"), null)));
  }

  @Test
  void a_bad_key_entry_is_reported_with_file_agency_and_key() throws Exception {
    Path f = tmp.resolve("agencies.json");
    Files.writeString(f, "[{\"id\":\"moi\",\"keys\":[{\"id\":\"k1\",\"public_key\":\"abc\",\"valid_from\":\"2024-01-01\"}]}]");
    AgencyRegistry.AgencyFile read = AgencyRegistry.read(f);
    assertTrue(read.agencies().isEmpty());
    assertTrue(read.problems().getFirst().contains(f + ":1: agency 'moi': key #1: public_key"), read.problems().toString());
  }
}
