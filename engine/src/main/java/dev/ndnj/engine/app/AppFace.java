package dev.ndnj.engine.app;

import dev.ndnj.engine.face.Face;
import dev.ndnj.engine.face.FacePersistency;
import dev.ndnj.engine.face.FaceScope;
import dev.ndnj.engine.face.LinkService;
import dev.ndnj.engine.face.LinkType;
import dev.ndnj.engine.face.Transport;
import dev.ndnj.engine.fw.Forwarder;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.engine.platform.TaskQueue;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;

/**
 * An in-process face for an application: a {@link Face} whose link service hands packet objects across without
 * encoding them (packets are immutable views, so nothing is copied) over a trivial local transport (scope local,
 * point-to-point, {@value #REMOTE_URI}; it carries no frames). The application uses it through its
 * {@link #consumer()} and {@link #producer()}.
 *
 * <p>Threading: the face belongs to the forwarding thread. Packets the forwarder sends to the application are handed
 * to the consumer or producer in a task of their own (through the engine's {@link TaskQueue}), so application code
 * never runs inside a forwarder pipeline. Packets the application sends go into the forwarder at once when the call
 * is made on the forwarding thread, and through the task queue from any other thread.
 *
 * <p>Made by {@code Engine.newAppFace()}; closed by {@link #close()}, by the engine's close, or by management. Closing
 * fails the consumer's pending expressions and drops the producer's routes.
 */
public final class AppFace {
  /** The remote URI of every application face. */
  public static final String REMOTE_URI = "internal://app";
  /** The local URI of every application face. */
  public static final String LOCAL_URI = "internal://";

  private final Forwarder forwarder;
  private final TaskQueue tasks;
  private final RandomSource random;
  private final Link link = new Link();
  private final Face face;
  private final Consumer consumer;
  private final Producer producer;
  private volatile boolean added;
  private volatile boolean closed;

  /**
   * A new application face of {@code forwarder}, added to its face table at once when called on the forwarding
   * thread, else through {@code tasks} (before anything the application does with it afterwards).
   *
   * @param random Nonces for expressed Interests; used on the forwarding thread only
   */
  public AppFace(Forwarder forwarder, TaskQueue tasks, RandomSource random) {
    this.forwarder = forwarder;
    this.tasks = tasks;
    this.random = random;
    this.face = new Face(link, new LocalTransport());
    this.consumer = new Consumer(this);
    this.producer = new Producer(this);
    Runnable add = () -> {
      if (!closed) {
        forwarder.faceTable().add(face);
        added = true;
      }
    };
    if (tasks.inLoop()) {
      add.run();
    } else if (!tasks.execute(add)) {
      closed = true;
    }
  }

  /** The face (forwarding thread only): its id, counters, and where the forwarder sees it. */
  public Face face() {
    return face;
  }

  /** The consumer side: express Interests, get Data. One per face. */
  public Consumer consumer() {
    return consumer;
  }

  /** The producer side: register prefixes, answer Interests. One per face. */
  public Producer producer() {
    return producer;
  }

  /** Whether the face has closed (or could not be added because the engine had stopped). */
  public boolean isClosed() {
    return closed;
  }

  /** Closes the face (from any thread; idempotent): pending expressions fail and routes go. */
  public void close() {
    if (!run(face::close)) {
      closed = true;
    }
  }

  Forwarder forwarder() {
    return forwarder;
  }

  TaskQueue tasks() {
    return tasks;
  }

  RandomSource random() {
    return random;
  }

  /**
   * Runs {@code task} on the forwarding thread: at once if called there once the face is added, else queued.
   * Returns false if the engine's loop has stopped (the task will not run).
   */
  boolean run(Runnable task) {
    if (added && tasks.inLoop()) {
      task.run();
      return true;
    }
    return tasks.execute(task);
  }

  /** Sends an Interest into the forwarder (forwarding thread); false if the face is not up. */
  boolean putInterest(Interest interest, ByteBuffer pitToken) {
    if (!face.isUp()) {
      return false;
    }
    link.putInterest(interest, pitToken);
    return true;
  }

  /** Sends a Data into the forwarder (forwarding thread); false if the face is not up. */
  boolean putData(Data data, ByteBuffer pitToken) {
    if (!face.isUp()) {
      return false;
    }
    link.putData(data, pitToken);
    return true;
  }

  /** Sends a Nack into the forwarder (forwarding thread); false if the face is not up. */
  boolean putNack(Interest interest, int reason, ByteBuffer pitToken) {
    if (!face.isUp()) {
      return false;
    }
    link.putNack(interest, reason, pitToken);
    return true;
  }

  /** Hands each packet object across in a task of its own; never encodes. */
  private final class Link extends LinkService {
    @Override
    protected void sendInterest(Interest interest, int ingressFaceId) {
      tasks.execute(() -> producer.onInterest(interest, ingressFaceId));
    }

    @Override
    protected void sendData(Data data, ByteBuffer pitToken, int ingressFaceId) {
      long token = Consumer.tokenValue(pitToken);
      tasks.execute(() -> consumer.onData(data, token));
    }

    @Override
    protected void sendNack(Interest interest, int reason, ByteBuffer pitToken) {
      long token = Consumer.tokenValue(pitToken);
      tasks.execute(() -> consumer.onNack(interest, reason, token));
    }

    @Override
    protected void receiveFrame(ByteBuffer frame) {
      throw new IllegalStateException("an application face carries packets, not frames");
    }

    @Override
    protected void onClose() {
      closed = true;
      Runnable cleanup = () -> {
        try {
          consumer.onFaceClosed();
        } finally {
          producer.onFaceClosed();
        }
      };
      // after the face has left the table; inline when the loop no longer takes tasks (engine shutdown)
      if (!tasks.execute(cleanup)) {
        cleanup.run();
      }
    }

    void putInterest(Interest interest, ByteBuffer pitToken) {
      deliverInterest(interest, pitToken, -1);
    }

    void putData(Data data, ByteBuffer pitToken) {
      deliverData(data, pitToken);
    }

    void putNack(Interest interest, int reason, ByteBuffer pitToken) {
      deliverNack(interest, reason, pitToken);
    }
  }

  /** A transport with nothing under it: always up until closed; frames never pass. */
  private static final class LocalTransport extends Transport {
    LocalTransport() {
      super(FaceScope.LOCAL, LinkType.POINT_TO_POINT, FacePersistency.PERSISTENT, LOCAL_URI, REMOTE_URI, -1);
    }

    @Override
    protected boolean doSend(ByteBuffer frame) {
      throw new IllegalStateException("an application face carries packets, not frames");
    }

    @Override
    public void close() {
      closed();
    }
  }
}
