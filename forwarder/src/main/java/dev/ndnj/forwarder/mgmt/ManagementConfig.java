package dev.ndnj.forwarder.mgmt;

/**
 * Settings of a {@link ManagementDispatcher}. A mutable holder with fluent setters, read once when the dispatcher
 * starts; defaults follow NFD where NFD has one.
 */
public final class ManagementConfig {
  /** The version string status/general reports. */
  public static final String DEFAULT_VERSION = "ndnj 0.1.0";

  boolean localhopEnabled;
  long commandGraceMillis = 60_000;
  int replayRecordCapacity = 1000;
  int datasetSegmentSize = 8000;
  long datasetFreshnessMillis = 1000;
  long datasetRetentionMillis = 10_000;
  long datasetStorageBytes = 8L << 20;
  int notificationCapacity = 64;
  long notificationFreshnessMillis = 1000;
  String version = DEFAULT_VERSION;
  long startTimestampMillis = -1;

  /**
   * Whether {@code /localhop/nfd/rib/register} and {@code unregister} are served (NFD's {@code localhop_security}),
   * so neighbours can register prefixes over non-local faces. Default off: the prefix is not even routed.
   */
  public ManagementConfig localhopEnabled(boolean on) {
    localhopEnabled = on;
    return this;
  }

  /**
   * How far a command's timestamp may be from the forwarder's clock, either way (default 60 s, as ndn-cxx's signed
   * Interest validator).
   */
  public ManagementConfig commandGraceMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("grace period must be >= 0, got " + millis);
    }
    commandGraceMillis = millis;
    return this;
  }

  /** How many signing keys the replay check remembers (least recently used forgotten first; default 1000). */
  public ManagementConfig replayRecordCapacity(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("replay record capacity must be >= 1, got " + n);
    }
    replayRecordCapacity = n;
    return this;
  }

  /** Payload octets per dataset segment (default 8000, so a segment fits NDN's 8800-octet packets). */
  public ManagementConfig datasetSegmentSize(int octets) {
    if (octets < 64) {
      throw new IllegalArgumentException("segment size must be >= 64, got " + octets);
    }
    datasetSegmentSize = octets;
    return this;
  }

  /** FreshnessPeriod of dataset segments (default 1 s, as NFD). */
  public ManagementConfig datasetFreshnessMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("freshness must be >= 0, got " + millis);
    }
    datasetFreshnessMillis = millis;
    return this;
  }

  /** How long published dataset segments stay available to segment Interests (default 10 s). */
  public ManagementConfig datasetRetentionMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("retention must be >= 0, got " + millis);
    }
    datasetRetentionMillis = millis;
    return this;
  }

  /** Upper bound on the octets of dataset segments kept for later segment Interests (default 8 MiB). */
  public ManagementConfig datasetStorageBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("storage bound must be >= 0, got " + bytes);
    }
    datasetStorageBytes = bytes;
    return this;
  }

  /** Notifications kept per stream for subscribers that fetch by sequence number (default 64). */
  public ManagementConfig notificationCapacity(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("notification capacity must be >= 1, got " + n);
    }
    notificationCapacity = n;
    return this;
  }

  /** FreshnessPeriod of notifications (default 1 s, as ndn-cxx's dispatcher). */
  public ManagementConfig notificationFreshnessMillis(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("freshness must be >= 0, got " + millis);
    }
    notificationFreshnessMillis = millis;
    return this;
  }

  /** NfdVersion of status/general (default {@value #DEFAULT_VERSION}). */
  public ManagementConfig version(String v) {
    if (v == null) {
      throw new IllegalArgumentException("version must not be null");
    }
    version = v;
    return this;
  }

  /**
   * StartTimestamp of status/general, milliseconds since the epoch; default (-1) is the engine clock's time when the
   * dispatcher starts. The forwarder process sets its own start time here.
   */
  public ManagementConfig startTimestampMillis(long millis) {
    startTimestampMillis = millis;
    return this;
  }

  /** Whether /localhop/nfd is served. */
  public boolean localhopEnabled() {
    return localhopEnabled;
  }
}
