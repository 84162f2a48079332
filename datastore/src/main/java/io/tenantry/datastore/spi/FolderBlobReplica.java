package io.tenantry.datastore.spi;

import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link BlobReplica} on a local folder: {@code ROOT/<tenant>/<kind>/<id>}, where kind is
 * {@code chunks}, {@code maps} or {@code keys}.
 *
 * <p>Writes go to a temporary file in the target folder, are forced to the device and then renamed
 * over the target atomically, so a crash leaves the old blob or the new one, never a torn one.
 * The replica's root folder must exist: a missing root means a lost disk and makes the replica
 * unavailable (every call throws {@link PortFailureException}) instead of silently starting an
 * empty replica; recreating the folder and running the store's repair brings it back. Thread-safe;
 * concurrent writers of the same blob race, and the last rename wins.
 */
public final class FolderBlobReplica implements BlobReplica {
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();
  private final String name;
  private final Path root;

  /**
   * Creates a replica over an existing folder.
   *
   * @param name the name used in messages, e.g. {@code NAM/replica-1}
   * @param root the replica's folder
   * @throws NullPointerException if an argument is null
   */
  public FolderBlobReplica(String name, Path root) {
    this.name = Objects.requireNonNull(name, "name");
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * Returns the replica's folder.
   *
   * @return the root path
   */
  public Path root() {
    return root;
  }

  @Override
  public String name() {
    return name;
  }

  private void requireRoot() {
    if (!Files.isDirectory(root)) {
      throw new PortFailureException("replica " + name + " is unavailable: its folder " + root
          + " is missing or not a folder (a lost disk is never replaced silently: recreate the"
          + " folder empty and run verify --repair to rebuild it)",
          new NoSuchFileException(root.toString()));
    }
  }

  private Path path(TenantId tenant, BlobName blob) {
    return root.resolve(tenant.value()).resolve(blob.kind().folder()).resolve(blob.id());
  }

  @Override
  public void put(TenantId tenant, BlobName blob, byte[] content) {
    Objects.requireNonNull(content, "content");
    requireRoot();
    Path target = path(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(blob, "blob"));
    Path dir = target.getParent();
    Path tmp = dir.resolve("." + blob.id() + "." + ProcessHandle.current().pid() + "."
        + TEMP_COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new PortFailureException("replica " + name + " cannot write " + tenant + "/" + blob
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> get(TenantId tenant, BlobName blob) {
    requireRoot();
    Path p = path(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(blob, "blob"));
    try {
      return Optional.of(Files.readAllBytes(p));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PortFailureException("replica " + name + " cannot read " + tenant + "/" + blob
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean delete(TenantId tenant, BlobName blob) {
    requireRoot();
    Path p = path(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(blob, "blob"));
    try {
      return Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new PortFailureException("replica " + name + " cannot delete " + tenant + "/" + blob
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<BlobName> list(TenantId tenant, BlobKind kind) {
    requireRoot();
    Path dir = root.resolve(Objects.requireNonNull(tenant, "tenant").value()).resolve(kind.folder());
    List<BlobName> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String id = p.getFileName().toString();
        if (BlobName.isValidId(id) && Files.isRegularFile(p)) {
          out.add(BlobName.of(kind, id));
        }
      }
    } catch (IOException e) {
      throw new PortFailureException("replica " + name + " cannot list " + dir + ": "
          + e.getMessage(), e);
    }
    out.sort(null);
    return out;
  }

  @Override
  public Set<TenantId> tenants() {
    requireRoot();
    Set<TenantId> out = new TreeSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (Files.isDirectory(p) && n.matches("[A-Za-z0-9.-]{1,64}") && !n.equals(".")
            && !n.equals("..")) {
          out.add(TenantId.of(n));
        }
      }
    } catch (IOException e) {
      throw new PortFailureException("replica " + name + " cannot list " + root + ": "
          + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public String toString() {
    return "FolderBlobReplica[" + name + " at " + root + "]";
  }
}
