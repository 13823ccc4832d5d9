package dev.ndnj.engine.fw;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FaceTable;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.PacketReceiver;
import dev.ndnj.engine.platform.Cancellable;
import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.Scheduler;
import dev.ndnj.engine.table.ContentStore;
import dev.ndnj.engine.table.DeadNonceList;
import dev.ndnj.engine.table.Fib;
import dev.ndnj.engine.table.InRecord;
import dev.ndnj.engine.table.OutRecord;
import dev.ndnj.engine.table.Pit;
import dev.ndnj.engine.table.PitEntry;
import dev.ndnj.engine.table.PitExpiry;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.NackReason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The forwarder: owns the tables and implements NFD's pipelines as named methods. Faces deliver packets to it (it is
 * their {@link PacketReceiver}); strategies act through it. Everything runs on one forwarding thread: the tables are
 * not thread-safe by design.
 */
public final class Forwarder implements PacketReceiver {
  /** The expiry "timer" of an entry waiting in {@link #finalizeSoon}; cancelling it does nothing. */
  private static final Cancellable FINALIZE_SOON = () -> {};

  private final Clock clock;
  private final Scheduler scheduler;
  private final RandomSource random;
  private final FaceTable faceTable;
  private final Pit pit;
  private final Fib fib = new Fib();
  private final ContentStore cs;
  private final DeadNonceList deadNonceList;
  private final StrategyChoice strategyChoice;
  private final ForwarderCounters counters = new ForwarderCounters();
  private final ContentStoreShortPath shortPath;
  private final boolean admitUnsolicitedLocal;
  private final List<PitEntry> matches = new ArrayList<>();
  /** Entries to finalize after the current work, in order; see {@link #setExpiryTimer}. */
  private final List<PitEntry> finalizeSoon = new ArrayList<>();
  private final Runnable finalizeSoonTask = this::runFinalizeTask;
  /** Whether {@link #finalizeSoonTask} is scheduled and has not run yet. */
  private boolean finalizeTaskPending;
  /** Lifetime expiry of pending entries (no timer per entry). */
  private final PitExpiry expiry;
  /**
   * Where the Data now going through the pipelines came from, for IncomingFaceId (NFD tags the Data with it): the
   * upstream face id while a strategy handles a received Data, {@link FaceTable#CONTENT_STORE} otherwise.
   */
  private int dataSourceFaceId = FaceTable.CONTENT_STORE;
  /** The face the Interest now being forwarded came from, for IncomingFaceId (NFD tags the Interest); 0 if none. */
  private int interestSourceFaceId;
  /**
   * The clock, read once when a packet enters a pipeline ({@link #packetTime}) and used for every decision about that
   * packet, instead of once per table or strategy step (a clock read costs about 40 ns on the JVM, and the pipelines
   * of one Interest/Data exchange read it four times); {@link #now()} reads the clock outside pipelines.
   */
  private long packetTime;
  private int pipelineDepth;

  /** A forwarder with its own face table, PIT, FIB, strategy choice and Dead Nonce List, and the given CS. */
  public Forwarder(ForwarderConfig config, Clock clock, Scheduler scheduler, RandomSource random, ContentStore cs) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
    this.cs = cs;
    this.pit = new Pit(config.pitMaxEntries, config.pitPerFaceQuota);
    this.expiry = new PitExpiry(scheduler, clock, this::onInterestFinalize);
    this.deadNonceList = new DeadNonceList(clock, config.deadNonceLifetimeMillis, config.deadNonceListCapacity);
    this.admitUnsolicitedLocal = config.admitUnsolicitedFromLocalFaces;
    this.faceTable = new FaceTable(this);
    this.strategyChoice = new StrategyChoice(this);
    this.shortPath = new ContentStoreShortPath(counters, strategyChoice, deadNonceList, pit, cs);
    faceTable.addListener(new FaceTable.Listener() {
      @Override
      public void faceRemoved(Face face) {
        cleanupOnFaceRemoval(face);
      }
    });
  }

  /** The face table. */ public FaceTable faceTable() { return faceTable; }
  /** The PIT. */ public Pit pit() { return pit; }
  /** The FIB. */ public Fib fib() { return fib; }
  /** The Content Store. */ public ContentStore cs() { return cs; }
  /** The Dead Nonce List. */ public DeadNonceList deadNonceList() { return deadNonceList; }
  /** The strategy choice table. */ public StrategyChoice strategyChoice() { return strategyChoice; }
  /** The counters. */ public ForwarderCounters counters() { return counters; }
  /** The clock. */ public Clock clock() { return clock; }
  /** The scheduler (forwarding thread). */ public Scheduler scheduler() { return scheduler; }

  /** Monotonic now in milliseconds: the arrival time of the packet in the pipeline, else the clock's. */
  long now() {
    return pipelineDepth > 0 ? packetTime : clock.monotonicMillis();
  }

  private void enterPipeline() {
    if (pipelineDepth++ == 0) {
      packetTime = clock.monotonicMillis();
    }
  }

  /**
   * Leaves a pipeline; leaving the outermost one finalizes the entries it satisfied, Nacked or rejected (see
   * {@link #setExpiryTimer}), with the packet's time, while they are still in the CPU's caches.
   */
  private void leavePipeline() {
    try {
      if (pipelineDepth == 1 && !finalizeSoon.isEmpty()) {
        finalizeQueued();
      }
    } finally {
      pipelineDepth--;
    }
  }

  // ---------------------------------------------------------------------------------------------- Interest

  @Override
  public void onInterest(Face ingress, Interest interest, ByteBuffer pitToken, long nextHopFaceId) {
    enterPipeline();
    try {
      onIncomingInterest(ingress, interest, pitToken, nextHopFaceId);
    } finally {
      leavePipeline();
    }
  }

  /**
   * Answers a Content Store hit straight from the received frame when the incoming Interest pipeline would have
   * answered it without a PIT entry, with the same effects ({@link ContentStoreShortPath}); false, having done
   * nothing, for any other frame. Called by link services whose faces enable it.
   */
  @Override
  public boolean answerInPlace(Face ingress, byte[] frame, int from, int to) {
    return shortPath.answer(ingress, frame, from, to);
  }

  /** Incoming Interest pipeline. */
  void onIncomingInterest(Face ingress, Interest interest, ByteBuffer pitToken, long nextHopFaceId) {
    counters.inInterests++;
    if (!interest.hasNonce()) {
      interest = interest.withNonce(random.nextInt());
    }
    if (interest.hasHopLimit()) {
      if (interest.hopLimit() == 0) {
        counters.hopLimitZero++;
        return;
      }
      interest = interest.withHopLimit(interest.hopLimit() - 1);
    }
    if (!ingress.isLocal() && ScopePrefix.isLocalhost(interest.name())) {
      counters.localhostViolations++;
      return;
    }
    cs.prefetch(interest.name());
    if (deadNonceList.has(interest.name(), interest.nonce())) {
      onInterestLoop(ingress, interest, pitToken);
      return;
    }
    PitEntry entry = pit.find(interest);
    boolean missed = false;
    if (entry == null && strategyChoice.contentStoreHitsWithoutEntry()) {
      // A new entry has no record to find a loop with and nothing pending: look in the Content Store before making
      // one, which a hit then does not need.
      Data hit = cs.find(interest);
      if (hit != null) {
        onContentStoreHitWithoutEntry(ingress, pitToken, hit);
        return;
      }
      missed = true;
    }
    if (entry == null) {
      entry = pit.insert(interest);
      if (entry == null) {
        counters.pitFull++;
        return;
      }
    }
    int dup = findDuplicateNonce(entry, interest.nonce(), ingress);
    boolean loop = dup != 0;
    if (ingress.linkType() == LinkType.POINT_TO_POINT) {
      // as NFD: a duplicate Nonce from the same point-to-point face is a retransmission, not a loop, even though the
      // out-records carry that Nonce too
      loop = loop && (dup & DUP_IN_SAME) == 0;
    }
    if (loop) {
      onInterestLoop(ingress, interest, pitToken);
      return;
    }
    if (!missed && !entry.hasInRecords()) {
      Data hit = cs.find(interest);
      if (hit != null) {
        onContentStoreHit(ingress, interest, pitToken, entry, hit);
        return;
      }
    }
    onContentStoreMiss(ingress, interest, pitToken, nextHopFaceId, entry);
  }

  private static final int DUP_IN_SAME = 1;
  private static final int DUP_IN_OTHER = 2;
  private static final int DUP_OUT_SAME = 4;
  private static final int DUP_OUT_OTHER = 8;

  private static int findDuplicateNonce(PitEntry entry, int nonce, Face face) {
    int dup = 0;
    // index loops: per Interest, and the iterators are not always scalar-replaced
    List<InRecord> in = entry.inRecords();
    for (int i = 0; i < in.size(); i++) {
      InRecord r = in.get(i);
      if (r.nonce() == nonce) {
        dup |= r.face() == face ? DUP_IN_SAME : DUP_IN_OTHER;
      }
    }
    List<OutRecord> out = entry.outRecords();
    for (int i = 0; i < out.size(); i++) {
      OutRecord r = out.get(i);
      if (r.nonce() == nonce) {
        dup |= r.face() == face ? DUP_OUT_SAME : DUP_OUT_OTHER;
      }
    }
    return dup;
  }

  /** Interest loop pipeline: Nack Duplicate on point-to-point faces, drop otherwise. */
  void onInterestLoop(Face ingress, Interest interest, ByteBuffer pitToken) {
    counters.loops++;
    if (ingress.linkType() != LinkType.POINT_TO_POINT) {
      return;
    }
    ingress.sendNack(interest, NackReason.DUPLICATE, pitToken);
    counters.outNacks++;
  }

  /**
   * Content Store hit pipeline for an Interest that had no PIT entry: what {@link #onContentStoreHit} and the
   * finalization of its entry would do (the Data to the ingress face with the Interest's PitToken, a hit and a
   * satisfied Interest counted), without the entry: it would have had no out-record for the Dead Nonce List and no
   * other downstream.
   */
  private void onContentStoreHitWithoutEntry(Face ingress, ByteBuffer pitToken, Data data) {
    counters.csHits++;
    counters.satisfiedInterests++;
    sendDataOut(data, ingress, pitToken, FaceTable.CONTENT_STORE);
  }

  /** Content Store hit pipeline. */
  void onContentStoreHit(Face ingress, Interest interest, ByteBuffer pitToken, PitEntry entry, Data data) {
    counters.csHits++;
    // the in-record carries the PitToken to echo and is consumed by sendData
    pit.insertOrUpdateInRecord(entry, ingress, interest, pitToken, now());
    entry.setSatisfied(data.freshnessPeriod());
    setExpiryTimer(entry, 0);
    int saved = dataSourceFaceId;
    dataSourceFaceId = FaceTable.CONTENT_STORE;
    try {
      strategyChoice.findEffectiveStrategy(entry).afterContentStoreHit(data, ingress, entry);
    } finally {
      dataSourceFaceId = saved;
    }
  }

  /** Content Store miss pipeline. */
  void onContentStoreMiss(Face ingress, Interest interest, ByteBuffer pitToken, long nextHopFaceId, PitEntry entry) {
    counters.csMisses++;
    long now = now();
    if (pit.insertOrUpdateInRecord(entry, ingress, interest, pitToken, now) == null) {
      counters.pitQuota++;
      if (!entry.hasInRecords() && entry.outRecords().isEmpty()) {
        pit.erase(entry);
      }
      return;
    }
    long lastExpiry = now;
    List<InRecord> in = entry.inRecords();
    for (int i = 0; i < in.size(); i++) {
      lastExpiry = Math.max(lastExpiry, in.get(i).expiry());
    }
    setExpiryTimer(entry, lastExpiry - now);
    int saved = interestSourceFaceId;
    interestSourceFaceId = ingress.id();
    try {
      if (nextHopFaceId >= 0 && ingress.localFieldsEnabled()) {
        Face next = faceTable.get((int) nextHopFaceId);
        if (next != null) {
          onOutgoingInterest(interest, next, entry);
        }
        return;
      }
      strategyChoice.findEffectiveStrategy(entry).afterReceiveInterest(interest, ingress, entry);
    } finally {
      interestSourceFaceId = saved;
    }
  }

  /** Outgoing Interest pipeline; returns the out-record, or null if the Interest was not sent. */
  OutRecord onOutgoingInterest(Interest interest, Face egress, PitEntry entry) {
    if (interest.hopLimit() == 0 && !egress.isLocal()) {
      counters.hopLimitZero++;
      return null;
    }
    OutRecord r = pit.insertOrUpdateOutRecord(entry, egress, interest, now());
    int source = interestSourceFaceId;
    if (source == 0 && !entry.inRecords().isEmpty()) {
      source = entry.inRecords().get(0).face().id(); // sent outside the incoming pipeline: a downstream
    }
    egress.sendInterest(interest, source);
    counters.outInterests++;
    return r;
  }

  /**
   * Sets (replaces) the PIT entry's expiry (a place in {@link PitExpiry}'s list for that delay); at expiry the
   * Interest finalize pipeline runs. A delay of 0 (an entry satisfied, Nacked or rejected) means "after the current
   * work", as NFD's zero-delay timer does (it fires once the packet's processing is over): such entries join
   * {@link #finalizeSoon}, which the packet's outermost pipeline finalizes as it ends (so the entry and its table
   * slot are still in the CPU's caches), or, for an entry set outside any pipeline, one zero-delay task for all of
   * them. No timer per entry either way.
   */
  void setExpiryTimer(PitEntry entry, long delayMillis) {
    if (delayMillis <= 0) {
      entry.setExpiryTimer(FINALIZE_SOON); // cancels the lifetime timer
      finalizeSoon.add(entry);
      if (pipelineDepth == 0 && !finalizeTaskPending) { // outside a packet's pipelines: a strategy's timer, say
        finalizeTaskPending = true;
        scheduler.schedule(0, finalizeSoonTask);
      }
      return;
    }
    entry.setExpiryTimer(null); // leaves its expiry list, if in one
    expiry.add(entry, delayMillis, now());
  }

  private void runFinalizeTask() {
    finalizeTaskPending = false;
    finalizeQueued();
  }

  /**
   * Finalizes the entries queued by {@code setExpiryTimer(entry, 0)} that still wait for it: an entry given a new
   * timer since (a new Interest came) or already erased no longer has {@link #FINALIZE_SOON} as its timer.
   */
  private void finalizeQueued() {
    try {
      for (int i = 0; i < finalizeSoon.size(); i++) {
        PitEntry e = finalizeSoon.get(i);
        if (e.expiryTimer() == FINALIZE_SOON) {
          onInterestFinalize(e);
        }
      }
    } finally {
      finalizeSoon.clear();
    }
  }

  /** Interest finalize pipeline: Dead Nonce List, satisfied/unsatisfied counters, PIT erase. */
  void onInterestFinalize(PitEntry entry) {
    if (entry.isErased()) {
      return;
    }
    insertDeadNonceList(entry, null);
    if (entry.isSatisfied()) {
      counters.satisfiedInterests++;
    } else {
      counters.unsatisfiedInterests++;
    }
    pit.erase(entry);
  }

  private void insertDeadNonceList(PitEntry entry, Face upstream) {
    if (entry.isSatisfied()
        && !(entry.mustBeFresh() && entry.dataFreshnessPeriod() < deadNonceList.lifetime())) {
      return;
    }
    for (OutRecord r : entry.outRecords()) {
      if (upstream == null || r.face() == upstream) {
        deadNonceList.add(entry.name(), r.nonce());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- Data

  @Override
  public void onData(Face ingress, Data data, ByteBuffer pitToken) {
    enterPipeline();
    try {
      onIncomingData(ingress, data);
    } finally {
      leavePipeline();
    }
  }

  /** Incoming Data pipeline. */
  void onIncomingData(Face ingress, Data data) {
    counters.inData++;
    if (!ingress.isLocal() && ScopePrefix.isLocalhost(data.name())) {
      counters.localhostViolations++;
      return;
    }
    cs.prefetch(data.name());
    List<PitEntry> found = matches;
    found.clear();
    pit.findAllDataMatches(data, found);
    if (found.isEmpty()) {
      onDataUnsolicited(ingress, data);
      return;
    }
    cs.insert(data);
    if (found.size() == 1) {
      PitEntry entry = found.get(0);
      found.clear();
      setExpiryTimer(entry, 0);
      int saved = dataSourceFaceId;
      dataSourceFaceId = ingress.id();
      try {
        strategyChoice.findEffectiveStrategy(entry).afterReceiveData(data, ingress, entry);
      } finally {
        dataSourceFaceId = saved;
      }
      entry.setSatisfied(data.freshnessPeriod());
      insertDeadNonceList(entry, ingress);
      pit.deleteOutRecord(entry, ingress);
      return;
    }
    // several entries: each pending downstream gets the Data once, with the PitToken of its first in-record
    List<PitEntry> entries = new ArrayList<>(found);
    found.clear();
    long now = now();
    List<Face> downstreams = new ArrayList<>();
    List<ByteBuffer> tokens = new ArrayList<>();
    for (PitEntry entry : entries) {
      for (InRecord r : entry.inRecords()) {
        if (r.expiry() > now && !downstreams.contains(r.face())) {
          downstreams.add(r.face());
          tokens.add(r.pitToken());
        }
      }
      setExpiryTimer(entry, 0);
      strategyChoice.findEffectiveStrategy(entry).beforeSatisfyInterest(data, ingress, entry);
      entry.setSatisfied(data.freshnessPeriod());
      insertDeadNonceList(entry, ingress);
      pit.clearInRecords(entry);
      pit.deleteOutRecord(entry, ingress);
    }
    for (int i = 0; i < downstreams.size(); i++) {
      Face f = downstreams.get(i);
      if (f == ingress && f.linkType() != LinkType.AD_HOC) {
        continue;
      }
      sendDataOut(data, f, tokens.get(i), ingress.id());
    }
  }

  /** Unsolicited Data pipeline: dropped, or cached when from a local face and the policy admits it. */
  void onDataUnsolicited(Face ingress, Data data) {
    counters.unsolicitedData++;
    if (admitUnsolicitedLocal && ingress.isLocal()) {
      cs.insert(data);
    }
  }

  /** Outgoing Data pipeline (from a strategy): echoes the downstream's PitToken and removes its in-record. */
  void onOutgoingData(Data data, Face egress, PitEntry entry) {
    InRecord r = entry.inRecord(egress);
    ByteBuffer token = r == null ? null : r.pitToken();
    pit.deleteInRecord(entry, egress);
    sendDataOut(data, egress, token, dataSourceFaceId);
  }

  private void sendDataOut(Data data, Face egress, ByteBuffer token, int sourceFaceId) {
    if (!egress.isLocal() && ScopePrefix.isLocalhost(data.name())) {
      counters.localhostViolations++;
      return;
    }
    egress.sendData(data, token, sourceFaceId);
    counters.outData++;
  }

  // ---------------------------------------------------------------------------------------------- Nack

  @Override
  public void onNack(Face ingress, Interest interest, int reason, ByteBuffer pitToken) {
    enterPipeline();
    try {
      onIncomingNack(ingress, interest, reason);
    } finally {
      leavePipeline();
    }
  }

  /** Incoming Nack pipeline. */
  void onIncomingNack(Face ingress, Interest interest, int reason) {
    counters.inNacks++;
    if (ingress.linkType() != LinkType.POINT_TO_POINT) {
      counters.nacksDropped++;
      return;
    }
    PitEntry entry = pit.find(interest);
    OutRecord out = entry == null ? null : entry.outRecord(ingress);
    if (out == null || !interest.hasNonce() || out.nonce() != interest.nonce()) {
      counters.nacksDropped++;
      return;
    }
    out.setIncomingNack(reason);
    boolean pending = false;
    long now = now();
    for (OutRecord r : entry.outRecords()) {
      if (r.incomingNack() < 0 && r.expiry() > now) {
        pending = true;
      }
    }
    if (!pending) {
      setExpiryTimer(entry, 0);
    }
    strategyChoice.findEffectiveStrategy(entry).afterReceiveNack(interest, reason, ingress, entry);
  }

  /** Outgoing Nack pipeline (from a strategy): Nacks the downstream's Interest and removes its in-record. */
  void onOutgoingNack(int reason, Face egress, PitEntry entry) {
    InRecord r = entry.inRecord(egress);
    if (r == null || egress.linkType() != LinkType.POINT_TO_POINT) {
      return;
    }
    Interest interest = r.interest();
    ByteBuffer token = r.pitToken();
    pit.deleteInRecord(entry, egress);
    egress.sendNack(interest, reason, token);
    counters.outNacks++;
  }

  // ---------------------------------------------------------------------------------------------- faces

  private void cleanupOnFaceRemoval(Face face) {
    fib.removeFace(face);
    for (PitEntry e : pit.entries()) {
      pit.deleteInRecord(e, face);
      pit.deleteOutRecord(e, face);
      if (!e.hasInRecords() && e.outRecords().isEmpty()) {
        pit.erase(e);
      }
    }
    pit.forgetFace(face);
  }
}
