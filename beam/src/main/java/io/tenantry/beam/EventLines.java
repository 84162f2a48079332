package io.tenantry.beam;

/** Normalises one {@code events.jsonl} line as the engine's reader does: no BOM, no CR. */
final class EventLines {
  private EventLines() {}

  static String strip(String line) {
    String s = line;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
