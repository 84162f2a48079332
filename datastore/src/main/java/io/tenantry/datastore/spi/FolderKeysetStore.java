package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.TenantShreddedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeysetStore} in a local folder: {@code <tenant>.keyset} per tenant (written to a
 * temporary file, then renamed over the old one) and a {@code <tenant>.shredded} marker for a
 * shredded tenant, whose keyset file is overwritten with zeros and deleted.
 *
 * <p>The version of a keyset is the first 8 bytes of the SHA-256 of its file, so the files carry
 * nothing but the encrypted keyset. Compare-and-set holds within this instance (its methods are
 * serialised); processes sharing a folder must serialise themselves, as {@link
 * io.tenantry.datastore.FolderStore}'s lock does.
 */
public final class FolderKeysetStore implements KeysetStore {
  private final Path folder;

  /**
   * Creates the store over a folder (created on the first write).
   *
   * @param folder the key store's folder
   * @throws NullPointerException if {@code folder} is null
   */
  public FolderKeysetStore(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  private Path keyset(TenantId t) {
    return folder.resolve(t.value() + ".keyset");
  }

  private Path marker(TenantId t) {
    return folder.resolve(t.value() + ".shredded");
  }

  private PortFailureException failure(String what, TenantId t, IOException e) {
    return new PortFailureException("cannot " + what + " the keys of tenant '" + t + "' in "
        + folder + ": " + e.getMessage(), e);
  }

  private void checkNotShredded(TenantId tenant) {
    if (isShredded(tenant)) {
      throw new TenantShreddedException(tenant);
    }
  }

  private static long version(byte[] content) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(content)).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  @Override
  public synchronized Optional<StoredKeyset> read(TenantId tenant) {
    checkNotShredded(tenant);
    try {
      byte[] b = Files.readAllBytes(keyset(tenant));
      return Optional.of(new StoredKeyset(b, version(b)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failure("read", tenant, e);
    }
  }

  @Override
  public synchronized boolean create(TenantId tenant, byte[] encryptedKeyset) {
    Objects.requireNonNull(encryptedKeyset, "encryptedKeyset");
    if (read(tenant).isPresent()) {
      return false;
    }
    write(tenant, encryptedKeyset);
    return true;
  }

  @Override
  public synchronized boolean replace(TenantId tenant, long expectedVersion,
      byte[] encryptedKeyset) {
    Objects.requireNonNull(encryptedKeyset, "encryptedKeyset");
    Optional<StoredKeyset> current = read(tenant);
    if (current.isEmpty() || current.get().version() != expectedVersion) {
      return false;
    }
    write(tenant, encryptedKeyset);
    return true;
  }

  private void write(TenantId tenant, byte[] b) {
    Path tmp = folder.resolve("." + tenant.value() + ".keyset.tmp");
    try {
      Files.createDirectories(folder);
      Files.write(tmp, b);
      Files.move(tmp, keyset(tenant), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure("write", tenant, e);
    }
  }

  @Override
  public synchronized void shred(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Path keyset = keyset(tenant);
    try {
      Files.createDirectories(folder);
      Files.write(marker(tenant), "keys destroyed\n".getBytes(StandardCharsets.US_ASCII));
      if (Files.exists(keyset)) {
        long size = Files.size(keyset);
        try (FileChannel ch = FileChannel.open(keyset, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE)));
          ch.force(true);
        }
        Files.delete(keyset);
      }
    } catch (IOException e) {
      throw failure("destroy", tenant, e);
    }
  }

  @Override
  public boolean isShredded(TenantId tenant) {
    return Files.exists(marker(Objects.requireNonNull(tenant, "tenant")));
  }

  @Override
  public String toString() {
    return "FolderKeysetStore[" + folder + "]";
  }
}
