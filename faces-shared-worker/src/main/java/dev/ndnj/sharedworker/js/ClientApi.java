package dev.ndnj.sharedworker.js;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * What JavaScript sees of a connected ndnj client (callback style; {@code ndnj.mjs} wraps it in promises). Every
 * callback's first argument is an error message, or null on success.
 */
public interface ClientApi extends JSObject {
  /** Receives a Data or an error. */
  @JSFunctor
  interface DataCallback extends JSObject {
    void done(String error, String name, Uint8Array content, double freshnessPeriod, boolean fromCache);
  }

  /** Receives fetch progress. */
  @JSFunctor
  interface SegmentCallback extends JSObject {
    void segment(int index, int count, boolean fromCache);
  }

  /** Receives an Interest for a produced prefix; answer with {@link #respond} or {@link #respondNack}. */
  @JSFunctor
  interface InterestCallback extends JSObject {
    void interest(String name, int requestId, Uint8Array appParameters);
  }

  /** Receives a channel publication. */
  @JSFunctor
  interface PublicationCallback extends JSObject {
    void publication(String name, double seq, Uint8Array content);
  }

  /** Receives a result: an error or a number. */
  @JSFunctor
  interface NumberCallback extends JSObject {
    void done(String error, double value);
  }

  /** Receives a string result. */
  @JSFunctor
  interface StringCallback extends JSObject {
    void done(String value);
  }

  /** "shared" or "tab". */
  String mode();

  /** Expresses an Interest. */
  void express(String name, boolean canBePrefix, boolean mustBeFresh, int lifetimeMillis, DataCallback cb);

  /** Fetches a segmented versioned object: discovery, then a window of segments. */
  void fetch(String name, SegmentCallback progress, DataCallback done);

  /** Produces under {@code prefix}: registers it (locally and upstream); {@code registered} gets the outcome. */
  int produce(String prefix, InterestCallback handler, NumberCallback registered);

  /** Answers a request given to a produce handler. */
  void respond(int requestId, Uint8Array content, int freshnessMillis);

  /** Answers a request with a Nack. */
  void respondNack(int requestId, int reason);

  /** Stops producing (unregisters). */
  void unproduce(int producerId);

  /** Subscribes to a channel; returns the subscription id. */
  int subscribe(String channel, PublicationCallback cb);

  /** Ends one subscription. */
  void unsubscribeId(int subscriptionId);

  /** Ends every subscription of a channel. */
  void unsubscribe(String channel);

  /** Publishes on a channel; {@code done} gets the sequence number. */
  void publish(String channel, Uint8Array content, NumberCallback done);

  /** The latest publication of a channel (null name and content if there is none, or no publisher). */
  void get(String channel, DataCallback cb);

  /** The engine status as JSON (the shared engine's in shared mode). */
  void status(StringCallback cb);

  /** Closes the connection. */
  void disconnect();
}
