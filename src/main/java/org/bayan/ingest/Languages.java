package org.bayan.ingest;

/** Language detection for releases that do not declare one. */
public final class Languages {
  private Languages() {}

  /**
   * "ar" when Arabic-script letters outnumber Latin ones, else "en". Enough for the two languages Bayan
   * analyzes; a release in any other language should declare it.
   */
  public static String detect(String text) {
    int arabic = 0;
    int latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        if (s == Character.UnicodeScript.ARABIC) arabic++;
        else if (s == Character.UnicodeScript.LATIN) latin++;
      }
    }
    return arabic > latin ? "ar" : "en";
  }
}
