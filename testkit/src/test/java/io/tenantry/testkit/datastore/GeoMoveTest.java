package io.tenantry.testkit.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.DataLocation;
import io.tenantry.core.GeoRegistry;
import io.tenantry.core.ObjectKey;
import io.tenantry.core.TenantGeography;
import io.tenantry.core.TenantId;
import io.tenantry.core.audit.AuditQuery;
import io.tenantry.core.audit.AuditRecord;
import io.tenantry.core.audit.AuditResult;
import io.tenantry.core.error.ConflictException;
import io.tenantry.core.spi.InMemoryAuditLog;
import io.tenantry.datastore.EncryptedStore;
import io.tenantry.datastore.GeoMoveListener;
import io.tenantry.datastore.GeoMoveReadOnlyException;
import io.tenantry.datastore.GeoMoveReport;
import io.tenantry.datastore.GeoMoveReport.Outcome;
import io.tenantry.datastore.GeoMoveState;
import io.tenantry.datastore.Placement;
import io.tenantry.datastore.ReadResult;
import io.tenantry.datastore.VerifyFinding;
import io.tenantry.datastore.VerifyReport;
import io.tenantry.datastore.spi.BlobKind;
import io.tenantry.datastore.spi.BlobName;
import io.tenantry.datastore.spi.BlobReplica;
import io.tenantry.datastore.spi.InMemoryBlobReplica;
import io.tenantry.datastore.spi.MasterKey;
import io.tenantry.datastore.spi.TinkKeyEncryptionService;
import io.tenantry.testkit.datastore.FaultyBlobReplica.Fault;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Geo moves over fault-injecting replicas: every state and transition of {@link GeoMoveState},
 * reads during a move, writes in its read-only window, rollback, and resuming after a crash
 * (simulated by an {@link Error} thrown from a replica, then a new store over the same replicas).
 */
class GeoMoveTest {
  private static final DataLocation NAM = GeoRegistry.documented().require("NAM");
  private static final DataLocation EUR = GeoRegistry.documented().require("EUR");
  private static final TenantId T = TenantId.of("contoso");
  private static final ObjectKey K = ObjectKey.of("docs/plan.txt");
  private static final int CHUNK = 16;

  private final Map<DataLocation, List<FaultyBlobReplica>> replicas = new LinkedHashMap<>();
  private final Map<DataLocation, List<Tripwire>> wires = new LinkedHashMap<>();
  private final TinkKeyEncryptionService keys =
      TinkKeyEncryptionService.inMemory(MasterKey.fromBytes(new byte[32]));
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private EncryptedStore store;

  GeoMoveTest() {
    for (DataLocation g : List.of(NAM, EUR)) {
      List<FaultyBlobReplica> list = new ArrayList<>();
      List<Tripwire> trips = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        FaultyBlobReplica r = new FaultyBlobReplica(new InMemoryBlobReplica(g.code() + "/" + i));
        list.add(r);
        trips.add(new Tripwire(r));
      }
      replicas.put(g, list);
      wires.put(g, trips);
    }
    store = newStore();
  }

  /** A store over the same replicas, keys and audit: what a restarted process opens. */
  private EncryptedStore newStore() {
    EncryptedStore.Builder b = EncryptedStore.builder()
        .geography(new TenantGeography(NAM, List.of(EUR))).keys(keys).audit(audit)
        .writeQuorum(2).chunkSize(CHUNK);
    wires.forEach(b::replicas);
    return b.build();
  }

  private FaultyBlobReplica replica(DataLocation geo, int oneBased) {
    return replicas.get(geo).get(oneBased - 1);
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  private long blobs(DataLocation geo, BlobKind kind) {
    long n = 0;
    for (FaultyBlobReplica r : replicas.get(geo)) {
      n += r.inner().list(T, kind).size();
    }
    return n;
  }

  private long blobs(DataLocation geo) {
    long n = 0;
    for (BlobKind k : BlobKind.values()) {
      n += blobs(geo, k);
    }
    return n;
  }

  /** Records every state each object enters, and runs an action on chosen ones. */
  private static final class Recorder implements GeoMoveListener {
    final Map<String, List<GeoMoveState>> states = new ConcurrentHashMap<>();
    final Map<GeoMoveState, Runnable> on = new ConcurrentHashMap<>();

    @Override
    public void entered(TenantId tenant, ObjectKey key, GeoMoveState state) {
      states.computeIfAbsent(key.value(), k -> new CopyOnWriteArrayList<>()).add(state);
      Runnable r = on.remove(state);
      if (r != null) {
        r.run();
      }
    }
  }

  @Test
  void move_takesEachObjectThroughEveryState_inOrder_andReportsTotals() {
    store.put(T, K, bytes(40, 1), Placement.geo(NAM), "alice");
    store.put(T, ObjectKey.of("there"), bytes(5, 2), Placement.geo(EUR), "alice");
    Recorder rec = new Recorder();

    GeoMoveReport report = store.moveTenant(T, EUR, "ops", rec);

    assertThat(rec.states.get(K.value())).containsExactly(GeoMoveState.QUEUED,
        GeoMoveState.COPYING, GeoMoveState.READ_ONLY, GeoMoveState.SWITCHED,
        GeoMoveState.SOURCE_CLEANED);
    assertThat(rec.states.get("there")).containsExactly(GeoMoveState.QUEUED,
        GeoMoveState.SOURCE_CLEANED);
    assertThat(report.objects()).isEqualTo(2);
    assertThat(report.count(Outcome.MOVED)).isEqualTo(1);
    assertThat(report.count(GeoMoveState.SOURCE_CLEANED)).isEqualTo(2);
    assertThat(report.bytesMoved()).isEqualTo(40);
    assertThat(report.verified()).isTrue();
    assertThat(report.items()).allSatisfy(i -> assertThat(i.verified()).isTrue());
    assertThat(blobs(NAM)).isZero();
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(bytes(40, 1));
  }

  @Test
  void reads_duringTheCopy_proceedFromTheSource_andNeverSeeAWrongVersion() throws Exception {
    byte[] content = bytes(20 * CHUNK + 3, 3);
    store.put(T, K, content, Placement.geo(NAM), "alice");
    CountDownLatch gate = new CountDownLatch(1);
    replica(EUR, 1).holdWritesUntil(gate);
    replica(EUR, 2).inject(Fault.SLOW).delay(Duration.ofMillis(1));
    CountDownLatch copying = new CountDownLatch(1);
    CountDownLatch readsWhileHeld = new CountDownLatch(5);
    AtomicBoolean held = new AtomicBoolean(true);
    AtomicBoolean moveDone = new AtomicBoolean();
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    Recorder rec = new Recorder();
    rec.on.put(GeoMoveState.COPYING, copying::countDown);

    Thread reader = new Thread(() -> {
      try {
        copying.await();
        while (!moveDone.get()) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ReadResult r = store.get(T, K, out, "reader");
          boolean right = java.util.Arrays.equals(out.toByteArray(), content);
          seen.add(r.object().geo().code() + (right ? "" : "!") + (held.get() ? "*" : ""));
          if (held.get()) {
            readsWhileHeld.countDown();
          }
        }
      } catch (Throwable t) {
        readerFailure.set(t);
        readsWhileHeld.countDown();
      }
    });
    reader.start();
    AtomicReference<GeoMoveReport> report = new AtomicReference<>();
    Thread mover = new Thread(() -> report.set(store.moveTenant(T, EUR, "ops", rec)));
    mover.start();
    // the copy is stalled on a target replica: reads must still complete meanwhile (the bound
    // only keeps a regression from hanging the build: reads that waited for the copy would end
    // after the gate opened, unmarked, and fail the assertions below)
    readsWhileHeld.await(60, java.util.concurrent.TimeUnit.SECONDS);
    held.set(false);
    gate.countDown();
    mover.join();
    moveDone.set(true);
    reader.join();

    assertThat(readerFailure.get()).isNull();
    assertThat(seen).filteredOn(s -> s.endsWith("*")).hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(s -> assertThat(s).isEqualTo("NAM*"));
    assertThat(seen).noneMatch(s -> s.contains("!"));
    // served from the source until the switch, from the target afterwards, never back
    String order = String.join(",", seen).replace("*", "");
    assertThat(order).matches("(NAM,)*NAM(,EUR)*");
    assertThat(report.get().items()).singleElement()
        .satisfies(i -> assertThat(i.state()).isEqualTo(GeoMoveState.SOURCE_CLEANED));
    assertThat(store.get(T, K, new ByteArrayOutputStream(), "alice").object().geo())
        .isEqualTo(EUR);
  }

  @Test
  void writes_inTheReadOnlyWindow_areRefused_readsWork_andAfterTheSwitchReadsComeFromTheTarget() {
    byte[] content = bytes(50, 4);
    store.put(T, K, content, Placement.geo(NAM), "alice");
    Recorder rec = new Recorder();
    List<Object> inWindow = new ArrayList<>();
    rec.on.put(GeoMoveState.READ_ONLY, () -> {
      inWindow.add(store.getBytes(T, K, "reader"));
      for (Runnable write : List.<Runnable>of(
          () -> store.put(T, K, new byte[] {1}, Placement.geo(NAM), "writer"),
          () -> store.delete(T, K, "writer"))) {
        try {
          write.run();
          inWindow.add("accepted");
        } catch (RuntimeException e) {
          inWindow.add(e);
        }
      }
    });
    List<DataLocation> afterSwitch = new ArrayList<>();
    rec.on.put(GeoMoveState.SWITCHED, () -> afterSwitch.add(
        store.get(T, K, new ByteArrayOutputStream(), "reader").object().geo()));

    store.moveTenant(T, EUR, "ops", rec);

    assertThat((byte[]) inWindow.get(0)).isEqualTo(content);
    assertThat(inWindow.subList(1, 3)).allSatisfy(e -> {
      assertThat(e).isInstanceOf(GeoMoveReadOnlyException.class);
      assertThat(((ConflictException) e).kind()).isEqualTo(GeoMoveReadOnlyException.KIND);
      assertThat(((Exception) e).getMessage()).contains(K.value(), "read-only window", "NAM",
          "EUR");
    });
    assertThat(afterSwitch).containsExactly(EUR);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    assertThat(audit.query(AuditQuery.of(T).withActivity("Put")).items())
        .filteredOn(r -> r.actor().equals("writer")).singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo(AuditResult.FAILURE));
  }

  @Test
  void aPut_duringTheCopy_isAccepted_andTheMoveCopiesTheNewVersion() {
    store.put(T, K, bytes(30, 5), Placement.geo(NAM), "alice");
    Recorder rec = new Recorder();
    rec.on.put(GeoMoveState.COPYING, () -> store.put(T, K, bytes(70, 6), Placement.geo(NAM),
        "writer"));

    GeoMoveReport report = store.moveTenant(T, EUR, "ops", rec);

    assertThat(rec.states.get(K.value())).containsExactly(GeoMoveState.QUEUED,
        GeoMoveState.COPYING, GeoMoveState.COPYING, GeoMoveState.READ_ONLY,
        GeoMoveState.SWITCHED, GeoMoveState.SOURCE_CLEANED);
    assertThat(report.items()).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo(Outcome.MOVED);
      assertThat(i.bytes()).isEqualTo(70);
    });
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(bytes(70, 6));
    assertThat(blobs(NAM)).isZero();
    assertThat(store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void aPutIntoTheTarget_orADelete_duringTheCopy_leavesNoCopyOfTheMoveBehind() {
    store.put(T, K, bytes(30, 7), Placement.geo(NAM), "alice");
    store.put(T, ObjectKey.of("gone"), bytes(30, 8), Placement.geo(NAM), "alice");
    Map<String, Runnable> writes = Map.of(
        K.value(), () -> store.put(T, K, bytes(20, 9), Placement.geo(EUR), "writer"),
        "gone", () -> store.delete(T, ObjectKey.of("gone"), "writer"));
    GeoMoveListener listener = (t, k, s) -> {
      if (s == GeoMoveState.COPYING) {
        writes.get(k.value()).run();
      }
    };

    GeoMoveReport report = store.moveTenant(T, EUR, "ops", listener);

    assertThat(report.items()).extracting(GeoMoveReport.Item::key, GeoMoveReport.Item::outcome,
        GeoMoveReport.Item::state).containsExactly(
            org.assertj.core.groups.Tuple.tuple(K, Outcome.ALREADY_IN_TARGET,
                GeoMoveState.SOURCE_CLEANED),
            org.assertj.core.groups.Tuple.tuple(ObjectKey.of("gone"), Outcome.DELETED,
                GeoMoveState.ROLLED_BACK));
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(bytes(20, 9));
    assertThat(blobs(EUR, BlobKind.CHUNK)).isEqualTo(3 * 2);
    assertThat(store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void targetFailingAtTheCopy_failsAndRollsBack_theSourceStaysCurrent_andARerunMovesIt() {
    byte[] content = bytes(45, 10);
    store.put(T, K, content, Placement.geo(NAM), "alice");
    Recorder rec = new Recorder();
    rec.on.put(GeoMoveState.COPYING, () -> {
      replica(EUR, 1).inject(Fault.FAIL);
      replica(EUR, 2).inject(Fault.FAIL);
    });

    GeoMoveReport failed = store.moveTenant(T, EUR, "ops", rec);

    assertThat(rec.states.get(K.value())).containsExactly(GeoMoveState.QUEUED,
        GeoMoveState.COPYING, GeoMoveState.FAILED, GeoMoveState.ROLLED_BACK);
    assertThat(failed.items()).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo(Outcome.FAILED);
      assertThat(i.state()).isEqualTo(GeoMoveState.ROLLED_BACK);
      assertThat(i.reason()).contains("write quorum", "EUR");
    });
    assertThat(failed.verified()).isFalse();
    assertThat(store.get(T, K, new ByteArrayOutputStream(), "alice").object().geo())
        .isEqualTo(NAM);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    replicas.get(EUR).forEach(r -> r.inject(Fault.NONE));
    assertThat(blobs(EUR)).isZero();
    assertThat(audit.query(AuditQuery.of(T).withActivity("GeoMove")).items())
        .filteredOn(r -> K.value().equals(r.target()))
        .extracting(r -> r.details().get("side") + ":" + r.result() + ":"
            + r.details().get("state"))
        .containsExactly("source:FAILURE:ROLLED_BACK", "target:FAILURE:ROLLED_BACK");

    assertThat(store.moveTenant(T, EUR, "ops").count(Outcome.MOVED)).isEqualTo(1);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    assertThat(blobs(NAM)).isZero();
  }

  @Test
  void corruptOrLosingTargetReplicas_areLeftOutOfTheSwitch_andBelowQuorumTheMoveRollsBack() {
    byte[] content = bytes(33, 11);
    store.put(T, K, content, Placement.geo(NAM), "alice");
    // one corrupt replica: the other two verify, the switch goes on without it
    Recorder one = new Recorder();
    one.on.put(GeoMoveState.READ_ONLY, () -> replica(EUR, 1).inject(Fault.CORRUPT));
    GeoMoveReport moved = store.moveTenant(T, EUR, "ops", one);
    replica(EUR, 1).inject(Fault.NONE);
    assertThat(moved.items()).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo(Outcome.MOVED);
      assertThat(i.state()).isEqualTo(GeoMoveState.SOURCE_CLEANED);
    });
    // the left-out replica is repaired by the next read
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    assertThat(store.verify(false, "ops").findings()).isEmpty();

    // back to NAM with two losing replicas there: the copy does not verify, it is rolled back
    Recorder two = new Recorder();
    two.on.put(GeoMoveState.COPYING, () -> {
      replica(NAM, 1).inject(Fault.LOSE);
      replica(NAM, 3).inject(Fault.LOSE);
    });
    GeoMoveReport lost = store.moveTenant(T, NAM, "ops", two);
    replicas.get(NAM).forEach(r -> r.inject(Fault.NONE));
    assertThat(two.states.get(K.value())).containsSubsequence(GeoMoveState.READ_ONLY,
        GeoMoveState.FAILED, GeoMoveState.ROLLED_BACK);
    assertThat(lost.items()).singleElement()
        .satisfies(i -> assertThat(i.reason()).contains("verifies"));
    assertThat(blobs(NAM)).isZero();
    assertThat(store.get(T, K, new ByteArrayOutputStream(), "alice").object().geo())
        .isEqualTo(EUR);
  }

  @Test
  void aSwitchBelowQuorum_leavesTheSourceCurrent_andTheRerunMovesIt() {
    byte[] content = bytes(37, 15);
    store.put(T, K, content, Placement.geo(NAM), "alice");
    Recorder rec = new Recorder();
    // the copy verifies, then two target replicas refuse every write: the switch cannot commit
    rec.on.put(GeoMoveState.READ_ONLY, () -> {
      replica(EUR, 1).inject(Fault.FAIL_WRITES);
      replica(EUR, 2).inject(Fault.FAIL_WRITES);
    });

    GeoMoveReport failed = store.moveTenant(T, EUR, "ops", rec);

    assertThat(rec.states.get(K.value())).containsExactly(GeoMoveState.QUEUED,
        GeoMoveState.COPYING, GeoMoveState.READ_ONLY, GeoMoveState.FAILED);
    assertThat(failed.items()).singleElement().satisfies(i -> {
      assertThat(i.state()).isEqualTo(GeoMoveState.FAILED);
      assertThat(i.reason()).contains("took the switch", "could not be removed yet");
    });
    assertThat(store.get(T, K, new ByteArrayOutputStream(), "alice").object().geo())
        .isEqualTo(NAM);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    replicas.get(EUR).forEach(r -> r.inject(Fault.NONE));
    assertThat(store.moveTenant(T, EUR, "ops").count(GeoMoveState.SOURCE_CLEANED)).isEqualTo(1);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(content);
    assertThat(blobs(NAM)).isZero();
    assertThat(blobs(EUR, BlobKind.MAP)).isEqualTo(3);
    assertThat(store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void aSlowTarget_stillMoves() {
    store.put(T, K, bytes(64, 12), Placement.geo(NAM), "alice");
    replicas.get(EUR).forEach(r -> r.inject(Fault.SLOW).delay(Duration.ofMillis(1)));

    assertThat(store.moveTenant(T, EUR, "ops").count(GeoMoveState.SOURCE_CLEANED)).isEqualTo(1);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(bytes(64, 12));
  }

  /** Fills the tenant with three objects in NAM; returns their contents by key. */
  private Map<ObjectKey, byte[]> threeObjects() {
    Map<ObjectKey, byte[]> objects = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      ObjectKey k = ObjectKey.of("file-" + i);
      objects.put(k, bytes(5 * CHUNK + 1 + i, 20 + i));
      store.put(T, k, objects.get(k), Placement.geo(NAM), "alice");
    }
    return objects;
  }

  private void assertAllInEur(Map<ObjectKey, byte[]> objects) {
    objects.forEach((k, v) -> {
      assertThat(store.getBytes(T, k, "alice")).isEqualTo(v);
      assertThat(store.get(T, k, new ByteArrayOutputStream(), "alice").object().geo())
          .isEqualTo(EUR);
    });
    assertThat(blobs(NAM)).isZero();
    // exactly the objects' current versions in EUR: no copy in progress, no orphan chunk
    for (FaultyBlobReplica r : replicas.get(EUR)) {
      assertThat(r.inner().list(T, BlobKind.MAP)).hasSize(objects.size());
      assertThat(r.inner().list(T, BlobKind.KEYS)).hasSize(objects.size());
      assertThat(r.inner().list(T, BlobKind.CHUNK)).hasSize(objects.size() * 6);
    }
    assertThat(store.verify(false, "ops").findings()).isEmpty();
  }

  @Test
  void aCrashMidCopy_leavesEveryObjectReadable_andARerunFinishesWithNoLeftovers() {
    Map<ObjectKey, byte[]> objects = threeObjects();
    wires.get(EUR).get(1).crashOnChunkPut(8);

    assertThatThrownBy(() -> store.moveTenant(T, EUR, "ops"))
        .isInstanceOf(SimulatedCrash.class);
    wires.get(EUR).get(1).disarm();
    store = newStore();
    objects.forEach((k, v) -> assertThat(store.getBytes(T, k, "alice")).isEqualTo(v));
    assertThat(replicas.get(EUR).stream().flatMap(r -> r.inner().list(T, BlobKind.MAP).stream())
        .map(BlobName::id)).anyMatch(id -> id.endsWith(".move"));

    GeoMoveReport resumed = store.moveTenant(T, EUR, "ops");

    assertThat(resumed.count(Outcome.FAILED)).isZero();
    assertThat(resumed.verified()).isTrue();
    assertAllInEur(objects);
  }

  @Test
  void aCrashAfterTheSwitch_isFinishedByTheRerun_whichCleansTheSource() {
    Map<ObjectKey, byte[]> objects = threeObjects();
    wires.get(NAM).get(0).crashOnDelete();

    assertThatThrownBy(() -> store.moveTenant(T, EUR, "ops"))
        .isInstanceOf(SimulatedCrash.class);
    wires.get(NAM).get(0).disarm();
    store = newStore();

    GeoMoveReport resumed = store.moveTenant(T, EUR, "ops");

    assertThat(resumed.items()).filteredOn(i -> i.outcome() == Outcome.ALREADY_IN_TARGET)
        .isNotEmpty().allSatisfy(i -> assertThat(i.state()).isEqualTo(GeoMoveState.SOURCE_CLEANED));
    assertThat(resumed.items()).filteredOn(i -> !i.reason().isEmpty())
        .singleElement().satisfies(i -> assertThat(i.reason()).contains("interrupted"));
    assertThat(audit.query(AuditQuery.of(T).withActivity("GeoMove")).items())
        .filteredOn(r -> r.details().containsKey("finished"))
        .extracting(r -> r.details().get("side") + "@" + r.details().get("geo"))
        .containsExactly("source@NAM", "target@EUR");
    assertAllInEur(objects);
  }

  @Test
  void aCrashAfterAFailingReplica_leavesACopyWhereItCannotBeRemoved_andTheRerunRemovesIt() {
    Map<ObjectKey, byte[]> objects = threeObjects();
    // after a few chunks two target replicas fail: the copy in progress there cannot be removed
    wires.get(EUR).get(0).onChunkPut(4, () -> {
      replica(EUR, 1).inject(Fault.FAIL);
      replica(EUR, 2).inject(Fault.FAIL);
    });

    GeoMoveReport failed = store.moveTenant(T, EUR, "ops");
    replicas.get(EUR).forEach(r -> r.inject(Fault.NONE));

    assertThat(failed.count(Outcome.FAILED)).isEqualTo(3);
    assertThat(failed.count(GeoMoveState.FAILED)).isPositive();
    objects.forEach((k, v) -> assertThat(store.getBytes(T, k, "alice")).isEqualTo(v));
    assertThat(blobs(EUR)).isPositive();
    assertThat(store.moveTenant(T, EUR, "ops").count(Outcome.MOVED)).isEqualTo(3);
    assertAllInEur(objects);
  }

  @Test
  void anUnexpectedException_midCopy_failsThatObjectAndRollsItBack_theOthersMove() {
    Map<ObjectKey, byte[]> objects = threeObjects();
    wires.get(EUR).get(2).onChunkPut(2, () -> {
      throw new IllegalStateException("replica bug");
    });

    GeoMoveReport report = store.moveTenant(T, EUR, "ops");

    assertThat(report.items()).filteredOn(i -> i.outcome() == Outcome.FAILED).singleElement()
        .satisfies(i -> {
          assertThat(i.state()).isEqualTo(GeoMoveState.ROLLED_BACK);
          assertThat(i.reason()).contains("replica bug");
          assertThat(i.from()).isEqualTo(NAM);
        });
    assertThat(report.count(Outcome.MOVED)).isEqualTo(2);
    objects.forEach((k, v) -> assertThat(store.getBytes(T, k, "alice")).isEqualTo(v));
    assertThat(store.moveTenant(T, EUR, "ops").count(Outcome.MOVED)).isEqualTo(1);
    assertAllInEur(objects);
  }

  @Test
  void verifyWithRepair_removesWhatAnInterruptedMoveLeft() {
    Map<ObjectKey, byte[]> objects = threeObjects();
    wires.get(EUR).get(2).crashOnChunkPut(3);
    assertThatThrownBy(() -> store.moveTenant(T, EUR, "ops"))
        .isInstanceOf(SimulatedCrash.class);
    wires.get(EUR).get(2).disarm();
    store = newStore();

    VerifyReport before = store.verify(false, "ops");
    assertThat(before.intact()).isTrue();
    assertThat(before.findings()).extracting(VerifyFinding::detail)
        .anyMatch(d -> d.contains("interrupted geo move"));
    store.verify(true, "ops");

    assertThat(blobs(EUR)).isZero();
    assertThat(store.verify(false, "ops").findings()).isEmpty();
    objects.forEach((k, v) -> assertThat(store.getBytes(T, k, "alice")).isEqualTo(v));
  }

  @Test
  void aKeyRotation_duringTheCopy_makesTheMoveCopyAgainUnderTheNewKey() {
    store.put(T, K, bytes(40, 13), Placement.geo(NAM), "alice");
    Recorder rec = new Recorder();
    rec.on.put(GeoMoveState.READ_ONLY, () -> store.rotateKey(T, "admin"));

    GeoMoveReport report = store.moveTenant(T, EUR, "ops", rec);

    assertThat(rec.states.get(K.value())).containsSubsequence(GeoMoveState.READ_ONLY,
        GeoMoveState.COPYING, GeoMoveState.READ_ONLY, GeoMoveState.SWITCHED);
    assertThat(report.count(GeoMoveState.SOURCE_CLEANED)).isEqualTo(1);
    assertThat(store.getBytes(T, K, "alice")).isEqualTo(bytes(40, 13));
    assertThat(audit.query(AuditQuery.of(T).withActivity("GeoMove")).items())
        .filteredOn(r -> K.value().equals(r.target()))
        .allSatisfy(r -> assertThat(r.details()).containsEntry("attempts", "2"));
  }

  @Test
  void aSecondMoveOfTheSameTenant_whileOneRuns_isRefused() {
    store.put(T, K, bytes(10, 14), Placement.geo(NAM), "alice");
    AtomicReference<RuntimeException> second = new AtomicReference<>();
    Recorder rec = new Recorder();
    rec.on.put(GeoMoveState.COPYING, () -> {
      try {
        store.moveTenant(T, NAM, "other");
      } catch (RuntimeException e) {
        second.set(e);
      }
    });

    store.moveTenant(T, EUR, "ops", rec);

    assertThat(second.get()).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already running");
    List<AuditRecord> trail = audit.query(AuditQuery.of(T).withActivity("GeoMove")).items();
    assertThat(trail).filteredOn(r -> r.actor().equals("other")).singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo(AuditResult.FAILURE));
  }

  /** A simulated process crash: an {@link Error}, which the store does not catch. */
  private static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(String what) {
      super("simulated crash at " + what);
    }
  }

  /** A replica that runs an action (or crashes) at a chosen write. */
  private static final class Tripwire implements BlobReplica {
    private final BlobReplica inner;
    private final AtomicInteger chunkPuts = new AtomicInteger();
    private volatile int at = -1;
    private volatile Runnable action;
    private volatile boolean crashOnDelete;

    Tripwire(BlobReplica inner) {
      this.inner = inner;
    }

    void crashOnChunkPut(int n) {
      onChunkPut(n, () -> {
        throw new SimulatedCrash("chunk put " + n + " on " + inner.name());
      });
    }

    void onChunkPut(int n, Runnable then) {
      chunkPuts.set(0);
      action = then;
      at = n;
    }

    void crashOnDelete() {
      crashOnDelete = true;
    }

    void disarm() {
      at = -1;
      crashOnDelete = false;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public void put(TenantId tenant, BlobName name, byte[] content) {
      if (name.kind() == BlobKind.CHUNK && at >= 0 && chunkPuts.incrementAndGet() == at) {
        at = -1;
        action.run();
      }
      inner.put(tenant, name, content);
    }

    @Override
    public Optional<byte[]> get(TenantId tenant, BlobName name) {
      return inner.get(tenant, name);
    }

    @Override
    public boolean delete(TenantId tenant, BlobName name) {
      if (crashOnDelete) {
        throw new SimulatedCrash("delete of " + name + " on " + inner.name());
      }
      return inner.delete(tenant, name);
    }

    @Override
    public List<BlobName> list(TenantId tenant, BlobKind kind) {
      return inner.list(tenant, kind);
    }

    @Override
    public Set<TenantId> tenants() {
      return inner.tenants();
    }
  }
}
