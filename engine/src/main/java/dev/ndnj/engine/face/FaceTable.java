package dev.ndnj.engine.face;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faces of one engine by id. Ids 1..255 are reserved as in NFD ({@link #INTERNAL}, {@link #CONTENT_STORE},
 * {@link #NULL}); faces get ids from 256 up, never reused within the table's life. Listeners hear about faces added
 * and removed (the forwarder cleans its tables on removal; management emits faces/events). Forwarding thread only.
 */
public final class FaceTable {
  /** An invalid face id. */
  public static final int INVALID = 0;
  /** The id of the forwarder's internal face (management). */
  public static final int INTERNAL = 1;
  /** The id NFD reports for Data answered from the Content Store. */
  public static final int CONTENT_STORE = 254;
  /** The null face: packets sent to it vanish. */
  public static final int NULL = 255;
  /** The first id given to a normal face. */
  public static final int FIRST_DYNAMIC = 256;

  /** Hears faces come and go. */
  public interface Listener {
    /** {@code face} was added and has its id. */
    default void faceAdded(Face face) {}

    /** {@code face} was closed and removed; its id is not reused. */
    default void faceRemoved(Face face) {}
  }

  private final Map<Integer, Face> faces = new LinkedHashMap<>();
  private final List<Listener> listeners = new ArrayList<>();
  private final PacketReceiver receiver;
  private int nextId = FIRST_DYNAMIC;

  /** A face table whose faces deliver received packets to {@code receiver}. */
  public FaceTable(PacketReceiver receiver) {
    this.receiver = receiver;
  }

  /** Adds a face, giving it the next id; returns that id. */
  public int add(Face face) {
    if (face.id() != 0) {
      throw new IllegalArgumentException("face already has id " + face.id());
    }
    return addWithId(face, nextId++);
  }

  /** Adds a face with a reserved id (1..255), e.g. the internal face. */
  public int addReserved(Face face, int id) {
    if (id < 1 || id >= FIRST_DYNAMIC) {
      throw new IllegalArgumentException("reserved face ids are 1..255, got " + id);
    }
    if (faces.containsKey(id)) {
      throw new IllegalArgumentException("face id " + id + " is taken");
    }
    return addWithId(face, id);
  }

  private int addWithId(Face face, int id) {
    face.added(this, id, receiver);
    faces.put(id, face);
    for (Listener l : new ArrayList<>(listeners)) {
      l.faceAdded(face);
    }
    return id;
  }

  void removed(Face face) {
    if (faces.remove(face.id()) == null) {
      return;
    }
    for (Listener l : new ArrayList<>(listeners)) {
      l.faceRemoved(face);
    }
  }

  /** The face with this id, or null. */
  public Face get(int id) {
    return faces.get(id);
  }

  /** Number of faces. */
  public int size() {
    return faces.size();
  }

  /** The faces in id order (a read-only live view). */
  public Collection<Face> faces() {
    return Collections.unmodifiableCollection(faces.values());
  }

  /** Registers a listener. */
  public void addListener(Listener l) {
    listeners.add(l);
  }

  /** Unregisters a listener. */
  public void removeListener(Listener l) {
    listeners.remove(l);
  }
}
