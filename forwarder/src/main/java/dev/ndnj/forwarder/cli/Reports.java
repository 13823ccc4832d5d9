package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.mgmt.CsInfo;
import dev.ndnj.tlv.mgmt.FaceFlags;
import dev.ndnj.tlv.mgmt.FacePersistency;
import dev.ndnj.tlv.mgmt.FaceScope;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.FibEntry;
import dev.ndnj.tlv.mgmt.ForwarderStatus;
import dev.ndnj.tlv.mgmt.LinkType;
import dev.ndnj.tlv.mgmt.NextHopRecord;
import dev.ndnj.tlv.mgmt.RibEntry;
import dev.ndnj.tlv.mgmt.Route;
import dev.ndnj.tlv.mgmt.RouteFlags;
import dev.ndnj.tlv.mgmt.RouteOrigin;
import dev.ndnj.tlv.mgmt.StrategyChoice;
import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.mgmt.MgmtTypes;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The management datasets as the tools show them: human tables (NFD's field names, nfdc's wording) and plain
 * values for {@link Json}.
 */
final class Reports {
  private Reports() {}

  // ----------------------------------------------------------------------------------------------- general

  static Map<String, Object> general(ForwarderStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", s.nfdVersion());
    m.put("startTime", Instant.ofEpochMilli(s.startTimestamp()).toString());
    m.put("currentTime", Instant.ofEpochMilli(s.currentTimestamp()).toString());
    m.put("uptimeSeconds", Math.max(0, (s.currentTimestamp() - s.startTimestamp()) / 1000));
    m.put("nNameTreeEntries", s.nNameTreeEntries());
    m.put("nFibEntries", s.nFibEntries());
    m.put("nPitEntries", s.nPitEntries());
    m.put("nMeasurementsEntries", s.nMeasurementsEntries());
    m.put("nCsEntries", s.nCsEntries());
    m.put("nInInterests", s.nInInterests());
    m.put("nInData", s.nInData());
    m.put("nInNacks", s.nInNacks());
    m.put("nOutInterests", s.nOutInterests());
    m.put("nOutData", s.nOutData());
    m.put("nOutNacks", s.nOutNacks());
    m.put("nSatisfiedInterests", s.nSatisfiedInterests());
    m.put("nUnsatisfiedInterests", s.nUnsatisfiedInterests());
    return m;
  }

  static void printGeneral(PrintWriter out, ForwarderStatus s) {
    out.println("General forwarder status:");
    Map<String, Object> m = general(s);
    m.put("uptime", uptime(s.currentTimestamp() - s.startTimestamp()));
    m.remove("uptimeSeconds");
    int w = 0;
    for (String k : m.keySet()) {
      w = Math.max(w, k.length());
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      out.println("  " + " ".repeat(w - e.getKey().length()) + e.getKey() + "=" + e.getValue());
    }
  }

  private static String uptime(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    long days = d.toDays();
    return (days > 0 ? days + "d " : "") + String.format("%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(),
        d.toSecondsPart());
  }

  // ---------------------------------------------------------------------------------------------- channels

  /**
   * One faces/channels entry: ChannelStatus (0x82) holding LocalUri (0x81), as ndn-cxx's ChannelStatus; other
   * children are skipped.
   *
   * @throws TlvException if the element is not a ChannelStatus with a LocalUri
   */
  static String channel(ByteBuffer buf, int off, int end, int base) {
    if (Tlv.readType(buf, off, end, base, "ChannelStatus") != MgmtTypes.CHANNEL_STATUS) {
      throw new TlvException("faces/channels: entry is not a ChannelStatus, at offset " + (off - base), off - base);
    }
    int p = Tlv.valueStart(buf, off);
    while (p < end) {
      int type = Tlv.readType(buf, p, end, base, "ChannelStatus");
      int next = Tlv.elementEnd(buf, p, end, base, "ChannelStatus");
      if (type == MgmtTypes.LOCAL_URI) {
        int v = Tlv.valueStart(buf, p);
        return new String(Tlv.copy(buf, v, next - v), StandardCharsets.UTF_8);
      }
      p = next;
    }
    throw new TlvException("faces/channels: ChannelStatus without LocalUri, at offset " + (off - base), off - base);
  }

  // ------------------------------------------------------------------------------------------------- faces

  static Map<String, Object> face(FaceStatus f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("faceId", f.faceId());
    m.put("remoteUri", f.remoteUri());
    m.put("localUri", f.localUri());
    m.put("scope", FaceScope.toString(f.faceScope()));
    m.put("persistency", FacePersistency.toString(f.facePersistency()));
    m.put("linkType", LinkType.toString(f.linkType()));
    if (f.hasMtu()) {
      m.put("mtu", f.mtu());
    }
    if (f.hasExpirationPeriod()) {
      m.put("expirationPeriodMillis", f.expirationPeriod());
    }
    m.put("flags", faceFlags(f));
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("interests", f.nInInterests());
    in.put("data", f.nInData());
    in.put("nacks", f.nInNacks());
    in.put("bytes", f.nInBytes());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interests", f.nOutInterests());
    out.put("data", f.nOutData());
    out.put("nacks", f.nOutNacks());
    out.put("bytes", f.nOutBytes());
    m.put("in", in);
    m.put("out", out);
    return m;
  }

  private static List<Object> faceFlags(FaceStatus f) {
    List<Object> flags = new ArrayList<>();
    if (f.flagBit(FaceFlags.BIT_LOCAL_FIELDS_ENABLED)) {
      flags.add("local-fields");
    }
    if (f.flagBit(FaceFlags.BIT_LP_RELIABILITY_ENABLED)) {
      flags.add("lp-reliability");
    }
    if (f.flagBit(FaceFlags.BIT_CONGESTION_MARKING_ENABLED)) {
      flags.add("congestion-marking");
    }
    return flags;
  }

  static Table faces(List<FaceStatus> faces) {
    Table t = new Table("FACEID", "REMOTE", "LOCAL", "SCOPE", "PERSISTENCY", "IN i/d/n", "OUT i/d/n", "IN BYTES",
        "OUT BYTES");
    for (FaceStatus f : faces) {
      t.row(f.faceId(), f.remoteUri(), f.localUri(), FaceScope.toString(f.faceScope()),
          FacePersistency.toString(f.facePersistency()),
          f.nInInterests() + "/" + f.nInData() + "/" + f.nInNacks(),
          f.nOutInterests() + "/" + f.nOutData() + "/" + f.nOutNacks(), f.nInBytes(), f.nOutBytes());
    }
    return t;
  }

  /** nfdc's one-line form of a face: {@code id=300 local=... remote=... persistency=...}. */
  static String faceLine(FaceStatus f) {
    return "id=" + f.faceId() + " local=" + f.localUri() + " remote=" + f.remoteUri() + " persistency="
        + FacePersistency.toString(f.facePersistency());
  }

  // --------------------------------------------------------------------------------------------------- fib

  static Map<String, Object> fib(FibEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prefix", e.prefix().toString());
    List<Object> hops = new ArrayList<>();
    for (NextHopRecord h : e.nextHops()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("faceId", h.faceId());
      n.put("cost", h.cost());
      hops.add(n);
    }
    m.put("nextHops", hops);
    return m;
  }

  static Table fib(List<FibEntry> entries) {
    Table t = new Table("PREFIX", "NEXTHOPS (faceid:cost)");
    for (FibEntry e : entries) {
      StringBuilder sb = new StringBuilder();
      for (NextHopRecord h : e.nextHops()) {
        sb.append(sb.length() > 0 ? " " : "").append(h.faceId()).append(':').append(h.cost());
      }
      t.row(e.prefix(), sb);
    }
    return t;
  }

  // --------------------------------------------------------------------------------------------------- rib

  static List<Object> rib(List<RibEntry> entries) {
    List<Object> routes = new ArrayList<>();
    for (RibEntry e : entries) {
      for (Route r : e.routes()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prefix", e.prefix().toString());
        m.put("nexthop", r.faceId());
        m.put("origin", RouteOrigin.toString(r.origin()));
        m.put("cost", r.cost());
        m.put("flags", RouteFlags.toString(r.flags()));
        m.put("expiresMillis", r.hasExpirationPeriod() ? r.expirationPeriod() : null);
        routes.add(m);
      }
    }
    return routes;
  }

  static Table rib(List<RibEntry> entries, long onlyFace) {
    Table t = new Table("PREFIX", "NEXTHOP", "ORIGIN", "COST", "FLAGS", "EXPIRES");
    for (RibEntry e : entries) {
      for (Route r : e.routes()) {
        if (onlyFace >= 0 && r.faceId() != onlyFace) {
          continue;
        }
        t.row(e.prefix(), r.faceId(), RouteOrigin.toString(r.origin()), r.cost(), RouteFlags.toString(r.flags()),
            r.hasExpirationPeriod() ? r.expirationPeriod() / 1000 + "s" : "never");
      }
    }
    return t;
  }

  /** nfdc's one-line form of a route. */
  static String routeLine(String prefix, long faceId, int origin, long cost, long flags, long expiresMillis) {
    return "prefix=" + prefix + " nexthop=" + faceId + " origin=" + RouteOrigin.toString(origin) + " cost=" + cost
        + " flags=" + RouteFlags.toString(flags) + " expires=" + (expiresMillis < 0 ? "never" : expiresMillis
        / 1000 + "s");
  }

  // ---------------------------------------------------------------------------------------------- strategy

  static Map<String, Object> strategy(StrategyChoice c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prefix", c.name().toString());
    m.put("strategy", c.strategy().toString());
    return m;
  }

  static Table strategies(List<StrategyChoice> choices) {
    Table t = new Table("PREFIX", "STRATEGY");
    for (StrategyChoice c : choices) {
      t.row(c.name(), c.strategy());
    }
    return t;
  }

  // ---------------------------------------------------------------------------------------------------- cs

  static Map<String, Object> cs(CsInfo c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("capacityBytes", c.capacity());
    m.put("admit", c.enableAdmit());
    m.put("serve", c.enableServe());
    m.put("nEntries", c.nEntries());
    m.put("nHits", c.nHits());
    m.put("nMisses", c.nMisses());
    return m;
  }

  static void printCs(PrintWriter out, CsInfo c) {
    out.println("CS information:");
    out.println("  capacity=" + c.capacity() + " bytes");
    out.println("     admit=" + (c.enableAdmit() ? "on" : "off"));
    out.println("     serve=" + (c.enableServe() ? "on" : "off"));
    out.println("  nEntries=" + c.nEntries());
    out.println("     nHits=" + c.nHits());
    out.println("   nMisses=" + c.nMisses());
  }
}
