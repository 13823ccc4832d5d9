package dev.ndnj.bench.security;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.security.Certificates;
import dev.ndnj.security.CertificateFetcher;
import dev.ndnj.security.KeyType;
import dev.ndnj.security.Keys;
import dev.ndnj.security.PacketSigning;
import dev.ndnj.security.Signers;
import dev.ndnj.security.TrustRule;
import dev.ndnj.security.Validator;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Data validation through the engine's consumer API with a cached certificate chain: a JVM engine
 * ({@code JvmEngines.start()}) with a producer serving 1,024 pre-signed Data (from its Content Store after the first
 * round) and the certificates of the chain; the consumer's {@link Validator} has the root as trust anchor and a
 * hierarchical rule, and holds the producer's certificate and its issuer's in its cache after the warm-up (the
 * chain: root ECDSA -> site ECDSA -> producer {@code alg}). {@code validate=false} is the same exchange without a
 * validator, the baseline to subtract.
 *
 * <ul>
 *   <li>{@code exchange}: {@value #BATCH} Interests expressed from the benchmark thread, waited for together; one
 *       operation is one validated exchange;
 *   <li>{@code validateOnly}: {@code Validator.validate(data)} alone on the benchmark thread (cache hit, one
 *       signature verification).
 * </ul>
 * Scores are operations per second. Run from the repository root after building (see docs/benchmarks.md):
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar 'security.ValidatedExchangeBenchmark' -f 1 -wi 2 -i 3 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ValidatedExchangeBenchmark {
  /** Interests in flight per invocation. */
  public static final int BATCH = 64;
  private static final int NAMES = 1024;

  /** The producer's key type. */
  @Param({"ECDSA_P256", "ED25519"})
  public String alg;

  /** Whether the consumer validates. */
  @Param({"true", "false"})
  public boolean validate;

  private Engine engine;
  private Consumer consumer;
  private Validator validator;
  private Interest[] interests;
  private Data sample;
  private int next;

  @Setup
  public void setup() throws Exception {
    long now = System.currentTimeMillis();
    long year = 365L * 86_400_000L;
    KeyPair rootKp = Keys.generate(KeyType.EC);
    Name rootKey = Name.parse("/bench").append(Certificate.KEY, Component.generic("root"));
    Certificate root = Certificates.selfSigned(rootKey, rootKp.getPrivate(), rootKp.getPublic(), now - 1000,
        now + year, now);
    KeyPair siteKp = Keys.generate(KeyType.EC);
    Name siteKey = Name.parse("/bench/site").append(Certificate.KEY, Component.generic("site"));
    Certificate site = Certificates.issue(siteKey, siteKp.getPublic(), Component.generic("root"),
        Signers.of(rootKp.getPrivate(), root.name()), now - 1000, now + year, Map.of(), now);
    KeyPair prodKp = Keys.generate(alg.equals("ED25519") ? KeyType.ED25519 : KeyType.EC);
    Name prodKey = Name.parse("/bench/site/app").append(Certificate.KEY, Component.generic("app"));
    Certificate prod = Certificates.issue(prodKey, prodKp.getPublic(), Component.generic("site"),
        Signers.of(siteKp.getPrivate(), site.name()), now - 1000, now + year, Map.of(), now);

    Data[] data = new Data[NAMES];
    interests = new Interest[NAMES];
    for (int i = 0; i < NAMES; i++) {
      Name n = Name.parse("/bench/site/app/item").append(Component.segment(i));
      data[i] = PacketSigning.sign(Data.builder(n).freshnessPeriod(3_600_000L).content(new byte[256]),
          Signers.of(prodKp.getPrivate(), prod.name()));
      interests[i] = Interest.builder(n).lifetime(4000).build();
    }
    sample = data[0];
    engine = JvmEngines.start();
    engine.producer().produce(Name.parse("/bench/site/app/item"), (interest, responder) ->
        responder.data(data[(int) interest.name().get(4).toNumber()]));
    for (Certificate c : new Certificate[] {site, prod}) {
      engine.producer().produce(c.keyName(), (interest, responder) -> responder.data(c.data()));
    }
    validator = Validator.builder().anchor(root).rule(TrustRule.hierarchical(Name.parse("/bench")))
        .fetcher(CertificateFetcher.over(engine.newAppFace().consumer(), 1)).build();
    consumer = engine.consumer();
    if (validate) {
      consumer.setValidator(validator);
    }
    // warm: the chain gets fetched and cached, every Data reaches the Content Store
    for (int i = 0; i < NAMES; i += BATCH) {
      exchange();
    }
    // the validator's cache holds the chain in both cases (validateOnly uses it even when the consumer does not)
    CountDownLatch warm = new CountDownLatch(1);
    Throwable[] err = new Throwable[1];
    validator.validate(sample).whenComplete((v, e) -> {
      err[0] = e;
      warm.countDown();
    });
    if (!warm.await(10, TimeUnit.SECONDS) || err[0] != null || validator.cache().size() != 2) {
      throw new IllegalStateException("setup: chain not cached: " + validator.cache().size(), err[0]);
    }
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void exchange() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    Throwable[] failure = new Throwable[1];
    for (int i = 0; i < BATCH; i++) {
      Interest interest = interests[next];
      next = (next + 1) % NAMES;
      consumer.express(interest).whenComplete((d, err) -> {
        if (err != null) {
          failure[0] = err;
        }
        done.countDown();
      });
    }
    if (!done.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("exchanges did not finish");
    }
    if (failure[0] != null) {
      throw new IllegalStateException("exchange failed", failure[0]);
    }
  }

  @Benchmark
  public Promise<Void> validateOnly() {
    Promise<Void> p = validator.validate(sample);
    if (!p.isDone() || p.error() != null) {
      throw new IllegalStateException(p.error());
    }
    return p;
  }
}
