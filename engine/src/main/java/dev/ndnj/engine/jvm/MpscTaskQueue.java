package dev.ndnj.engine.jvm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The forwarding thread's inbox: an unbounded, linked multi-producer single-consumer FIFO of tasks that can be closed.
 * Any thread offers; only the loop thread polls. {@link java.util.concurrent.ConcurrentLinkedQueue}, which it replaces
 * in {@link EventLoop}, lets any thread poll, so its poll claims each node with a compare-and-set that pulls the
 * node's cache line over from the producer's CPU in exclusive state; here the consumer takes a node with plain reads
 * and writes, and a producer pays one compare-and-set on the tail (the same as an offer to the JDK queue).
 *
 * <p>The algorithm is the usual linked MPSC queue: producers swing {@code tail} to their node, then link the node
 * they replaced to it; the consumer follows {@code next} links from a stub it owns. Between the two steps of an offer
 * the queue looks empty to the consumer from that node on, which is why {@link EventLoop} re-checks it after
 * announcing that it sleeps and a producer wakes it after linking.
 *
 * <p>{@link #close()} (consumer only) makes every later {@link #offer} fail and returns how far the consumer must
 * drain: every offer that succeeded is before that point, so nothing accepted is ever lost.
 */
final class MpscTaskQueue {
  private static final VarHandle TAIL;
  private static final VarHandle NEXT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      TAIL = l.findVarHandle(MpscTaskQueue.class, "tail", Node.class);
      NEXT = l.findVarHandle(Node.class, "next", Node.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Tail after {@link #close()}: offers that see it fail. */
  private static final Node CLOSED = new Node(null);

  /** The last node taken (its task already null), or the initial stub (consumer only). */
  private Node head;
  /** The last node offered, or {@link #CLOSED}; accessed through {@link #TAIL}. */
  @SuppressWarnings("unused")
  private volatile Node tail;

  MpscTaskQueue() {
    Node stub = new Node(null);
    head = stub;
    tail = stub;
  }

  /**
   * Adds {@code task} at the end (any thread).
   *
   * @return false, and the task is not queued, if the queue was closed
   */
  boolean offer(Runnable task) {
    Node n = new Node(task);
    Node prev;
    do {
      prev = (Node) TAIL.getVolatile(this);
      if (prev == CLOSED) {
        return false;
      }
    } while (!TAIL.compareAndSet(this, prev, n));
    NEXT.setVolatile(prev, n); // volatile: ordered before the caller's check of whether the consumer sleeps
    return true;
  }

  /** The first task, removed, or null if none is linked yet (consumer only). */
  Runnable poll() {
    Node next = (Node) NEXT.getAcquire(head);
    if (next == null) {
      return null;
    }
    head = next;
    Runnable t = next.task;
    next.task = null;
    return t;
  }

  /**
   * Whether no task is linked after the consumer's position (consumer only). A volatile read, so that it is ordered
   * after the consumer's announcement that it sleeps.
   */
  boolean isEmpty() {
    return NEXT.getVolatile(head) == null;
  }

  /**
   * Refuses every later offer and returns the number of tasks still to poll, all of them offered before the close
   * (consumer only; idempotent: 0 the second time). Each of them is linked: {@link #poll()} returns it.
   */
  int close() {
    Node last = (Node) TAIL.getAndSet(this, CLOSED);
    if (last == CLOSED) {
      return 0;
    }
    int n = 0;
    Node p = head;
    while (p != last) {
      Node next;
      while ((next = (Node) NEXT.getAcquire(p)) == null) {
        Thread.onSpinWait(); // its producer has swung the tail and is about to link it
      }
      p = next;
      n++;
    }
    return n;
  }

  private static final class Node {
    Runnable task;
    @SuppressWarnings("unused")
    volatile Node next;

    Node(Runnable task) {
      this.task = task;
    }
  }
}
