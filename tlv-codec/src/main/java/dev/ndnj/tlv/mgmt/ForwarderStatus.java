package dev.ndnj.tlv.mgmt;

import dev.ndnj.tlv.Tlv;
import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.TlvException;
import dev.ndnj.tlv.TlvRules;
import dev.ndnj.tlv.TlvTypes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * ForwarderStatus: the status/general dataset. Unlike the other datasets it has no element of its own: the
 * payload (the Content of the dataset's Data) is the sequence of fields, all required and in this order:
 * NfdVersion, StartTimestamp, CurrentTimestamp (milliseconds since the Unix epoch), NNameTreeEntries, NFibEntries,
 * NPitEntries, NMeasurementsEntries, NCsEntries, NInInterests, NInData, NInNacks, NOutInterests, NOutData,
 * NOutNacks, NSatisfiedInterests, NUnsatisfiedInterests. ndn-cxx's {@code ForwarderStatus::wireEncode} wraps the
 * fields in a Content element (TLV-TYPE 0x15); {@link #decode(ByteBuffer)} accepts both forms, {@link #prependTo}
 * and {@link #wire()} give the bare payload.
 */
public final class ForwarderStatus extends MgmtElement {
  private static final String CTX = "ForwarderStatus";
  private static final TlvRules RULES = TlvRules.of(CTX, MgmtTypes.NFD_VERSION, MgmtTypes.START_TIMESTAMP,
      MgmtTypes.CURRENT_TIMESTAMP, MgmtTypes.N_NAME_TREE_ENTRIES, MgmtTypes.N_FIB_ENTRIES, MgmtTypes.N_PIT_ENTRIES,
      MgmtTypes.N_MEASUREMENTS_ENTRIES, MgmtTypes.N_CS_ENTRIES, MgmtTypes.N_IN_INTERESTS, MgmtTypes.N_IN_DATA,
      MgmtTypes.N_IN_NACKS, MgmtTypes.N_OUT_INTERESTS, MgmtTypes.N_OUT_DATA, MgmtTypes.N_OUT_NACKS,
      MgmtTypes.N_SATISFIED_INTERESTS, MgmtTypes.N_UNSATISFIED_INTERESTS);
  private static final String[] FIELDS = {null, "NfdVersion", "StartTimestamp", "CurrentTimestamp",
      "NNameTreeEntries", "NFibEntries", "NPitEntries", "NMeasurementsEntries", "NCsEntries", "NInInterests",
      "NInData", "NInNacks", "NOutInterests", "NOutData", "NOutNacks", "NSatisfiedInterests",
      "NUnsatisfiedInterests"};
  private static final int[] TYPES = {0, MgmtTypes.NFD_VERSION, MgmtTypes.START_TIMESTAMP,
      MgmtTypes.CURRENT_TIMESTAMP, MgmtTypes.N_NAME_TREE_ENTRIES, MgmtTypes.N_FIB_ENTRIES, MgmtTypes.N_PIT_ENTRIES,
      MgmtTypes.N_MEASUREMENTS_ENTRIES, MgmtTypes.N_CS_ENTRIES, MgmtTypes.N_IN_INTERESTS, MgmtTypes.N_IN_DATA,
      MgmtTypes.N_IN_NACKS, MgmtTypes.N_OUT_INTERESTS, MgmtTypes.N_OUT_DATA, MgmtTypes.N_OUT_NACKS,
      MgmtTypes.N_SATISFIED_INTERESTS, MgmtTypes.N_UNSATISFIED_INTERESTS};

  private final String nfdVersion;
  /** values[s - 2] is the number in slot s (StartTimestamp .. NUnsatisfiedInterests). */
  private final long[] values;

  private ForwarderStatus(String nfdVersion, long[] values, ByteBuffer buf, int start, int end) {
    super(buf, start, end);
    this.nfdVersion = nfdVersion;
    this.values = values;
  }

  /**
   * Decodes a status/general payload: the remaining octets of {@code payload}, either the bare fields or one
   * Content element holding them (ndn-cxx's wire form). {@link #wire()} is then a view of the fields.
   *
   * @throws TlvException if the octets are not a valid ForwarderStatus
   */
  public static ForwarderStatus decode(ByteBuffer payload) {
    int off = payload.position();
    int end = payload.limit();
    if (off < end && Tlv.readType(payload, off, end, off, CTX) == TlvTypes.CONTENT) {
      int contentEnd = Tlv.elementEnd(payload, off, end, off, CTX);
      Children.checkWhole(payload, contentEnd, CTX);
      return decode(payload, Tlv.valueStart(payload, off), contentEnd, off);
    }
    return decode(payload, off, end, off);
  }

  /**
   * Decodes the fields in {@code [from, to)} of {@code buf} (no enclosing element); error offsets count from
   * {@code base}.
   */
  public static ForwarderStatus decode(ByteBuffer buf, int from, int to, int base) {
    Children c = Children.range(buf, from, to, base, RULES);
    String version = null;
    long[] values = new long[FIELDS.length - 2];
    while (c.next()) {
      if (c.slot == 1) {
        version = c.text();
      } else {
        values[c.slot - 2] = c.number(FIELDS[c.slot]);
      }
    }
    for (int s = 1; s < FIELDS.length; s++) {
      c.require(s, FIELDS[s]);
    }
    return new ForwarderStatus(version, values, buf, from, to);
  }

  /** NfdVersion, e.g. {@code 22.12}. */
  public String nfdVersion() {
    return nfdVersion;
  }

  /** StartTimestamp: when the forwarder started, milliseconds since the Unix epoch. */
  public long startTimestamp() {
    return values[0];
  }

  /** CurrentTimestamp: when this status was made, milliseconds since the Unix epoch. */
  public long currentTimestamp() {
    return values[1];
  }

  /** NNameTreeEntries. */
  public long nNameTreeEntries() {
    return values[2];
  }

  /** NFibEntries. */
  public long nFibEntries() {
    return values[3];
  }

  /** NPitEntries. */
  public long nPitEntries() {
    return values[4];
  }

  /** NMeasurementsEntries. */
  public long nMeasurementsEntries() {
    return values[5];
  }

  /** NCsEntries. */
  public long nCsEntries() {
    return values[6];
  }

  /** NInInterests. */
  public long nInInterests() {
    return values[7];
  }

  /** NInData. */
  public long nInData() {
    return values[8];
  }

  /** NInNacks. */
  public long nInNacks() {
    return values[9];
  }

  /** NOutInterests. */
  public long nOutInterests() {
    return values[10];
  }

  /** NOutData. */
  public long nOutData() {
    return values[11];
  }

  /** NOutNacks. */
  public long nOutNacks() {
    return values[12];
  }

  /** NSatisfiedInterests. */
  public long nSatisfiedInterests() {
    return values[13];
  }

  /** NUnsatisfiedInterests. */
  public long nUnsatisfiedInterests() {
    return values[14];
  }

  /** Writes the payload fields (no enclosing element) into {@code enc}. */
  @Override
  public void prependTo(TlvEncoder enc) {
    for (int s = FIELDS.length - 1; s >= 2; s--) {
      enc.prependNonNegativeIntegerTlv(TYPES[s], values[s - 2]);
    }
    Children.prependText(enc, MgmtTypes.NFD_VERSION, nfdVersion);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForwarderStatus && nfdVersion.equals(((ForwarderStatus) o).nfdVersion)
        && Arrays.equals(values, ((ForwarderStatus) o).values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nfdVersion) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("GeneralStatus(NfdVersion: ").append(nfdVersion);
    for (int s = 2; s < FIELDS.length; s++) {
      sb.append(", ").append(FIELDS[s]).append(": ").append(values[s - 2]);
    }
    return sb.append(')').toString();
  }

  /** A builder with an empty version and every number 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ForwarderStatus}. Numbers must be in 0..2^63-1. */
  public static final class Builder {
    private String nfdVersion = "";
    private final long[] values = new long[FIELDS.length - 2];

    private Builder() {}

    private Builder set(int slot, long v) {
      values[slot - 2] = Children.checkNumber(FIELDS[slot], v);
      return this;
    }

    /** Sets NfdVersion. */
    public Builder nfdVersion(String s) {
      nfdVersion = Objects.requireNonNull(s, "nfdVersion");
      return this;
    }

    /** Sets StartTimestamp (milliseconds since the Unix epoch). */
    public Builder startTimestamp(long millis) {
      return set(2, millis);
    }

    /** Sets CurrentTimestamp (milliseconds since the Unix epoch). */
    public Builder currentTimestamp(long millis) {
      return set(3, millis);
    }

    /** Sets NNameTreeEntries. */
    public Builder nNameTreeEntries(long v) {
      return set(4, v);
    }

    /** Sets NFibEntries. */
    public Builder nFibEntries(long v) {
      return set(5, v);
    }

    /** Sets NPitEntries. */
    public Builder nPitEntries(long v) {
      return set(6, v);
    }

    /** Sets NMeasurementsEntries. */
    public Builder nMeasurementsEntries(long v) {
      return set(7, v);
    }

    /** Sets NCsEntries. */
    public Builder nCsEntries(long v) {
      return set(8, v);
    }

    /** Sets NInInterests. */
    public Builder nInInterests(long v) {
      return set(9, v);
    }

    /** Sets NInData. */
    public Builder nInData(long v) {
      return set(10, v);
    }

    /** Sets NInNacks. */
    public Builder nInNacks(long v) {
      return set(11, v);
    }

    /** Sets NOutInterests. */
    public Builder nOutInterests(long v) {
      return set(12, v);
    }

    /** Sets NOutData. */
    public Builder nOutData(long v) {
      return set(13, v);
    }

    /** Sets NOutNacks. */
    public Builder nOutNacks(long v) {
      return set(14, v);
    }

    /** Sets NSatisfiedInterests. */
    public Builder nSatisfiedInterests(long v) {
      return set(15, v);
    }

    /** Sets NUnsatisfiedInterests. */
    public Builder nUnsatisfiedInterests(long v) {
      return set(16, v);
    }

    /** The ForwarderStatus. */
    public ForwarderStatus build() {
      return new ForwarderStatus(nfdVersion, values.clone(), null, 0, 0);
    }
  }
}
