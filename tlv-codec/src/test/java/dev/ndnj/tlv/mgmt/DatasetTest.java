package dev.ndnj.tlv.mgmt;

import static dev.ndnj.tlv.mgmt.Vectors.assertTlvError;
import static dev.ndnj.tlv.mgmt.Vectors.buf;
import static dev.ndnj.tlv.mgmt.Vectors.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Name;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dataset payloads: the concatenation of entries, as NFD publishes faces/list, fib/list, rib/list, .... */
class DatasetTest {
  @Test
  void fibListIsTheConcatenationOfEntries() {
    FibEntry empty = FibEntry.builder(Name.parse("/this/is/a/test")).build();
    List<FibEntry> entries = List.of(FibEntryTest.make(), empty);
    byte[] payload = Dataset.encode(entries);
    assertEquals(norm(Vectors.FIB_ENTRY + Vectors.FIB_ENTRY_NO_NEXT_HOPS), Hex.encode(payload));
    assertEquals(entries, Dataset.decode(ByteBuffer.wrap(payload), FibEntry::decode));
  }

  @Test
  void eachDatasetTypeSplitsBack() {
    assertEquals(List.of(FaceStatusTest.make(), FaceStatusTest.make()),
        Dataset.decode(buf(Vectors.FACE_STATUS + Vectors.FACE_STATUS), FaceStatus::decode));
    assertEquals(2, Dataset.decode(buf(Vectors.RIB_ENTRY + Vectors.RIB_ENTRY), RibEntry::decode).size());
    assertEquals(1, Dataset.decode(buf(Vectors.STRATEGY_CHOICE), StrategyChoice::decode).size());
    assertEquals(1, Dataset.decode(buf(Vectors.FACE_EVENT_UP), FaceEventNotification::decode).size());
  }

  @Test
  void emptyPayloadIsAnEmptyDataset() {
    assertTrue(Dataset.decode(buf(""), FibEntry::decode).isEmpty());
    assertEquals(0, Dataset.encode(List.of()).length);
  }

  @Test
  void decodingStartsAtThePositionAndCountsOffsetsFromIt() {
    ByteBuffer b = buf("ffff" + norm(Vectors.FIB_ENTRY_NO_NEXT_HOPS) + "8102");
    b.position(2);
    assertTlvError(24, () -> Dataset.decode(b, FibEntry::decode), "Dataset: TLV-LENGTH 2 exceeds");
    assertEquals(2, b.position(), "position unchanged");
  }

  @Test
  void aStrangerInTheDatasetIsAnError() {
    assertTlvError(23, () -> Dataset.decode(buf(Vectors.FIB_ENTRY_NO_NEXT_HOPS + Vectors.NEXT_HOP),
        FibEntry::decode), "FibEntry: expected TLV-TYPE 128, got 129");
  }
}
