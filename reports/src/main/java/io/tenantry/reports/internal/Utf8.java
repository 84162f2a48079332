package io.tenantry.reports.internal;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening text files as strict UTF-8. */
public final class Utf8 {
  private Utf8() {}

  /**
   * Opens a file for reading as UTF-8 that fails on malformed bytes instead of replacing them.
   *
   * @param file the file
   * @return a buffered reader
   * @throws IOException if the file cannot be opened (e.g. {@link java.nio.file.NoSuchFileException})
   */
  public static Reader open(Path file) throws IOException {
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
  }

  /**
   * Finds where a file stops being valid UTF-8 and returns a validation error that says so, with
   * the 1-based byte position and line of the first malformed byte, and no decoder jargon.
   *
   * @param file the file that failed to decode
   * @param source the file name for the error location
   * @return the exception to throw
   * @throws IOException if the file cannot be read again
   */
  public static ValidationException notUtf8At(Path file, String source) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(1 << 12);
    CoderResult result;
    while (true) {
      result = decoder.decode(bytes, chars, true);
      if (result.isOverflow()) {
        chars.clear();
        continue;
      }
      break;
    }
    int offset = bytes.position();
    int line = 1;
    for (int i = 0; i < offset; i++) {
      byte b = bytes.get(i);
      if (b == '\n' || (b == '\r' && (i + 1 >= bytes.limit() || bytes.get(i + 1) != '\n'))) {
        line++;
      }
    }
    String what = result.isError()
        ? "is not valid UTF-8 text: byte " + (offset + 1) + " (0x"
            + String.format("%02X", bytes.get(offset) & 0xFF) + ") is not part of a UTF-8 character"
        : "is not valid UTF-8 text";
    return new ValidationException(new Problem("file", what, null,
        new SourceLocation(source, line)));
  }
}
