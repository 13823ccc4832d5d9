package dev.ndnj.engine.app;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.engine.platform.RandomSource;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvTypes;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import java.nio.ByteBuffer;

/**
 * Sends NFD control commands ({@code /localhost/nfd/<module>/<verb>/<ControlParameters>}) through a
 * {@link Consumer} and decodes the {@link ControlResponse}: what an application, a command-line tool or the browser's
 * shared engine uses to register prefixes at a forwarder.
 *
 * <p>Commands are v0.3 signed Interests with a DigestSha256 signature, a random 8-octet SignatureNonce and a
 * SignatureTime that strictly increases, which is what NDNts sends by default and what a forwarder with NFD's
 * permissive local policy accepts. A key-based signer can replace it once keys exist. Uses the pure-Java SHA-256 of
 * the codec, so it compiles under TeaVM. Not thread-safe: use it on the engine's forwarding thread.
 */
public final class CommandClient {
  /** Origin of routes registered by applications (NFD's {@code app}). */
  public static final int ORIGIN_APP = 0;
  /** Origin of routes registered by prefix propagation / neighbours (NFD's {@code prefixann} is 129). */
  public static final int ORIGIN_CLIENT = 65;
  /** Origin of static routes ({@code nfdc route add}). */
  public static final int ORIGIN_STATIC = 255;

  private final Consumer consumer;
  private final Clock clock;
  private final RandomSource random;
  private final Name prefix;
  private long lastTime;

  /**
   * A client that sends commands under {@code prefix} ({@link ControlCommand#LOCALHOST_PREFIX} or
   * {@link ControlCommand#LOCALHOP_PREFIX}).
   */
  public CommandClient(Consumer consumer, Clock clock, RandomSource random, Name prefix) {
    this.consumer = consumer;
    this.clock = clock;
    this.random = random;
    this.prefix = prefix;
  }

  /** A client sending {@code /localhost/nfd} commands through the engine's shared consumer. */
  public static CommandClient localhost(dev.ndnj.engine.Engine engine) {
    return new CommandClient(engine.consumer(), engine.clock(), engine.random(), ControlCommand.LOCALHOST_PREFIX);
  }

  /** The prefix commands are sent under. */
  public Name prefix() {
    return prefix;
  }

  /**
   * Sends {@code module/verb} with {@code parameters}. The promise completes with the response whatever its status
   * code (check {@link ControlResponse#isSuccess()}), or fails with the consumer's exception (timeout, Nack), or with
   * a {@link TlvException} if the reply is not a ControlResponse.
   */
  public Promise<ControlResponse> send(String module, String verb, ControlParameters parameters) {
    Interest interest = sign(ControlCommand.of(module, verb, parameters).toName(prefix));
    Promise<ControlResponse> result = new Promise<>();
    consumer.express(interest).whenComplete((data, error) -> {
      if (error != null) {
        result.fail(error);
        return;
      }
      try {
        result.complete(ControlResponse.decode(data.content()));
      } catch (TlvException e) {
        result.fail(e);
      }
    });
    return result;
  }

  /**
   * {@code rib/register} of {@code name} for the requesting face with {@code origin} and {@code cost}; fails with
   * {@link CommandFailedException} when the status is not 200.
   */
  public Promise<ControlParameters> register(Name name, int origin, long cost) {
    return expectSuccess("rib", "register",
        ControlParameters.builder().name(name).origin(origin).cost(cost).build());
  }

  /** {@code rib/unregister} of {@code name} with {@code origin} for the requesting face. */
  public Promise<ControlParameters> unregister(Name name, int origin) {
    return expectSuccess("rib", "unregister", ControlParameters.builder().name(name).origin(origin).build());
  }

  /** {@link #send}, failing with {@link CommandFailedException} unless the status code is 200. */
  public Promise<ControlParameters> expectSuccess(String module, String verb, ControlParameters parameters) {
    Promise<ControlParameters> result = new Promise<>();
    send(module, verb, parameters).whenComplete((r, error) -> {
      if (error != null) {
        result.fail(error);
      } else if (!r.isSuccess()) {
        result.fail(new CommandFailedException(module + "/" + verb, r.code(), r.text()));
      } else {
        try {
          result.complete(r.hasBody() ? r.bodyAsControlParameters() : parameters);
        } catch (TlvException e) {
          result.fail(e);
        }
      }
    });
    return result;
  }

  /** The signed command Interest for {@code name}: DigestSha256, SignatureNonce, increasing SignatureTime. */
  public Interest sign(Name name) {
    lastTime = Math.max(clock.epochMillis(), lastTime + 1);
    byte[] sigNonce = new byte[8];
    for (int i = 0; i < 8; i += 4) {
      int r = random.nextInt();
      sigNonce[i] = (byte) (r >>> 24);
      sigNonce[i + 1] = (byte) (r >>> 16);
      sigNonce[i + 2] = (byte) (r >>> 8);
      sigNonce[i + 3] = (byte) r;
    }
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(sigNonce).time(lastTime)
        .build();
    int nonce = random.nextInt();
    Interest unsigned = Interest.builder(name).nonce(nonce).lifetime(4000).signatureInfo(info)
        .signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer p : unsigned.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return Interest.builder(name).nonce(nonce).lifetime(4000).signatureInfo(info).signatureValue(h.digest())
        .build();
  }
}
