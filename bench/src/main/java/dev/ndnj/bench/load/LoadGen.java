package dev.ndnj.bench.load;

import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlResponse;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A load generator for NDN forwarders (ndnj or NFD): a producer connection that registers a prefix through the
 * forwarder's management and answers every Interest, and consumer connections keeping a window of Interests
 * outstanding, over TCP, Unix, UDP or WebSocket. Reports satisfied Interests per second, RTT percentiles
 * (HdrHistogram), timeouts and Nacks, and the forwarder's CPU time per satisfied Interest read from
 * {@code /proc/<pid>} over the measured window. See docs/benchmarks.md ("Forwarder load").
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ndnj.bench.load.LoadGen --spawn --transport tcp --window 64
 * java -cp bench/target/benchmarks.jar dev.ndnj.bench.load.LoadGen --remote unix:///run/nfd.sock --pid $(pidof nfd)
 * </pre>
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load an NDN forwarder with a producer and consumers; report throughput, RTT and the "
        + "forwarder's CPU time per satisfied Interest.",
        "Either --spawn (runs ndnj fwd on 127.0.0.1 with ephemeral ports) or --remote."})
public final class LoadGen implements Callable<Integer> {
  @Option(names = "--remote", paramLabel = "URI",
      description = "the consumers' face URI: tcp4://HOST:PORT, udp4://HOST:PORT, unix:///PATH, ws://HOST:PORT/")
  String remote;

  @Option(names = "--producer-remote", paramLabel = "URI",
      description = "the producer's face URI (a local face: tcp or unix); default: --remote when it is tcp or unix, "
          + "else the spawned forwarder's Unix socket")
  String producerRemote;

  @Option(names = "--spawn", description = "start the ndnj forwarder as a child process and measure it")
  boolean spawn;

  @Option(names = "--transport", paramLabel = "tcp|unix|udp|ws", defaultValue = "tcp",
      description = "with --spawn: which of its channels the consumers use (default ${DEFAULT-VALUE})")
  String transport;

  @Option(names = "--ndnj-jar", paramLabel = "JAR",
      description = "with --spawn: run this forwarder jar (e.g. forwarder/target/ndnj.jar); default: the forwarder "
          + "classes on this JVM's class path (the benchmarks jar has them)")
  Path ndnjJar;

  @Option(names = "--fwd-jvm-opt", paramLabel = "OPTION",
      description = "with --spawn: a JVM option for the forwarder (repeatable), e.g. -XX:StartFlightRecording=...")
  List<String> fwdJvmOptions = new ArrayList<>();

  @Option(names = "--cs-capacity-bytes", paramLabel = "BYTES", defaultValue = "-1",
      description = "with --spawn: the forwarder's Content Store capacity (default: its own default)")
  long csCapacityBytes;

  @Option(names = "--fwd-log", description = "with --spawn: echo the forwarder's log to stderr")
  boolean fwdLog;

  @Option(names = "--pid", paramLabel = "PID", defaultValue = "-1",
      description = "the forwarder's process id, for its CPU time (implied by --spawn)")
  long pid;

  @Option(names = "--prefix", paramLabel = "NAME", defaultValue = "/loadgen",
      description = "the prefix the producer registers (default ${DEFAULT-VALUE})")
  String prefix;

  @Option(names = "--payload", paramLabel = "OCTETS", defaultValue = "1000",
      description = "Content octets per Data (default ${DEFAULT-VALUE})")
  int payload;

  @Option(names = "--window", paramLabel = "W", defaultValue = "16",
      description = "Interests outstanding per consumer connection (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "1",
      description = "consumer connections (default ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--names", paramLabel = "unique|repeat", defaultValue = "unique",
      description = "unique: every name new (CS misses); repeat: a set of --set-size names again and again "
          + "(CS hits after the first pass) (default ${DEFAULT-VALUE})")
  String names;

  @Option(names = "--set-size", paramLabel = "N", defaultValue = "4096",
      description = "names in the repeating set (default ${DEFAULT-VALUE}; at least twice window x connections)")
  int setSize;

  @Option(names = "--lifetime", paramLabel = "MS", defaultValue = "4000",
      description = "InterestLifetime; an Interest unanswered 250 ms after it is a timeout (default ${DEFAULT-VALUE})")
  long lifetime;

  @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
      description = "warm-up before measuring; with repeat names also at least until the producer has answered "
          + "the whole set (default ${DEFAULT-VALUE})")
  double warmup;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "10",
      description = "the measured window (default ${DEFAULT-VALUE})")
  double duration;

  @Option(names = "--interests", paramLabel = "N", defaultValue = "0",
      description = "measure exactly N resolved Interests instead of --duration")
  long interests;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "the load generator's event-loop threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--no-epoll", description = "use NIO even where epoll loads (no Unix sockets then)")
  boolean noEpoll;

  @Option(names = "--json", description = "print the report as one JSON line")
  boolean json;

  /** Runs the load generator; exits 0 when every measured Interest was satisfied, 1 otherwise, 2 on bad options. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGen()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    LoadReport r;
    try {
      r = run();
    } catch (IllegalArgumentException e) {
      System.err.println("loadgen: " + e.getMessage());
      return 2;
    }
    System.out.print(json ? r.toJson() + System.lineSeparator() : r.toText());
    System.out.flush();
    return r.timeouts() == 0 && r.nacks() == 0 && r.satisfied() > 0 ? 0 : 1;
  }

  private void check() {
    if (!spawn && remote == null) {
      throw new IllegalArgumentException("give --remote URI or --spawn");
    }
    if (window < 1 || window > 65535 || connections < 1 || threads < 1 || payload < 0 || lifetime < 1) {
      throw new IllegalArgumentException("window must be 1..65535; connections, threads, lifetime positive");
    }
    if (!names.equals("unique") && !names.equals("repeat")) {
      throw new IllegalArgumentException("--names must be unique or repeat: " + names);
    }
    if (names.equals("repeat") && setSize < 2L * window * connections) {
      throw new IllegalArgumentException("--set-size must be at least 2 x window x connections");
    }
  }

  /**
   * Runs the load as configured and returns what it measured.
   *
   * @throws IllegalArgumentException on inconsistent options
   * @throws java.io.IOException if the forwarder cannot be spawned or read
   * @throws IllegalStateException if the producer's prefix registration fails or a connection cannot be made
   */
  public LoadReport run() throws Exception {
    check();
    SpawnedForwarder spawned = null;
    try {
      String consumerUri = remote;
      String producerUri = producerRemote;
      long fwdPid = pid;
      if (spawn) {
        spawned = SpawnedForwarder.start(ndnjJar, fwdJvmOptions, csCapacityBytes, fwdLog);
        String scheme = switch (transport) {
          case "tcp" -> "tcp4";
          case "udp" -> "udp4";
          case "unix", "ws" -> transport;
          default -> throw new IllegalArgumentException("--transport must be tcp, unix, udp or ws: " + transport);
        };
        if (consumerUri == null) {
          consumerUri = spawned.channel(scheme);
        }
        if (producerUri == null) {
          producerUri = spawned.channel("unix");
        }
        if (fwdPid < 0) {
          fwdPid = spawned.pid();
        }
      }
      if (producerUri == null) {
        if (!consumerUri.startsWith("tcp") && !consumerUri.startsWith("unix")) {
          throw new IllegalArgumentException("give --producer-remote (a tcp or unix face URI) for " + consumerUri);
        }
        producerUri = consumerUri;
      }
      return measure(consumerUri, producerUri, fwdPid);
    } finally {
      if (spawned != null) {
        spawned.close();
      }
    }
  }

  private LoadReport measure(String consumerUri, String producerUri, long fwdPid) throws Exception {
    long clk = ProcCpu.clockTicksPerSecond();
    ProcCpu fwdCpu = fwdPid >= 0 ? new ProcCpu(fwdPid, clk) : null;
    ProcCpu selfCpu = new ProcCpu(ProcessHandle.current().pid(), clk);
    boolean unique = names.equals("unique");
    Name root = Name.parse(prefix);
    Name run = root.append(Component.generic(String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt())));
    try (LoadConnector connector = new LoadConnector(threads, !noEpoll)) {
      LoadProducer producer = new LoadProducer(root, payload, 10_000, isStream(producerUri));
      Channel producerChannel = await(connector.connect(producerUri, () -> producer), "producer connection");
      ControlResponse reg = await(producer.registered(), "rib/register response");
      if (!reg.isSuccess()) {
        throw new IllegalStateException("rib/register " + root + " failed: " + reg.code() + " " + reg.text());
      }
      CountDownLatch done = new CountDownLatch(connections);
      List<LoadConsumer> consumers = new ArrayList<>();
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Name head = unique ? run.append(Component.generic("u" + i)) : run.append(Component.generic("r"));
        LoadConsumer c = new LoadConsumer(LoadPackets.nameHead(head), window, unique, setSize, lifetime,
            interests > 0 ? perConnection(i) : 0, done, isStream(consumerUri));
        channels.add(await(connector.connect(consumerUri, () -> c), "consumer connection " + i));
        consumers.add(c);
      }
      // Without warm-up (unique names) the measured phase starts before the first Interest, so every Interest,
      // every producer answer and all the CPU they cost are in it; otherwise it starts after the warm-up (with
      // repeating names, not before the producer has answered the whole set once).
      boolean fromStart = warmup <= 0 && unique;
      long t0 = System.nanoTime();
      ProcCpu.Sample f0 = fwdCpu == null ? null : fwdCpu.read();
      ProcCpu.Sample s0 = selfCpu.read();
      long p0 = producer.interests();
      if (fromStart) { // in count mode this already sends the first window
        onLoops(channels, consumers, LoadConsumer::beginMeasure);
      }
      for (int i = 0; i < connections; i++) {
        channels.get(i).eventLoop().execute(consumers.get(i)::start);
      }
      if (!fromStart) {
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        long setDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < warmEnd
            || (!unique && producer.interests() < setSize && System.nanoTime() < setDeadline)) {
          Thread.sleep(20);
        }
        onLoops(channels, consumers, LoadConsumer::beginMeasure);
        t0 = System.nanoTime();
        f0 = fwdCpu == null ? null : fwdCpu.read();
        s0 = selfCpu.read();
        p0 = producer.interests();
      }
      long t1;
      ProcCpu.Sample f1;
      ProcCpu.Sample s1;
      long p1;
      if (interests > 0) {
        if (!done.await(Math.max(120, interests / 1000), TimeUnit.SECONDS)) {
          throw new IllegalStateException("the measured Interests were not resolved in time");
        }
        t1 = System.nanoTime();
        f1 = fwdCpu == null ? null : fwdCpu.read();
        s1 = selfCpu.read();
        p1 = producer.interests();
      } else {
        Thread.sleep((long) (duration * 1000));
        onLoops(channels, consumers, LoadConsumer::endMeasure);
        t1 = System.nanoTime();
        f1 = fwdCpu == null ? null : fwdCpu.read();
        s1 = selfCpu.read();
        p1 = producer.interests();
      }
      Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
      long sent = 0;
      long satisfied = 0;
      long timeouts = 0;
      long nacks = 0;
      long unexpected = 0;
      for (int i = 0; i < connections; i++) {
        LoadConsumer c = consumers.get(i);
        // read on the consumer's loop: its last writes happen before this task
        long[] counts = channels.get(i).eventLoop().submit(() -> {
          rtt.add(c.rtt());
          return new long[] {c.sent, c.satisfied, c.timeouts, c.nacks, c.unexpected};
        }).get(10, TimeUnit.SECONDS);
        sent += counts[0];
        satisfied += counts[1];
        timeouts += counts[2];
        nacks += counts[3];
        unexpected += counts[4];
      }
      for (Channel ch : channels) {
        ch.close();
      }
      producerChannel.close();
      double micros = 1e-3;
      return new LoadReport(scheme(consumerUri), consumerUri, names, connections, window, payload,
          (t1 - t0) / 1e9, sent, satisfied, timeouts, nacks, unexpected, p1 - p0,
          rtt.getValueAtPercentile(50) * micros, rtt.getValueAtPercentile(90) * micros,
          rtt.getValueAtPercentile(99) * micros, rtt.getValueAtPercentile(99.9) * micros, rtt.getMaxValue() * micros,
          fwdCpu == null ? -1 : fwdPid,
          f0 == null ? -1 : (f1.statNanos() - f0.statNanos()) / 1e6,
          f0 == null ? -1 : (f1.schedstatNanos() - f0.schedstatNanos()) / 1e6,
          (s1.statNanos() - s0.statNanos()) / 1e6);
    }
  }

  private long perConnection(int i) {
    return interests / connections + (i < interests % connections ? 1 : 0);
  }

  private static boolean isStream(String uri) {
    String s = scheme(uri);
    return s.startsWith("tcp") || s.equals("unix");
  }

  private static String scheme(String uri) {
    int i = uri.indexOf("://");
    return i < 0 ? uri : uri.substring(0, i);
  }

  private interface LoopTask {
    void run(LoadConsumer c);
  }

  private static void onLoops(List<Channel> channels, List<LoadConsumer> consumers, LoopTask task)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<io.netty.util.concurrent.Future<?>> fs = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      LoadConsumer c = consumers.get(i);
      fs.add(channels.get(i).eventLoop().submit(() -> task.run(c)));
    }
    for (io.netty.util.concurrent.Future<?> f : fs) {
      f.get(10, TimeUnit.SECONDS);
    }
  }

  private static <T> T await(CompletableFuture<T> f, String what) throws InterruptedException {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + ": no answer in 30 s", e);
    }
  }
}
