package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.TlvEncoder;
import dev.ndnj.tlv.mgmt.Encodable;
import dev.ndnj.tlv.mgmt.MgmtTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One entry of faces/channels: ChannelStatus (0x82) holding the channel's LocalUri (0x81), as ndn-cxx's
 * {@code ChannelStatus}. Written here because the codec has no ChannelStatus type yet. Immutable.
 */
final class ChannelStatusEntry implements Encodable {
  private final String localUri;

  ChannelStatusEntry(String localUri) {
    this.localUri = localUri;
  }

  @Override
  public void prependTo(TlvEncoder enc) {
    byte[] uri = localUri.getBytes(StandardCharsets.UTF_8);
    int mark = enc.size();
    enc.prependBytesTlv(MgmtTypes.LOCAL_URI, uri);
    enc.prependHeader(MgmtTypes.CHANNEL_STATUS, enc.size() - mark);
  }

  @Override
  public ByteBuffer wire() {
    TlvEncoder enc = new TlvEncoder(localUri.length() + 8);
    prependTo(enc);
    return enc.toBuffer().asReadOnlyBuffer();
  }
}
