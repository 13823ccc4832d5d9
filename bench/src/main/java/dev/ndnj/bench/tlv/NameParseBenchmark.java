package dev.ndnj.bench.tlv;

import dev.ndnj.tlv.Name;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing NDN URIs into names: ndnj's {@code Name.parse} against jNDN's {@code new Name(uri)}.
 *
 * <p>Input: {@link CodecCorpus#parseUris()}, 1024 distinct URIs (40% {@code .../seg=N}, 20% {@code .../v=V/seg=N},
 * 20% five generic components, 10% a numeric last component, 10% a percent-escaped one), walked in order. jNDN 0.24
 * does not know the {@code seg=}/{@code v=} keywords, so it gets the same names in its own syntax
 * ({@code 50=%2A} for {@code seg=42}; {@link CodecCorpus#parseUrisForJndn()}); both sides produce the same
 * octets (checked by the bench tests). Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>java -jar bench/target/benchmarks.jar NameParseBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NameParseBenchmark {
  private String[] uris;
  private String[] jndnUris;
  private int next;

  @Setup
  public void setUp() {
    CodecCorpus corpus = CodecCorpus.standard();
    uris = corpus.parseUris();
    jndnUris = corpus.parseUrisForJndn();
  }

  private int advance() {
    next = (next + 1) & CodecCorpus.MASK;
    return next;
  }

  @Benchmark
  public Name ndnj() {
    return Name.parse(uris[advance()]);
  }

  @Benchmark
  public net.named_data.jndn.Name jndn() {
    return new net.named_data.jndn.Name(jndnUris[advance()]);
  }
}
