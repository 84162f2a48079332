package io.tenantry.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes output files atomically, as {@code cli.md} requires: the content goes to a temporary file
 * beside the target, which is then renamed over it, so a failed run never leaves a half-written
 * file behind.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes content through an output stream. */
  @FunctionalInterface
  public interface StreamBody {
    /**
     * Writes the content.
     *
     * @param out the stream to write to (not to be closed by the body)
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
  }

  /** Writes content through a UTF-8 writer. */
  @FunctionalInterface
  public interface TextBody {
    /**
     * Writes the content.
     *
     * @param out the writer (not to be closed by the body)
     * @throws IOException if writing fails
     */
    void write(Writer out) throws IOException;
  }

  /**
   * Writes a file atomically from a stream body, creating its parent folders.
   *
   * @param target the file to create or replace
   * @param body what to write
   * @throws IOException if writing or renaming fails; the target is then unchanged
   */
  public static void write(Path target, StreamBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new CliException(ExitCodes.CANNOT_CREATE, "cannot create " + target
          + ": a folder of that name exists");
    }
    // a name of our own (not createTempFile) so the file gets the usual permissions, not 0600
    Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid()
        + "." + Thread.currentThread().getId() + ".tmp");
    OutputStream file;
    try {
      Files.createDirectories(abs.getParent());
      file = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      // the output place cannot be made: exit 73, naming the file asked for, not the temporary one
      throw new CliException(ExitCodes.CANNOT_CREATE, "cannot create " + target + ": "
          + reason(e), e);
    }
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(file, 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Says why a file operation failed in words, with the path the exception names.
   *
   * @param e the failure
   * @return e.g. {@code "/proc/x: no such file or folder"}
   */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String what = e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
          : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name exists"
          : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
          : f.getReason() == null ? e.getClass().getSimpleName() : f.getReason();
      return f.getFile() == null ? what : f.getFile() + ": " + what;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Writes a UTF-8 text file atomically, creating its parent folders.
   *
   * @param target the file to create or replace
   * @param body what to write
   * @throws IOException if writing or renaming fails; the target is then unchanged
   */
  public static void writeText(Path target, TextBody body) throws IOException {
    write(target, out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      body.write(w);
      w.flush();
    });
  }

  /**
   * Writes a string to a UTF-8 file atomically.
   *
   * @param target the file
   * @param content the text
   * @throws IOException if writing fails
   */
  public static void writeString(Path target, String content) throws IOException {
    write(target, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }
}
