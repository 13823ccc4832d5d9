package dev.ndnj.forwarder.mgmt;

import dev.ndnj.engine.platform.Clock;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.KeyLocator;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Signs command Interests with DigestSha256 in both forms, as NDNts (v0.3 signed Interest with SignatureNonce and
 * SignatureTime) and older ndn-cxx (four-component command Interest) do. Timestamps strictly increase.
 */
final class CommandSigner {
  private final Clock clock;
  private final Random random = new Random(11);
  private long lastTime;

  CommandSigner(Clock clock) {
    this.clock = clock;
  }

  /** The next timestamp: the clock, or one more than the last. */
  long nextTime() {
    lastTime = Math.max(clock.epochMillis(), lastTime + 1);
    return lastTime;
  }

  byte[] nonce(int len) {
    byte[] b = new byte[len];
    random.nextBytes(b);
    return b;
  }

  int interestNonce() {
    return random.nextInt();
  }

  /** A v0.3 signed command Interest for {@code name} (no KeyLocator). */
  Interest v03(Name name) {
    return v03(name, nextTime(), nonce(8), null);
  }

  /** A v0.3 signed command Interest with the given SignatureTime, SignatureNonce and KeyLocator (or null). */
  Interest v03(Name name, long time, byte[] nonce, KeyLocator keyLocator) {
    SignatureInfo.Builder sb = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).nonce(nonce).time(time);
    if (keyLocator != null) {
      sb.keyLocator(keyLocator);
    }
    SignatureInfo info = sb.build();
    int n = interestNonce();
    Interest unsigned = Interest.builder(name).nonce(n).lifetime(4000).signatureInfo(info)
        .signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer p : unsigned.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return Interest.builder(name).nonce(n).lifetime(4000).signatureInfo(info).signatureValue(h.digest()).build();
  }

  /** A v0.3 signed Interest whose SignatureInfo is {@code info}, with a correct digest. */
  Interest v03(Name name, SignatureInfo info) {
    int n = interestNonce();
    Interest unsigned = Interest.builder(name).nonce(n).signatureInfo(info).signatureValue(new byte[32]).build();
    Sha256 h = new Sha256();
    for (ByteBuffer p : unsigned.signedPortions()) {
      h.update(p, p.position(), p.remaining());
    }
    return Interest.builder(name).nonce(n).signatureInfo(info).signatureValue(h.digest()).build();
  }

  /** A four-component command Interest for {@code name}. */
  Interest legacy(Name name) {
    return legacy(name, nextTime(), nonce(8));
  }

  /** A four-component command Interest with the given timestamp and nonce. */
  Interest legacy(Name name, long time, byte[] nonce) {
    SignatureInfo info = SignatureInfo.builder(TlvTypes.SIGNATURE_DIGEST_SHA256).build();
    TlvEncoder enc = new TlvEncoder();
    info.prependTo(enc, false);
    Name n = name.append(Component.number(TlvTypes.GENERIC_NAME_COMPONENT, time), Component.generic(nonce),
        Component.generic(enc.toByteArray()));
    ByteBuffer w = n.wire();
    int header = w.remaining() - n.valueLength();
    byte[] sig = Sha256.digest(w, w.position() + header, n.valueLength());
    TlvEncoder v = new TlvEncoder();
    v.prependBytesTlv(TlvTypes.SIGNATURE_VALUE, sig);
    n = n.append(Component.generic(v.toByteArray()));
    return Interest.builder(n).nonce(interestNonce()).lifetime(4000).build();
  }
}
