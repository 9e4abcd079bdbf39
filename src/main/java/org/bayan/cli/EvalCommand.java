package org.bayan.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bayan.analysis.AnalyzerRegistry;
import org.bayan.eval.BayanRetriever;
import org.bayan.eval.EvalSet;
import org.bayan.eval.Evaluation;
import org.bayan.eval.Scores;
import org.bayan.eval.StockRetriever;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure retrieval quality on a test set: index its documents in memory with Bayan's "
        + "analyzers, run every topic through the search path of /api/search, and print nDCG@10, MRR@10 and "
        + "Recall@100.")
final class EvalCommand implements Callable<Integer> {
  enum Mode { keyword, claim }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @ArgGroup(exclusive = false)
    Files3 files;

    @Option(names = "--set", paramLabel = "NAME",
        description = "A standard test set: shorthand for --corpus/--topics/--qrels in <sets>/NAME.")
    String set;

    @Option(names = "--all", description = "Run every standard test set and print one table.")
    boolean all;
  }

  static final class Files3 {
    @Option(names = "--corpus", required = true, paramLabel = "FILE",
        description = "Documents: {\"id\",\"contents\"} lines, or release files (.jsonl, .jsonl.gz).")
    Path corpus;

    @Option(names = "--topics", required = true, paramLabel = "FILE", description = "qid<TAB>query text lines.")
    Path topics;

    @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "TREC qrels: qid 0 docid rel.")
    Path qrels;
  }

  @Option(names = "--sets", paramLabel = "DIR",
      description = "Folder of standard test sets (default: ../shared/eval beside the Bayan folder).")
  Path sets;

  @Option(names = "--run", paramLabel = "FILE",
      description = "Also write a TREC run file (qid Q0 docid rank score tag); with --all, one file per set "
          + "named FILE.<set>.")
  Path run;

  @Option(names = "--mode", defaultValue = "keyword", paramLabel = "MODE",
      description = "keyword (default) or claim.")
  Mode mode;

  @Option(names = "--stock",
      description = "Measure stock Lucene instead (one field, ArabicAnalyzer/EnglishAnalyzer, classic "
          + "QueryParser on the escaped text, BM25 defaults): the baseline Bayan is compared with.")
  boolean stock;

  @Option(names = "--without-topic-copies",
      description = "Leave out of each topic's ranking the documents whose title or body is the topic's own "
          + "text (normalized as duplicates are): the ANS sets hold unjudged verbatim copies of their claims. "
          + "The table's rows are then named <set> -copies.")
  boolean withoutTopicCopies;

  @Option(names = "--analyzers", paramLabel = "DIR",
      description = "Folder of analyzer definitions (default: analyzers in the Bayan folder).")
  Path analyzers;

  @Override
  public Integer call() throws Exception {
    if (mode == Mode.claim && stock) {
      throw new ParameterException(spec.commandLine(),
          "--mode claim measures Bayan's claim path, which stock Lucene does not have: drop --stock");
    }
    Path root = sets != null ? sets : Home.resolve("../shared/eval").normalize();
    List<EvalSet> chosen = new ArrayList<>();
    if (which.all) {
      chosen.addAll(EvalSet.all(root));
    } else if (which.set != null) {
      chosen.add(EvalSet.in(root.resolve(which.set)));
    } else {
      EvalSet s = new EvalSet(which.files.corpus.getFileName().toString(), which.files.corpus,
          which.files.topics, which.files.qrels);
      s.check();
      chosen.add(s);
    }
    List<Scores> table = run(chosen);
    System.out.println(Scores.HEADER);
    for (Scores s : table) System.out.println(s.row());
    return 0;
  }

  private List<Scores> run(List<EvalSet> chosen) throws IOException {
    List<Scores> out = new ArrayList<>();
    try (AnalyzerRegistry registry = stock ? null
        : AnalyzerRegistry.load(analyzers != null ? analyzers : Home.resolve("analyzers"))) {
      for (EvalSet set : chosen) {
        Path runFile = run == null ? null
            : chosen.size() == 1 ? run : run.resolveSibling(run.getFileName() + "." + set.name());
        String tag = stock ? "stock" : mode == Mode.claim ? "bayan-claim" : "bayan";
        try (Writer w = runFile == null ? null : Files.newBufferedWriter(runFile, StandardCharsets.UTF_8)) {
          Scores s = Evaluation.run(set,
              docs -> stock ? new StockRetriever(docs) : new BayanRetriever(registry, docs, mode == Mode.claim), w, tag,
              withoutTopicCopies);
          System.err.println(s.row());
          out.add(s);
        }
      }
    }
    return out;
  }
}
