package dev.ndnj.forwarder.mgmt;

/**
 * Counters of a {@link ManagementDispatcher}: commands by outcome, datasets and notifications. Updated on the
 * forwarding thread; readers elsewhere may see slightly stale values.
 */
public final class ManagementCounters {
  long commandsSucceeded;
  long commandsFailed;
  long commandsUnauthorized;
  long commandsInvalid;
  long requestsUnsupported;
  long datasetsPublished;
  long segmentsServed;
  long notificationsPosted;

  /** Commands answered with a 2xx status. */
  public long commandsSucceeded() {
    return commandsSucceeded;
  }

  /** Commands that were authorized and valid but failed (404, 409, 410, 414, 5xx, ...). */
  public long commandsFailed() {
    return commandsFailed;
  }

  /** Commands refused with 403: unsigned, malformed signature, stale, replayed or not authorized. */
  public long commandsUnauthorized() {
    return commandsUnauthorized;
  }

  /** Commands refused with 400: ControlParameters that do not decode or do not fit the command. */
  public long commandsInvalid() {
    return commandsInvalid;
  }

  /** Requests for a module, verb or dataset that is not served (answered 501). */
  public long requestsUnsupported() {
    return requestsUnsupported;
  }

  /** Dataset versions published. */
  public long datasetsPublished() {
    return datasetsPublished;
  }

  /** Dataset segments sent (first segments and later ones). */
  public long segmentsServed() {
    return segmentsServed;
  }

  /** Notifications posted on all streams. */
  public long notificationsPosted() {
    return notificationsPosted;
  }

  @Override
  public String toString() {
    return "ManagementCounters(ok=" + commandsSucceeded + " failed=" + commandsFailed + " 403=" + commandsUnauthorized
        + " 400=" + commandsInvalid + " 501=" + requestsUnsupported + " datasets=" + datasetsPublished + " segments="
        + segmentsServed + " notifications=" + notificationsPosted + ")";
  }
}
