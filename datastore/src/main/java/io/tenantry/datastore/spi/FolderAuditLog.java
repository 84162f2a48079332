package io.tenantry.datastore.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenantry.core.Page;
import io.tenantry.core.PageToken;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link io.tenantry.core.spi.AuditLog} kept in a folder, one file of JSON lines per tenant
 * ({@code <tenant>.jsonl}), in the format of {@link #toJsonLine(AuditRecord)}.
 *
 * <p>Appends are forced to the device before {@code append} returns. A tenant's trail is read
 * once per instance and kept in memory for queries and duplicate-id checks, so one instance
 * should own the folder at a time (the store's folder lock ensures it for {@code tenantry
 * store}). Retention rewrites the file atomically. Thread-safe. A line that cannot be parsed
 * fails the read with a {@link PortFailureException} naming the file and line: an audit trail is
 * never read partially.
 */
public final class FolderAuditLog implements io.tenantry.core.spi.AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<AuditRecord> ORDER = Comparator.comparing(AuditRecord::time);

  private final Path folder;
  private final ConcurrentHashMap<TenantId, List<AuditRecord>> trails = new ConcurrentHashMap<>();

  /**
   * Creates a log over a folder (created on first append).
   *
   * @param folder the folder
   */
  public FolderAuditLog(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /**
   * Renders a record as one JSON object: {@code time} (ISO-8601 UTC), {@code tenant}, {@code
   * actor}, {@code activity}, {@code key} (only when the record has a target), {@code result}
   * ({@code Success} or {@code Failure}), {@code id}, and {@code details} (only when not empty).
   *
   * @param r the record
   * @return the JSON text, without a line break
   */
  public static String toJsonLine(AuditRecord r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("time", r.time().toString());
    o.put("tenant", r.tenant().value());
    o.put("actor", r.actor());
    o.put("activity", r.activity());
    if (r.target() != null) {
      o.put("key", r.target());
    }
    o.put("result", r.result().wireName());
    o.put("id", r.id());
    if (!r.details().isEmpty()) {
      ObjectNode d = o.putObject("details");
      r.details().forEach(d::put);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render an audit record as JSON", e);
    }
  }

  private static AuditRecord parse(String line, Path file, int lineNo) {
    try {
      JsonNode o = JSON.readTree(line);
      Map<String, String> details = new LinkedHashMap<>();
      JsonNode d = o.get("details");
      if (d != null) {
        for (Map.Entry<String, JsonNode> e : d.properties()) {
          details.put(e.getKey(), e.getValue().asText());
        }
      }
      String result = o.get("result").asText();
      AuditResult r = result.equals(AuditResult.SUCCESS.wireName()) ? AuditResult.SUCCESS
          : AuditResult.FAILURE;
      return new AuditRecord(o.get("id").asText(), TenantId.of(o.get("tenant").asText()),
          Instant.parse(o.get("time").asText()), o.get("actor").asText(),
          o.get("activity").asText(), o.hasNonNull("key") ? o.get("key").asText() : null, r,
          details);
    } catch (IOException | RuntimeException e) {
      throw new PortFailureException("audit trail " + file + ":" + lineNo
          + " is not a valid audit record: " + e.getMessage(), e);
    }
  }

  private Path file(TenantId tenant) {
    return folder.resolve(tenant.value() + ".jsonl");
  }

  private List<AuditRecord> trail(TenantId tenant) {
    return trails.computeIfAbsent(tenant, t -> {
      Path f = file(t);
      List<AuditRecord> out = new ArrayList<>();
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        return out;
      } catch (IOException e) {
        throw new PortFailureException("cannot read audit trail " + f + ": " + e.getMessage(), e);
      }
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          AuditRecord r = parse(lines.get(i), f, i + 1);
          if (!r.tenant().equals(t)) {
            throw new PortFailureException("audit trail " + f + ":" + (i + 1)
                + " holds a record of another tenant", new IllegalStateException(r.tenant().value()));
          }
          out.add(r);
        }
      }
      out.sort(ORDER);
      return out;
    });
  }

  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    List<AuditRecord> trail = trail(record.tenant());
    synchronized (trail) {
      for (AuditRecord r : trail) {
        if (r.id().equals(record.id())) {
          if (r.equals(record)) {
            return;
          }
          throw new ConflictException("DUPLICATE_ID", "tenant '" + record.tenant()
              + "' already has a different audit record with id '" + record.id() + "'");
        }
      }
      Path f = file(record.tenant());
      byte[] line = (toJsonLine(record) + "\n").getBytes(StandardCharsets.UTF_8);
      try {
        Files.createDirectories(folder);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
          ByteBuffer b = ByteBuffer.wrap(line);
          while (b.hasRemaining()) {
            ch.write(b);
          }
          ch.force(true);
        }
      } catch (IOException e) {
        throw new PortFailureException("cannot append to audit trail " + f + ": "
            + e.getMessage(), e);
      }
      int at = trail.size();
      while (at > 0 && trail.get(at - 1).time().isAfter(record.time())) {
        at--;
      }
      trail.add(at, record);
    }
  }

  @Override
  public Page<AuditRecord> query(AuditQuery query) {
    Objects.requireNonNull(query, "query");
    List<AuditRecord> trail = trail(query.tenant());
    synchronized (trail) {
      int start = query.after() == null ? 0 : decode(query.tenant(), query.after());
      List<AuditRecord> page = new ArrayList<>();
      for (int i = start; i < trail.size(); i++) {
        AuditRecord r = trail.get(i);
        if (!query.matches(r)) {
          continue;
        }
        if (page.size() == query.limit()) {
          return new Page<>(page, encode(query.tenant(), i));
        }
        page.add(r);
      }
      return Page.last(page);
    }
  }

  @Override
  public long purgeBefore(TenantId tenant, Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    List<AuditRecord> trail = trail(Objects.requireNonNull(tenant, "tenant"));
    synchronized (trail) {
      List<AuditRecord> keep = new ArrayList<>();
      for (AuditRecord r : trail) {
        if (!r.time().isBefore(cutoff)) {
          keep.add(r);
        }
      }
      long removed = trail.size() - keep.size();
      if (removed == 0) {
        return 0;
      }
      StringBuilder sb = new StringBuilder();
      for (AuditRecord r : keep) {
        sb.append(toJsonLine(r)).append('\n');
      }
      Path f = file(tenant);
      Path tmp = folder.resolve("." + tenant.value() + ".jsonl.tmp");
      try {
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new PortFailureException("cannot rewrite audit trail " + f + ": " + e.getMessage(),
            e);
      }
      trail.clear();
      trail.addAll(keep);
      return removed;
    }
  }

  private static PageToken encode(TenantId tenant, int index) {
    return new PageToken(Base64.getUrlEncoder().withoutPadding().encodeToString(
        (tenant.value() + "\n" + index).getBytes(StandardCharsets.UTF_8)));
  }

  private static int decode(TenantId tenant, PageToken token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token.value()), StandardCharsets.UTF_8);
      int nl = raw.indexOf('\n');
      if (nl > 0 && raw.substring(0, nl).equals(tenant.value())) {
        int i = Integer.parseInt(raw.substring(nl + 1));
        if (i >= 0) {
          return i;
        }
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // the same answer for every malformed or foreign token
    }
    throw new ValidationException(Problem.of("after", "is not a page token of this tenant's audit"
        + " trail", token.value()));
  }

  @Override
  public String toString() {
    return "FolderAuditLog[" + folder + "]";
  }
}
