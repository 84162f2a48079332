package io.tenantry.reports.input;

import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The §3 fields of one {@code events.jsonl} line, as {@link ActivityEventReader} validates them:
 * for each known field its JSON kind and its text, exactly as Jackson's streaming parser would
 * report them ({@code getText()}: a string decoded, a number as written, {@code true}/{@code
 * false}, no text for an object or array). JSON {@code null} and a missing field are both absent.
 *
 * <p>Filled either by {@link #scan}, a byte scanner for the line shape every producer writes (one
 * flat object of strings, numbers, booleans and nulls), or, for every other line, by the reader's
 * Jackson path through {@link #set}. The scanner accepts a line only when it is certain Jackson
 * would accept it and report the same fields: well-formed UTF-8 only (no overlong forms, no
 * encoded surrogates), no control characters in strings, no escapes in field names, no nested
 * values, no duplicate field, no BOM, only JSON white space around tokens, numbers of at most
 * {@value #MAX_NUMBER} characters in JSON's strict grammar. Anything else returns false and the
 * caller parses the line with Jackson, which gives the line's exact error message. So both paths
 * produce the same accepted events and the same rejections (a property test checks it).
 *
 * <p>Strings are kept as byte ranges of the line and decoded only when read; one without escapes
 * or non-ASCII bytes is decoded as Latin-1, which for ASCII is the same text. Mutable, reused for
 * every line of one read pass; not thread-safe.
 */
final class EventLine {
  static final int USER = 0;
  static final int TIME = 1;
  static final int DATE = 2;
  static final int WORKLOAD = 3;
  static final int ACTIVITY = 4;
  static final int COUNT = 5;
  static final int PLATFORM = 6;
  static final int MEETING_TYPE = 7;
  static final int AUDIO = 8;
  static final int VIDEO = 9;
  static final int SCREEN = 10;
  static final int APP = 11;
  static final int GROUP = 12;
  static final int FILE = 13;
  static final int SITE = 14;
  static final int TENANT = 15;
  static final int FIELDS = 16;
  /** The wire names of the fields, indexed as above. */
  static final String[] NAMES = {"user", "time", "date", "workload", "activity", "count",
      "platform", "meetingType", "audioSeconds", "videoSeconds", "screenShareSeconds", "app",
      "group", "file", "site", "tenant"};

  static final byte ABSENT = 0;
  static final byte STRING = 1;
  static final byte INT = 2;
  static final byte FLOAT = 3;
  static final byte TRUE = 4;
  static final byte FALSE = 5;
  static final byte OBJECT = 6;
  static final byte ARRAY = 7;

  /** The longest number the scanner takes (Jackson's own limit is far above). */
  static final int MAX_NUMBER = 64;
  /** The longest string or name the scanner takes (Jackson's own limits are far above). */
  private static final int MAX_STRING = 1 << 16;
  private static final int MAX_UNKNOWN = 32;
  private static final byte[][] NAME_BYTES = new byte[FIELDS][];

  static {
    for (int f = 0; f < FIELDS; f++) {
      NAME_BYTES[f] = NAMES[f].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private final byte[] kind = new byte[FIELDS];
  private final String[] text = new String[FIELDS];
  private final int[] from = new int[FIELDS];
  private final int[] to = new int[FIELDS];
  /** Per field, whether its string holds escapes or non-ASCII bytes (decoded the long way). */
  private final boolean[] coded = new boolean[FIELDS];
  private final int[] unknownFrom = new int[MAX_UNKNOWN];
  private final int[] unknownTo = new int[MAX_UNKNOWN];
  private byte[] buf;

  /** Forgets every field. */
  void clear() {
    Arrays.fill(kind, ABSENT);
    Arrays.fill(text, null);
    buf = null;
  }

  /**
   * Records a field the Jackson path read.
   *
   * @param field the field index
   * @param token the value's token (not null: a JSON null is not recorded)
   * @param value its text, null for an object or array
   */
  void set(int field, JsonToken token, String value) {
    kind[field] = switch (token) {
      case VALUE_STRING -> STRING;
      case VALUE_NUMBER_INT -> INT;
      case VALUE_NUMBER_FLOAT -> FLOAT;
      case VALUE_TRUE -> TRUE;
      case VALUE_FALSE -> FALSE;
      case START_OBJECT -> OBJECT;
      case START_ARRAY -> ARRAY;
      default -> throw new IllegalArgumentException("not a value token: " + token);
    };
    text[field] = value;
  }

  /**
   * Returns the index of a known field name.
   *
   * @param name the name
   * @return its index, or -1 for a field §3 does not define
   */
  static int fieldOf(String name) {
    for (int f = 0; f < FIELDS; f++) {
      if (NAMES[f].equals(name)) {
        return f;
      }
    }
    return -1;
  }

  boolean present(int field) {
    return kind[field] != ABSENT;
  }

  boolean isString(int field) {
    return kind[field] == STRING;
  }

  boolean isInt(int field) {
    return kind[field] == INT;
  }

  /** Whether a field's text lies in the line as plain ASCII bytes (scanned, no escapes). */
  boolean isPlain(int field) {
    return buf != null && kind[field] != OBJECT && kind[field] != ARRAY && !coded[field];
  }

  byte[] bytes() {
    return buf;
  }

  int from(int field) {
    return from[field];
  }

  int to(int field) {
    return to[field];
  }

  /**
   * Returns a field's text as Jackson's {@code getText()} gives it.
   *
   * @param field the field index
   * @return the text, null when absent or for an object or array
   */
  String text(int field) {
    String t = text[field];
    if (t == null && buf != null && kind[field] != ABSENT && kind[field] != OBJECT
        && kind[field] != ARRAY) {
      t = coded[field] ? decode(buf, from[field], to[field])
          : new String(buf, from[field], to[field] - from[field], StandardCharsets.ISO_8859_1);
      text[field] = t;
    }
    return t;
  }

  /**
   * Scans a line of the common shape.
   *
   * @param b the bytes
   * @param off the line's first byte
   * @param end one past its last byte (line end removed)
   * @return true when the fields are filled; false when the line must go through Jackson
   */
  boolean scan(byte[] b, int off, int end) {
    clear();
    int unknown = 0;
    int seen = 0;
    int i = skipSpace(b, off, end);
    if (i >= end || b[i] != '{') {
      return false;
    }
    i = skipSpace(b, i + 1, end);
    if (i < end && b[i] == '}') {
      i++;
    } else {
      while (true) {
        if (i >= end || b[i] != '"') {
          return false;
        }
        int nameFrom = i + 1;
        int nameTo = nameFrom;
        boolean ascii = true;
        while (nameTo < end) {
          int c = b[nameTo];
          if (c == '"') {
            break;
          }
          if (c == '\\' || (c >= 0 && c < 0x20)) {
            return false;
          }
          if (c < 0) {
            int n = utf8Length(b, nameTo, end);
            if (n == 0) {
              return false;
            }
            ascii = false;
            nameTo += n;
          } else {
            nameTo++;
          }
        }
        if (nameTo >= end || nameTo - nameFrom > MAX_STRING) {
          return false;
        }
        int field = ascii ? knownField(b, nameFrom, nameTo) : -1;
        if (field >= 0) {
          if ((seen & (1 << field)) != 0) {
            return false;
          }
          seen |= 1 << field;
        } else {
          for (int k = 0; k < unknown; k++) {
            if (Arrays.equals(b, unknownFrom[k], unknownTo[k], b, nameFrom, nameTo)) {
              return false;
            }
          }
          if (unknown == MAX_UNKNOWN) {
            return false;
          }
          unknownFrom[unknown] = nameFrom;
          unknownTo[unknown++] = nameTo;
        }
        i = skipSpace(b, nameTo + 1, end);
        if (i >= end || b[i] != ':') {
          return false;
        }
        i = skipSpace(b, i + 1, end);
        if (i >= end) {
          return false;
        }
        int c = b[i];
        byte k;
        int vFrom = i;
        int vTo;
        boolean escaped = false;
        if (c == '"') {
          vFrom = i + 1;
          vTo = vFrom;
          while (true) {
            if (vTo >= end) {
              return false;
            }
            int s = b[vTo];
            if (s == '"') {
              break;
            }
            if (s == '\\') {
              int n = escapeLength(b, vTo, end);
              if (n == 0) {
                return false;
              }
              escaped = true;
              vTo += n;
            } else if (s >= 0x20) {
              vTo++;
            } else if (s < 0) {
              int n = utf8Length(b, vTo, end);
              if (n == 0) {
                return false;
              }
              escaped = true;
              vTo += n;
            } else {
              return false;
            }
          }
          if (vTo - vFrom > MAX_STRING) {
            return false;
          }
          i = vTo + 1;
          k = STRING;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          vTo = number(b, i, end);
          if (vTo < 0) {
            return false;
          }
          k = INT;
          for (int j = i; j < vTo; j++) {
            if (b[j] == '.' || b[j] == 'e' || b[j] == 'E') {
              k = FLOAT;
              break;
            }
          }
          i = vTo;
        } else if (c == 't' && literal(b, i, end, "true")) {
          vTo = i + 4;
          i = vTo;
          k = TRUE;
        } else if (c == 'f' && literal(b, i, end, "false")) {
          vTo = i + 5;
          i = vTo;
          k = FALSE;
        } else if (c == 'n' && literal(b, i, end, "null")) {
          vTo = i + 4;
          i = vTo;
          k = ABSENT;
        } else {
          return false;
        }
        if (field >= 0) {
          kind[field] = k;
          from[field] = vFrom;
          to[field] = vTo;
          coded[field] = escaped;
        }
        i = skipSpace(b, i, end);
        if (i >= end) {
          return false;
        }
        if (b[i] == ',') {
          i = skipSpace(b, i + 1, end);
        } else if (b[i] == '}') {
          i++;
          break;
        } else {
          return false;
        }
      }
    }
    if (skipSpace(b, i, end) != end) {
      return false;
    }
    buf = b;
    return true;
  }

  private static int skipSpace(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i;
  }

  private static int knownField(byte[] b, int from, int to) {
    int len = to - from;
    for (int f = 0; f < FIELDS; f++) {
      byte[] name = NAME_BYTES[f];
      if (name.length == len && name[0] == b[from]
          && Arrays.equals(name, 0, len, b, from, to)) {
        return f;
      }
    }
    return -1;
  }

  private static boolean literal(byte[] b, int i, int end, String word) {
    if (end - i < word.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (b[i + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Ends a number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}.
   *
   * @return one past its last byte, or -1 when malformed or too long
   */
  private static int number(byte[] b, int i, int end) {
    int start = i;
    if (b[i] == '-') {
      i++;
    }
    if (i >= end || !digit(b[i])) {
      return -1;
    }
    if (b[i] == '0') {
      i++;
    } else {
      while (i < end && digit(b[i])) {
        i++;
      }
    }
    if (i < end && b[i] == '.') {
      i++;
      if (i >= end || !digit(b[i])) {
        return -1;
      }
      while (i < end && digit(b[i])) {
        i++;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      if (i >= end || !digit(b[i])) {
        return -1;
      }
      while (i < end && digit(b[i])) {
        i++;
      }
    }
    return i - start > MAX_NUMBER ? -1 : i;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  /** The length of a valid escape at {@code i} (a backslash), 0 when invalid. */
  private static int escapeLength(byte[] b, int i, int end) {
    if (i + 1 >= end) {
      return 0;
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return 2;
      case 'u':
        if (i + 6 > end) {
          return 0;
        }
        for (int k = i + 2; k < i + 6; k++) {
          if (Character.digit(b[k], 16) < 0) {
            return 0;
          }
        }
        return 6;
      default:
        return 0;
    }
  }

  /**
   * The length of a well-formed UTF-8 sequence of two to four bytes at {@code i}: no overlong
   * form, no encoded surrogate, nothing above U+10FFFF.
   *
   * @return its length, 0 when not well-formed
   */
  private static int utf8Length(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) {
        lo = 0xA0;
      } else if (c == 0xED) {
        hi = 0x9F;
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) {
        lo = 0x90;
      } else if (c == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + n > end) {
      return 0;
    }
    int second = b[i + 1] & 0xFF;
    if (second < lo || second > hi) {
      return 0;
    }
    for (int k = i + 2; k < i + n; k++) {
      if ((b[k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return n;
  }

  /** Decodes a scanned string holding escapes or non-ASCII bytes (already validated). */
  private static String decode(byte[] b, int from, int to) {
    StringBuilder s = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int c = b[i];
      if (c == '\\') {
        byte e = b[i + 1];
        switch (e) {
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          case 'n' -> s.append('\n');
          case 'r' -> s.append('\r');
          case 't' -> s.append('\t');
          case 'u' -> {
            s.append((char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.US_ASCII),
                16));
            i += 4;
          }
          default -> s.append((char) e);
        }
        i += 2;
      } else if (c >= 0) {
        s.append((char) c);
        i++;
      } else {
        int n = utf8Length(b, i, to);
        s.append(new String(b, i, n, StandardCharsets.UTF_8));
        i += n;
      }
    }
    return s.toString();
  }
}
