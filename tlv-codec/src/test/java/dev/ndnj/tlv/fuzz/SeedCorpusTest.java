package dev.ndnj.tlv.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.LpPacket;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.SignatureInfo;
import dev.ndnj.tlv.TlvException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The seed corpus says what it holds: seeds named {@code bad-*} are rejected by their decoder, {@code edge-*} ones
 * may go either way, the others decode.
 */
class SeedCorpusTest {
  @Test
  void interestSeedsAreValidUnlessNamedBad() {
    check(SeedCorpus.interests(), b -> Interest.decode(ByteBuffer.wrap(b)));
  }

  @Test
  void dataSeedsAreValidUnlessNamedBad() {
    check(SeedCorpus.data(), b -> Data.decode(ByteBuffer.wrap(b)));
  }

  @Test
  void signatureInfoSeedsAreValidUnlessNamedBad() {
    check(SeedCorpus.signatureInfos(), b -> SignatureInfo.decode(ByteBuffer.wrap(b), 0, b.length, 0,
        b[0] == 0x2c));
  }

  @Test
  void lpPacketSeedsAreValidUnlessNamedBad() {
    check(SeedCorpus.lpPackets(), b -> {
      LpPacket p = LpPacket.decode(ByteBuffer.wrap(b));
      if (p.fragmentType() == 5) {
        p.fragmentAsInterest();
      } else if (p.fragmentType() == 6) {
        p.fragmentAsData();
      }
    });
  }

  @Test
  void nameSeedsAreValidUnlessNamedBad() {
    check(SeedCorpus.names(), b -> Name.decode(ByteBuffer.wrap(b)));
  }

  @Test
  void uriSeedsAreValidUnlessNamedBad() {
    SeedCorpus.uris().forEach((file, text) -> {
      String uri = new String(text, java.nio.charset.StandardCharsets.UTF_8);
      if (file.startsWith("bad-")) {
        assertThrows(IllegalArgumentException.class, () -> Name.parse(uri), file);
      } else {
        assertDoesNotThrow(() -> Name.parse(uri), file);
      }
    });
  }

  private static void check(Map<String, byte[]> seeds, Consumer<byte[]> decode) {
    seeds.forEach((file, wire) -> {
      if (file.startsWith("edge-")) {
        return;
      }
      if (file.startsWith("bad-")) {
        assertThrows(TlvException.class, () -> decode.accept(wire), file);
      } else {
        assertDoesNotThrow(() -> decode.accept(wire), file);
      }
    });
  }
}
