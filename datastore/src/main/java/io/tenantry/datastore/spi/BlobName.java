package io.tenantry.datastore.spi;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.util.Objects;

/**
 * The name of a blob inside one tenant's part of a replica: its kind and an opaque id.
 *
 * <p>Ids are 1 to 128 characters of ASCII letters, digits, {@code -}, {@code _} and {@code .}
 * (not starting with {@code .}), so they are safe as file names. The store derives them from
 * digests; they reveal neither object keys nor content.
 *
 * @param kind the blob's kind
 * @param id the opaque id
 */
public record BlobName(BlobKind kind, String id) implements Comparable<BlobName> {
  /**
   * Validates the name.
   *
   * @throws NullPointerException if {@code kind} is null
   * @throws ValidationException naming the bad id, if it breaks the rule above
   */
  public BlobName {
    Objects.requireNonNull(kind, "kind");
    if (!isValidId(id)) {
      throw new ValidationException(Problem.of("blob.id",
          "must be 1-128 characters of letters, digits, '-', '_' and '.', not starting with '.'", id));
    }
  }

  /**
   * Creates a name.
   *
   * @param kind the kind
   * @param id the id
   * @return the validated name
   * @throws ValidationException if the id is not valid
   */
  public static BlobName of(BlobKind kind, String id) {
    return new BlobName(kind, id);
  }

  /**
   * Tells whether a string is a valid blob id (used by adapters that enumerate foreign files).
   *
   * @param id a candidate id, may be null
   * @return true when {@link #of(BlobKind, String)} would accept it
   */
  public static boolean isValidId(String id) {
    if (id == null || id.isEmpty() || id.length() > 128 || id.charAt(0) == '.') {
      return false;
    }
    // no branch that depends on a character: the store's ids are digests in hex, whose random
    // mix of digits and letters made the former test per character mispredict about every other
    // time (it cost more than the digest that named a new chunk)
    int bad = 0;
    for (int i = 0; i < id.length(); i++) {
      int c = id.charAt(i);
      long allowed = ID_CHARS_0_63 ^ ((ID_CHARS_0_63 ^ ID_CHARS_64_127) & -(long) ((c >>> 6) & 1));
      bad |= (int) (~allowed >>> c) & 1 | c >>> 7;
    }
    return bad == 0;
  }

  /** Characters 0-63 allowed in an id, as bits: bit {@code c} is set when {@code c} may appear. */
  private static final long ID_CHARS_0_63 = idChars(0);
  /** Characters 64-127 allowed in an id: bit {@code c - 64}. */
  private static final long ID_CHARS_64_127 = idChars(64);

  private static long idChars(int from) {
    long mask = 0;
    for (int c = from; c < from + 64; c++) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '-'
          || c == '_' || c == '.') {
        mask |= 1L << (c - from);
      }
    }
    return mask;
  }

  /**
   * Orders names by kind, then id.
   *
   * @param o the other name
   * @return a negative number, zero or a positive number
   */
  @Override
  public int compareTo(BlobName o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : id.compareTo(o.id);
  }

  /**
   * Returns {@code folder/id}, e.g. {@code chunks/3fa9…}.
   *
   * @return a readable path-like form
   */
  @Override
  public String toString() {
    return kind.folder() + "/" + id;
  }
}
