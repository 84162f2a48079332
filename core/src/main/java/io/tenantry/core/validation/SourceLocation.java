package io.tenantry.core.validation;

import java.util.Objects;

/**
 * Where in an input file a value was read: the file's name as the user gave it and a 1-based line.
 *
 * @param file the file name or path as given by the user; never blank
 * @param line the 1-based line number, or 0 when the whole file is meant
 */
public record SourceLocation(String file, int line) {

  /**
   * Validates the location.
   *
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code file} is blank or {@code line} is negative
   */
  public SourceLocation {
    Objects.requireNonNull(file, "file");
    if (file.isBlank()) {
      throw new IllegalArgumentException("file must not be blank");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  /**
   * Returns the location as {@code file:line} (or just {@code file} for line 0).
   *
   * @return a human-readable location
   */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line;
  }
}
