package io.tenantry.reports.internal;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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
   * Turns a decoding failure into a validation error that names the file.
   *
   * @param e the failure
   * @param source the file name
   * @return the exception to throw
   */
  public static ValidationException notUtf8(CharacterCodingException e, String source) {
    return new ValidationException(new Problem("file", "is not valid UTF-8 (" + e.getMessage()
        + ")", null, new SourceLocation(source, 0)));
  }
}
