package dev.ndnj.security;

import java.nio.ByteBuffer;

/**
 * Checks NDN signature values of one SignatureType with one (public or shared) key. Made by {@link Verifiers};
 * thread-safe. Never throws on bad input: a malformed signature value is simply not valid.
 */
public interface Verifier {
  /** The SignatureType this verifier checks. */
  int signatureType();

  /**
   * Whether {@code signatureValue} is a valid signature of the concatenation of {@code portions} (all borrowed;
   * positions unchanged).
   */
  boolean verify(ByteBuffer[] portions, ByteBuffer signatureValue);
}
