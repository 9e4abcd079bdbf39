package org.bayan.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.index.LuceneIndex;
import org.bayan.ingest.IndexSync;
import org.bayan.ingest.InvalidRecordException;
import org.bayan.ingest.ReleaseParser;
import org.bayan.ingest.feed.FeedReader;
import org.bayan.search.InvalidParameterException;
import org.bayan.search.SearchRequest;
import org.bayan.search.SearchService;
import org.bayan.search.query.QueryLanguage;
import org.bayan.statement.Release;
import org.bayan.store.ReleaseStore;
import org.bayan.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The parsers that read what strangers send: the search box's query language (through to a real Lucene
 * search), pushed and filed releases, and agency feeds. Each may refuse its input only with its own clear
 * exception; anything else (a NullPointerException, a Lucene error, a stack overflow) is a bug.
 *
 * <p>In the test suite the {@code @FuzzTest}s replay their stored inputs (regression mode) and the property
 * tests run a few thousand random inputs. To fuzz with coverage guidance: {@code JAZZER_FUZZ=1 mvn test
 * -Dtest=ParsersFuzzTest -Djazzer.max_duration=10m}; every crash found is saved as an input under
 * {@code src/test/resources/org/bayan/fuzz/ParsersFuzzTestInputs/} and so becomes a regression test.
 */
class ParsersFuzzTest {
  static Path dir;
  static ReleaseStore store;
  static LuceneIndex index;
  static SearchService search;
  static final ReleaseParser RELEASES = new ReleaseParser(a -> a.equals("moh"), ReleaseParser.DEFAULT_MAX_BODY_CHARS);
  static final QueryLanguage LANGUAGE = new QueryLanguage();
  static final String ALPHABET = " \"-*:ORorabcxyzالصحةتطعيمأإآىةـً0123456789٠١٢agency:moh type:lang:\t\n()[]{}~^\\/?!.,;'|&+=#%$@";

  @BeforeAll
  static void index() throws Exception {
    dir = Files.createTempDirectory("bayan-fuzz");
    store = ReleaseStore.open(dir.resolve("store"));
    index = LuceneIndex.inMemory(AnalyzerRegistry.load(Fixtures.analyzers()));
    List<Release> releases = new ArrayList<>();
    releases.add(RELEASES.parse(Fixtures.release("moh-1", "moh", "حملة تطعيم", "أعلنت وزارة الصحة عن حملة تطعيم ضد الحصبة",
        "2024-05-01").getBytes(StandardCharsets.UTF_8)));
    releases.add(RELEASES.parse(Fixtures.release("moh-2", "moh", "Health notice", "The ministry of health announced vaccination",
        "2024-02-01").getBytes(StandardCharsets.UTF_8)));
    store.append(releases);
    new IndexSync(store, index).catchUp();
    search = new SearchService(index, a -> Optional.empty(), 2_000);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
    store.close();
  }

  static void query(String q) {
    assertNotNull(LANGUAGE.parse(q));
    try {
      assertNotNull(search.search(SearchRequest.parse(Map.of("q", List.of(q)))));
    } catch (InvalidParameterException e) {
      // A limit named (length, terms, clauses): a clear 400, which is allowed.
    }
  }

  static void release(byte[] bytes) {
    try {
      assertNotNull(RELEASES.parse(bytes));
    } catch (InvalidRecordException e) {
      // Rejected with a reason: allowed.
    }
  }

  static void feed(byte[] bytes, String contentType) {
    try {
      assertNotNull(FeedReader.read(bytes, contentType, "moh", "fuzz"));
    } catch (FeedReader.UnreadableFeedException e) {
      // Refused by name: allowed.
    }
  }

  @FuzzTest(maxDuration = "30s")
  void queryLanguage(FuzzedDataProvider data) {
    query(data.consumeRemainingAsString());
  }

  @FuzzTest(maxDuration = "30s")
  void releaseParser(FuzzedDataProvider data) {
    release(data.consumeRemainingAsBytes());
  }

  @FuzzTest(maxDuration = "30s")
  void feedReader(FuzzedDataProvider data) {
    String type = data.pickValue(new String[] {"application/rss+xml", "application/atom+xml; charset=windows-1256",
        "text/xml", "text/html", ""});
    feed(data.consumeRemainingAsBytes(), type.isEmpty() ? null : type);
  }

  /** Random queries from an alphabet rich in the language's operators, Arabic letters and marks. */
  @Test
  void random_queries_never_fail_but_with_a_named_limit() {
    Random r = new Random(7);
    for (int i = 0; i < 1_500; i++) {
      StringBuilder q = new StringBuilder();
      int n = r.nextInt(40);
      for (int j = 0; j < n; j++) q.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      if (r.nextInt(10) == 0) q.append(Character.toChars(r.nextInt(0x10FFFF - 0x10000) + 0x10000));
      query(q.toString());
    }
  }

  /** Random mutations of a valid release: fields dropped, retyped, duplicated, bytes flipped. */
  @Test
  void mutated_releases_are_accepted_or_rejected_with_a_reason() {
    byte[] valid = Fixtures.release("moh-9", "moh", "عنوان", "نص", "2024-05-01").getBytes(StandardCharsets.UTF_8);
    Random r = new Random(11);
    for (int i = 0; i < 1_500; i++) {
      byte[] b = valid.clone();
      int flips = 1 + r.nextInt(4);
      for (int f = 0; f < flips; f++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
      release(b);
      String s = new String(valid, StandardCharsets.UTF_8);
      String[] swaps = {"\"2024-05-01\"", "\"moh\"", "\"moh-9\"", "\"نص\""};
      String[] with = {"null", "[]", "{}", "1e999", "\"\"", "\"" + "x".repeat(300) + "\"", "\"2024-02-30\"", "-1", "true"};
      release(s.replace(swaps[r.nextInt(swaps.length)], with[r.nextInt(with.length)]).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Truncations and mutations of a small RSS and Atom feed. */
  @Test
  void mutated_feeds_are_read_or_refused_by_name() {
    String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title><link>https://moh.example/</link>"
        + "<description>d</description><item><title>بيان</title><link>https://moh.example/a</link><description>نص &amp; المزيد</description>"
        + "<pubDate>Wed, 01 May 2024 10:00:00 +0300</pubDate><guid>a</guid></item></channel></rss>";
    String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>x</id><updated>2024-05-01T00:00:00Z</updated>"
        + "<entry><title>بيان</title><id>e1</id><link href=\"https://moh.example/e\"/><updated>2024-05-01T00:00:00Z</updated><content type=\"html\">&lt;p&gt;نص&lt;/p&gt;</content></entry></feed>";
    Random r = new Random(13);
    for (String doc : List.of(rss, atom)) {
      byte[] valid = doc.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 300; i++) {
        byte[] b = java.util.Arrays.copyOf(valid, 1 + r.nextInt(valid.length));
        if (r.nextBoolean()) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
        feed(b, r.nextBoolean() ? "application/rss+xml" : null);
      }
    }
  }
}
