package io.tenantry.datastore.spi;

/**
 * The three kinds of blob the store keeps apart, after SharePoint's split of blob store, content
 * database and key material: ciphertext chunks, encrypted chunk maps and wrapped data keys.
 */
public enum BlobKind {
  /** One encrypted chunk of an object's content. */
  CHUNK("chunks"),
  /** An object's encrypted chunk map (which chunks, in which order, the object's size and geo). */
  MAP("maps"),
  /**
   * An object version's data keys, sealed by the tenant's intermediate key, which goes along
   * wrapped by the tenant's key-encryption key (the previous format, still read, wrapped the
   * data keys with the key-encryption key directly).
   */
  KEYS("keys");

  private final String folder;

  BlobKind(String folder) {
    this.folder = folder;
  }

  /**
   * Returns the folder name a file-based replica keeps this kind of blob in.
   *
   * @return {@code chunks}, {@code maps} or {@code keys}
   */
  public String folder() {
    return folder;
  }
}
