package dev.ndnj.tlv.mgmt;

/**
 * StatusCode values of a {@link ControlResponse}. NFD borrows HTTP's numbers; these are the ones NFD and ndn-cxx
 * send, with what NFD means by them. Any code other than 200 is a failure; StatusText says why.
 */
public final class StatusCode {
  private StatusCode() {}

  /** The command succeeded; the body holds the resulting ControlParameters. */
  public static final int OK = 200;
  /**
   * The ControlParameters are malformed or fail the command's validation (a required field missing, a forbidden
   * field present, Flags without Mask, a non-canonical face URI).
   */
  public static final int BAD_REQUEST = 400;
  /** The command Interest was not authorized (signature or key rejected): ndn-cxx's "authorization rejected". */
  public static final int UNAUTHORIZED = 403;
  /** The resource the command refers to does not exist, e.g. faces/update of an unknown face. */
  public static final int NOT_FOUND = 404;
  /**
   * The command conflicts with existing state, e.g. faces/create of a face that already exists (the body then
   * describes the existing face) or an update the face cannot accept.
   */
  public static final int CONFLICT = 409;
  /** Not supported: an unsupported face protocol (faces/create), an unknown module or verb. */
  public static final int NOT_IMPLEMENTED = 501;
  /** The service cannot do it now, e.g. the face's link service does not support the requested feature. */
  public static final int SERVICE_UNAVAILABLE = 503;
  /**
   * The operation failed at a lower layer: NFD uses it when connecting a new face fails or times out, and for an
   * unknown strategy in strategy-choice/set.
   */
  public static final int GATEWAY_TIMEOUT = 504;

  /** Whether {@code code} is a success (2xx). */
  public static boolean isSuccess(int code) {
    return code >= 200 && code < 300;
  }

  /** A short description of a code NFD uses, or {@code "status N"}. */
  public static String describe(int code) {
    switch (code) {
      case OK: return "OK";
      case BAD_REQUEST: return "malformed or invalid parameters";
      case UNAUTHORIZED: return "not authorized";
      case NOT_FOUND: return "not found";
      case CONFLICT: return "conflict";
      case NOT_IMPLEMENTED: return "not supported";
      case SERVICE_UNAVAILABLE: return "service unavailable";
      case GATEWAY_TIMEOUT: return "failed at a lower layer or timed out";
      default: return "status " + (code & 0xffffffffL);
    }
  }
}
