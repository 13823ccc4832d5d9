package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import java.nio.ByteBuffer;
import net.named_data.jndn.ComponentType;
import net.named_data.jndn.KeyLocatorType;
import net.named_data.jndn.encoding.EncodingException;
import net.named_data.jndn.encoding.TlvWireFormat;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints, with JOL, how many bytes a decoded packet holds beyond the buffer it was decoded from: the figure that
 * the {@code gc.alloc.rate.norm} of the decode benchmarks ({@code -prof gc}) is compared with. A decode that
 * allocates exactly that much creates only the packet object and its name view.
 *
 * <p>Run from the repository root after building (see docs/benchmarks.md), with the JVM the benchmarks use:
 *
 * <pre>java -Djdk.attach.allowAttachSelf=true -cp bench/target/benchmarks.jar dev.ndnj.bench.tlv.PacketFootprint</pre>
 *
 * <p>For jNDN the figure is what the decoded object keeps (it copies the input), not what its decode allocates
 * in total; the benchmark's {@code gc.alloc.rate.norm} shows the latter.
 */
public final class PacketFootprint {
  private PacketFootprint() {}

  /** Prints the footprints; takes no arguments. */
  public static void main(String[] args) throws EncodingException {
    CodecCorpus corpus = CodecCorpus.standard();
    ByteBuffer interestWire = corpus.interestWires()[0];
    ByteBuffer dataWire = corpus.dataWires()[0];

    Interest interest = Interest.decode(interestWire);
    report("ndnj Interest " + interest.name(), GraphLayout.parseInstance(interest),
        GraphLayout.parseInstance(interestWire));

    Data data = Data.decode(dataWire);
    report("ndnj Data " + data.name(), GraphLayout.parseInstance(data), GraphLayout.parseInstance(dataWire));

    net.named_data.jndn.Interest jndnInterest = new net.named_data.jndn.Interest();
    jndnInterest.wireDecode(interestWire, TlvWireFormat.get());
    // Shared singletons the jNDN object points at are not part of what a decode creates.
    report("jNDN Interest (retained; its decode copies the input)", GraphLayout.parseInstance(jndnInterest),
        GraphLayout.parseInstance(TlvWireFormat.get(), ComponentType.values(), KeyLocatorType.values()));
  }

  private static void report(String what, GraphLayout packet, GraphLayout shared) {
    GraphLayout own = packet.subtract(shared);
    System.out.println("== " + what);
    System.out.println(own.toFootprint());
    System.out.println("packet graph " + packet.totalSize() + " B, of which shared " + (packet.totalSize()
        - own.totalSize()) + " B: " + own.totalSize() + " B held by the decoded packet");
    System.out.println();
  }
}
