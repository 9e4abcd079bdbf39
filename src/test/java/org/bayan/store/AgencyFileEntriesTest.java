package org.bayan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.statement.Agency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad entry of the agencies file is left out with its line and reason; the other agencies still count. */
class AgencyFileEntriesTest {
  @TempDir Path dir;

  @Test
  void each_bad_entry_is_named_by_line_and_left_out_while_the_others_load() throws Exception {
    Path f = dir.resolve("agencies.json");
    Files.writeString(f, """
        [
          {"id": "moh", "name_en": "Ministry of Health", "website": "https://moh.example.gov"},
          {"id": "Bad Slug", "name_en": "x"},
          {"id": "moi", "name_en": 123},
          {"id": "mof", "website": "javascript:alert(1)"},
          {"id": "moh", "name_en": "Renamed"},
          {"id": "spa", "name_en": "Press Agency", "website": "http://spa.example"}
        ]
        """);
    AgencyRegistry.AgencyFile read = AgencyRegistry.read(f);
    assertEquals(List.of("moh", "spa"), read.agencies().stream().map(Agency::id).toList());
    assertEquals(4, read.problems().size(), read.problems().toString());
    assertTrue(read.problems().get(0).startsWith(f + ":3: agency #2: id 'Bad Slug' is not a slug"), read.problems().toString());
    assertTrue(read.problems().get(1).startsWith(f + ":4: agency 'moi': 'name_en' must be a string, not NUMBER"), read.problems().toString());
    assertTrue(read.problems().get(2).startsWith(f + ":5: agency 'mof': website 'javascript:alert(1)' is not an http(s) URL"),
        read.problems().toString());
    assertTrue(read.problems().get(3).startsWith(f + ":6: agency 'moh': the id is already used by the entry at line 2"),
        read.problems().toString());

    AgencyRegistry registry = new AgencyRegistry(f);
    assertEquals("Ministry of Health", registry.get("moh").orElseThrow().nameEn(), "a duplicate id does not rename");
    assertEquals(4, registry.problems().size());

    // Registering another agency rewrites the file: the entries left out stay in it for the operator to fix.
    registry.register(List.of(new Agency("mon", null, "Ministry of Nothing", null, null)));
    String saved = Files.readString(f);
    assertTrue(saved.contains("javascript:alert(1)") && saved.contains("Bad Slug") && saved.contains("Renamed"), saved);
    assertEquals(3 + 4, new ObjectMapper().readTree(f.toFile()).size());
    assertEquals(List.of("moh", "mon", "spa"), new AgencyRegistry(f).all().stream().map(Agency::id).toList());
  }
}
