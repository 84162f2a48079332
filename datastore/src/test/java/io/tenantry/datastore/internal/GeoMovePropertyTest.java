package io.tenantry.datastore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.GeoMoveReport;
import io.tenantry.datastore.GeoMoveState;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Placement residency through geo moves: no blob of an object (chunk, map, keys, a copy in
 * progress) is ever at rest outside its geo, except, while the object is being moved, in its
 * source and its target. Checked on every write a replica takes and over every replica at every
 * state an object enters; every object stays readable with its content throughout, and another
 * tenant's blobs are never touched.
 */
class GeoMovePropertyTest {
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");
  private static final DataLocation EUR = GeoRegistry.documented().require("EUR");
  private static final DataLocation JPN = GeoRegistry.documented().require("JPN");
  private static final List<DataLocation> GEOS = List.of(NAM, EUR, JPN);
  private static final TenantId A = TenantId.of("contoso");
  private static final TenantId B = TenantId.of("fabrikam");
  private static final int CHUNK = 16;

  /** Which object each of tenant A's possible blob names belongs to. */
  private final Map<BlobName, String> owner = new HashMap<>();
  /** Where each object is current. */
  private final Map<String, DataLocation> home = new LinkedHashMap<>();
  private volatile String inFlight;
  private volatile DataLocation source;
  private volatile DataLocation target;
  private final List<String> violations = new ArrayList<>();

  /** A replica of one geo that checks every blob it is given for tenant A. */
  private final class Watch implements BlobReplica {
    final DataLocation geo;
    final InMemoryBlobReplica inner;
    volatile boolean down;

    Watch(DataLocation geo, int n) {
      this.geo = geo;
      this.inner = new InMemoryBlobReplica(geo.code() + "/" + n);
    }

    private void check() {
      if (down) {
        throw new PortFailureException(inner.name() + " is down", new java.io.IOException("down"));
      }
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void put(TenantId tenant, BlobName name, byte[] content) {
      check();
      if (tenant.equals(A)) {
        allowed(name, geo, "written to " + inner.name());
      }
      inner.put(tenant, name, content);
    }

    @Override
    public Optional<byte[]> get(TenantId tenant, BlobName name) {
      check();
      return inner.get(tenant, name);
    }

    @Override
    public boolean delete(TenantId tenant, BlobName name) {
      check();
      return inner.delete(tenant, name);
    }

    @Override
    public List<BlobName> list(TenantId tenant, BlobKind kind) {
      check();
      return inner.list(tenant, kind);
    }

    @Override
    public Set<TenantId> tenants() {
      check();
      return inner.tenants();
    }
  }

  private void allowed(BlobName name, DataLocation geo, String where) {
    String o = owner.get(name);
    boolean ok = o != null && (geo.equals(home.get(o)) || o.equals(inFlight)
        && (geo.equals(target) || geo.equals(source)));
    if (!ok) {
      synchronized (violations) {
        violations.add(name + " of " + o + " " + where + " (home " + home.get(o) + ", moving "
            + inFlight + " from " + source + " to " + target + ")");
      }
    }
  }

  private void scan(Map<DataLocation, List<Watch>> replicas, String when) {
    replicas.forEach((geo, list) -> {
      for (Watch w : list) {
        for (BlobKind k : BlobKind.values()) {
          for (BlobName n : w.inner.list(A, k)) {
            allowed(n, geo, "at rest on " + w.inner.name() + " " + when);
          }
        }
      }
    });
  }

  @Provide
  Arbitrary<List<Integer>> sizes() {
    return Arbitraries.integers().between(0, 4 * CHUNK - 1).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 150)
  void noBlob_isEverAtRestOutsideItsGeo_exceptDuringAMoveInSourceAndTarget(
      @ForAll("sizes") List<Integer> sizes,
      @ForAll @Size(min = 5, max = 5) List<@IntRange(min = 0, max = 2) Integer> geos,
      @ForAll @IntRange(min = 0, max = 2) int targetIndex,
      @ForAll @IntRange(min = 0, max = 2) int targetReplicasDown) {
    // jqwik runs every try on one instance: start each from nothing
    home.clear();
    violations.clear();
    inFlight = null;
    source = null;
    Map<DataLocation, List<Watch>> replicas = new LinkedHashMap<>();
    EncryptedStore.Builder b = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of(EUR, JPN))).writeQuorum(2).chunkSize(CHUNK)
        .keys(TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32])));
    for (DataLocation g : GEOS) {
      List<Watch> list = List.of(new Watch(g, 1), new Watch(g, 2), new Watch(g, 3));
      replicas.put(g, list);
      b.replicas(g, list);
    }
    EncryptedStore store = b.build();
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (int i = 0; i < sizes.size(); i++) {
      String key = "o" + i;
      String objId = Names.objectId(key);
      owner.put(Names.map(objId), key);
      owner.put(Names.keys(objId), key);
      owner.put(Names.stagedMap(objId), key);
      owner.put(Names.stagedKeys(objId), key);
      for (long v = 1; v <= 6; v++) {
        for (int c = 0; c <= 4; c++) {
          owner.put(Names.chunk(A, objId, v, c), key);
        }
      }
      byte[] bytes = new byte[sizes.get(i)];
      new java.util.SplittableRandom(i).nextBytes(bytes);
      content.put(key, bytes);
      home.put(key, GEOS.get(geos.get(i)));
      store.put(A, ObjectKey.of(key), bytes, Placement.geo(home.get(key)), "p");
    }
    byte[] other = {1, 2, 3};
    store.put(B, ObjectKey.of("o0"), other, Placement.geo(NAM), "p");
    Map<DataLocation, Integer> bBlobs = new HashMap<>();
    replicas.forEach((g, l) -> bBlobs.put(g, l.stream().mapToInt(w -> w.inner.list(B,
        BlobKind.CHUNK).size()).sum()));
    target = GEOS.get(targetIndex);
    for (int i = 0; i < targetReplicasDown; i++) {
      replicas.get(target).get(i).down = true;
    }
    List<String> unreadable = new ArrayList<>();

    GeoMoveReport report = store.moveTenant(A, target, "mover", (t, k, state) -> {
      switch (state) {
        case COPYING -> {
          source = home.get(k.value());
          inFlight = k.value();
        }
        case SWITCHED -> home.put(k.value(), target);
        default -> { }
      }
      scan(replicas, "when " + k + " entered " + state);
      if (state == GeoMoveState.SOURCE_CLEANED || state == GeoMoveState.ROLLED_BACK) {
        inFlight = null;
        scan(replicas, "after " + k + " left the move in " + state);
      }
      content.forEach((key, bytes) -> {
        if (!java.util.Arrays.equals(store.getBytes(A, ObjectKey.of(key), "reader"), bytes)) {
          unreadable.add(key + " when " + k + " entered " + state);
        }
      });
    });

    scan(replicas, "after the move");
    assertThat(violations).isEmpty();
    assertThat(unreadable).isEmpty();
    boolean canMove = targetReplicasDown < 2;
    for (GeoMoveReport.Item item : report.items()) {
      boolean wasThere = item.outcome() == GeoMoveReport.Outcome.ALREADY_IN_TARGET;
      assertThat(item.state()).isEqualTo(canMove || wasThere ? GeoMoveState.SOURCE_CLEANED
          : GeoMoveState.ROLLED_BACK);
      assertThat(home.get(item.key().value())).isEqualTo(canMove || wasThere ? target
          : item.from());
    }
    assertThat(report.objects()).isEqualTo(sizes.size());
    replicas.forEach((g, l) -> assertThat(l.stream().mapToInt(w -> w.inner.list(B,
        BlobKind.CHUNK).size()).sum()).isEqualTo(bBlobs.get(g)));
    assertThat(store.getBytes(B, ObjectKey.of("o0"), "p")).isEqualTo(other);
  }
}
