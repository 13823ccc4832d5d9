package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.face.Face;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Makes the face that {@code faces/create} asks for: NFD's protocol factories behind one interface, implemented by
 * the network face modules (UDP, TCP, Unix, WebSocket client) and given to the {@link ManagementDispatcher}.
 *
 * <p>{@link #createFace} is called on the forwarding thread and must not block; the returned stage may complete on
 * any thread (management continues on the forwarding thread):
 * <ul>
 *   <li>with a new {@link Face} (id 0, not in any face table): management adds it to the face table, enables local
 *       fields if asked, and answers 200 with its properties;
 *   <li>with an existing face (already in the face table, e.g. one with the same remote URI): management answers 409
 *       with that face's properties, as NFD does;
 *   <li>exceptionally with a {@link FaceCreationException}: its status code and reason are the answer (NFD's
 *       factories use 400 for a non-canonical or unusable URI, 406 for an unsupported protocol, persistency or
 *       option, 504 when connecting fails or times out); any other exception is answered 500.
 * </ul>
 * The creator checks what only it can: that the URIs are canonical for the scheme (400 "Non-canonical remote URI"),
 * that the scheme is one it serves (406 "Unsupported protocol"), that the persistency is possible (on-demand cannot
 * be created), and that local fields are asked for a local face only (406).
 */
@FunctionalInterface
public interface FaceCreator {
  /** A creator that serves no protocol: every request fails with 406 "Unsupported protocol". */
  FaceCreator NONE = request -> CompletableFuture.failedFuture(
      new FaceCreationException(406, "Unsupported protocol"));

  /**
   * Creates the face for {@code request}: either not yet in the face table (management adds it) or already added by
   * the creator (the Netty channels add their faces themselves). An existing face with the same remote URI is
   * answered 409 by management before the creator is called.
   */
  CompletionStage<Face> createFace(FaceCreateRequest request);
}
