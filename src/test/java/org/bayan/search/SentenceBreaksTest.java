package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {
  static List<Integer> forward(String text) {
    SentenceBreaks b = new SentenceBreaks();
    b.setText(text);
    List<Integer> out = new ArrayList<>();
    out.add(b.first());
    for (int p = b.next(); p != BreakIterator.DONE; p = b.next()) out.add(p);
    return out;
  }

  @Test
  void sentencesEndAtStopsFollowedBySpaceAndAtLineBreaks() {
    String t = "First one. Second one? \"Third!\" Fourth\nFifth";
    assertEquals(List.of(0, 11, 23, 32, 39, t.length()), forward(t));
  }

  @Test
  void arabicQuestionMarkAndFullStopEndSentences() {
    String t = "هل انتهى؟ نعم. انتهى";
    assertEquals(List.of(0, 10, 15, t.length()), forward(t));
  }

  @Test
  void numbersAndAbbreviationsWithoutASpaceDoNotEndASentence() {
    String t = "Growth was 3.5 percent, i.e. more.";
    assertEquals(List.of(0, 29, t.length()), forward(t));
  }

  @Test
  void precedingAndFollowingFindTheNeighbouringBoundaries() {
    String t = "One. Two. Three.";
    SentenceBreaks b = new SentenceBreaks();
    b.setText(t);
    assertEquals(5, b.following(0));
    assertEquals(10, b.following(5));
    assertEquals(t.length(), b.following(12));
    assertEquals(BreakIterator.DONE, b.following(t.length()));
    assertEquals(5, b.preceding(7));
    assertEquals(0, b.preceding(5));
    assertEquals(BreakIterator.DONE, b.preceding(0));
  }
}
