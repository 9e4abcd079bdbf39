package org.bayan.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.testing.Fixtures;
import org.bayan.testing.OpenSearchCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every analysis chain in analyzers/ gives the same tokens, positions and offsets in OpenSearch as in Bayan,
 * both through the generated definition (OpenSearch's built-in filters where they exist) and with every filter
 * run by the bayan-analysis plugin.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
class OpenSearchAnalysisParityTest {
  static AnalyzerRegistry registry;
  static OpenSearchClient client;

  /** The inputs of ArabicChainTest, and more of what statements hold. */
  static final List<String> GOLDEN = List.of(
      "أحمد", "احمد", "إعلان", "اعلان", "آمال", "امال", "مستشفى", "مستشفي", "الحكومه", "الحكومة",
      "الحُكُومَةُ", "وَزِيرٌ", "وزير", "الحكـــومة", "٢٠٢٤", "۲۰۲۴", "أعلنت شركة Google عن", "كِتَاب", "في", "إلى", "الى",
      "وزارة الداخلية تنفي إغلاق الطرق الرئيسية يوم الجمعة.",
      "أعلنت الوزارة عن مواعيد الامتحانات الوطنية لسنة ٢٠٢٤.",
      "والمعلمون والمعلمات بالمدارس، وللطلاب: ٣٥٪ من المقاعد!",
      "قال وزير الصحة إن ١٢٫٥ مليون جرعة وصلت يوم ٢٠٢٣/٠٦/١٠ إلى الرياض",
      "حكومته حكومتي وزارتي وزارتا حكومتان اتفاقيتان استقالتها مستشفيات عسكريين اتصالاً هاتفياً وقرر ثابتاً بيروتي الكويتيين",
      "حكومتك شركتا لافتاً مستواها مباراتها المباريات موظفو عسكريي أكدوا بياناً سابقة الحكومو",
      "ﻻ ﺍﻟﻠﻪ ﷲ ﻋﻠﻴﻪ", "مؤسسة النقد العربي السعودي (ساما) https://www.sama.gov.sa/ar-sa/News",
      "The Ministry of Health's statement: vaccinations aren't mandatory.",
      "Children's hospitals opened in 2024; the ministers' meeting was postponed.",
      "running runs ran easily fairly THE AND Über café naïve",
      "COVID-19 e-mail U.S.A. 3.14 10,000 #hashtag @user",
      "", "   ", "...", "😀 رمز تعبيري");

  @BeforeAll
  static void setUp(OpenSearchCluster cluster) {
    registry = AnalyzerRegistry.load(Fixtures.analyzers());
    client = new OpenSearchClient(cluster.urls());
    create("analysis-builtin", new IndexDefinition(registry, 1, 0));
    create("analysis-plugin", new IndexDefinition(registry, 1, 0).everythingThroughPlugin());
  }

  static void create(String name, IndexDefinition def) {
    client.send("DELETE", "/" + name, null, null);
    ObjectNode body = def.createIndexBody();
    body.remove("mappings");
    client.call("PUT", "/" + name, body);
  }

  @AfterAll
  static void tearDown() {
    registry.close();
  }

  static List<String> samples() {
    List<String> all = new ArrayList<>(GOLDEN);
    for (String set : List.of("xquadr-ar", "xquadr-en", "ans-dev")) {
      Path corpus = Fixtures.shared().resolve("eval").resolve(set).resolve("corpus.jsonl");
      try (var lines = Files.lines(corpus)) {
        for (String l : lines.limit(15).toList()) all.add(client.json().readTree(l).path("contents").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  @Test
  void every_chain_gives_the_same_tokens_with_builtin_filters() {
    assertSameTokens("analysis-builtin");
  }

  @Test
  void every_chain_gives_the_same_tokens_with_every_filter_in_the_plugin() {
    assertSameTokens("analysis-plugin");
  }

  @Test
  void the_plugin_is_loaded_on_every_node() {
    JsonNode plugins = client.call("GET", "/_cat/plugins?format=json", null);
    long nodes = 0;
    for (JsonNode p : plugins) if (p.path("component").asText().endsWith("BayanAnalysisPlugin")) nodes++;
    long running = client.call("GET", "/_cat/nodes?format=json", null).size();
    assertTrue(running >= 1);
    assertEquals(running, nodes, plugins.toString());
  }

  private static void assertSameTokens(String index) {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (String analyzer : registry.definitions().keySet()) {
      for (String text : samples()) {
        List<String> bayan = tokens(registry.get(analyzer), text);
        List<String> os = openSearchTokens(index, analyzer, text);
        compared++;
        if (!bayan.equals(os)) mismatches.add(analyzer + " «" + text + "»\n  bayan:      " + bayan + "\n  opensearch: " + os);
      }
    }
    assertTrue(compared > 100, "compared " + compared);
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + compared + " differ:\n" + String.join("\n", mismatches));
  }

  static List<String> tokens(Analyzer a, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "@" + pos + "[" + off.startOffset() + "," + off.endOffset() + "]");
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<String> openSearchTokens(String index, String analyzer, String text) {
    ObjectNode body = client.json().createObjectNode();
    body.put("analyzer", analyzer);
    body.put("text", text);
    List<String> out = new ArrayList<>();
    for (JsonNode t : client.call("POST", "/" + index + "/_analyze", body).path("tokens")) {
      out.add(t.path("token").asText() + "@" + t.path("position").asInt() + "[" + t.path("start_offset").asInt() + ","
          + t.path("end_offset").asInt() + "]");
    }
    return out;
  }
}
