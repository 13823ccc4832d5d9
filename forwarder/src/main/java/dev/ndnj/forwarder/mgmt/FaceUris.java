package dev.ndnj.forwarder.mgmt;

/** Small helpers on FaceUri strings ({@code scheme://rest}). */
final class FaceUris {
  private FaceUris() {}

  /** The scheme (before {@code ://}), or "" if the string is not a FaceUri. */
  static String scheme(String uri) {
    if (uri == null) {
      return "";
    }
    int at = uri.indexOf("://");
    return at <= 0 ? "" : uri.substring(0, at);
  }

  /** Whether {@code uri} has the FaceUri shape {@code scheme://...} with a scheme of letters, digits, +, - or .. */
  static boolean isWellFormed(String uri) {
    String s = scheme(uri);
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
