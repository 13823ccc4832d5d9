package dev.ndnj.bench.engine;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A/B of the forwarding thread's CPU rate between builds (or settings) in one JVM: each variant is a bench jar (or
 * class path) loaded in a class loader of its own, optionally with system properties set while its classes
 * initialize (for switches read once, such as {@code ndnj.framePrefetchWindow}), and the variants take turns, one
 * short {@link ExchangeCpuRate} measurement each per cycle. On a machine whose speed drifts by tens of percent within
 * minutes (this 2-vCPU VM), comparing the variants cycle by cycle cancels most of the drift that separate runs
 * suffer; the report is the median of the per-cycle ratios to the first variant, with every ratio. From the
 * repository root:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ndnj.bench.engine.ExchangeAb lru 0 batched 30 \
 *     bench/target/benchmarks.jar@ndnj.framePrefetchWindow=0 bench/target/benchmarks.jar
 * </pre>
 *
 * Arguments: Content Store, capacity in bytes, mode (as {@link ExchangeCpuRate}), cycles, then two or more variants
 * {@code CLASSPATH[@key=value[,key=value...]]} (a jar, or entries joined by the platform's path separator). Jars
 * built before the mode argument was a string take a boolean ({@code received} or {@code built} only).
 */
public final class ExchangeAb {
  private static final int ROUNDS = 3;
  private static final int BATCHES = 1500;
  /** Cycles run before the ones reported (each variant's JIT warms up in them). */
  static final int WARM_UP_CYCLES = 2;

  private ExchangeAb() {}

  /** Runs the comparison; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: ExchangeAb lru|caffeine <csBytes> received|batched|built <cycles> CP[@k=v,...] CP...");
      System.exit(2);
    }
    List<String> specs = Arrays.asList(args).subList(4, args.length);
    Result r = compare(args[0], Long.parseLong(args[1]), args[2], Integer.parseInt(args[3]), BATCHES, specs);
    for (int j = 0; j < specs.size(); j++) {
      System.out.printf("%s: median %,.0f exchanges per second of forwarding-thread CPU%n", specs.get(j),
          median(r.column(j)));
    }
    for (int j = 1; j < specs.size(); j++) {
      double[] ratios = r.ratios(j);
      System.out.printf("%s / %s: median ratio %.3f, %d of %d cycles above 1 %s%n", specs.get(j), specs.get(0),
          median(ratios), Arrays.stream(ratios).filter(x -> x > 1).count(), ratios.length,
          Arrays.toString(Arrays.stream(ratios).sorted().map(x -> Math.round(x * 100) / 100.0).toArray()));
    }
  }

  /** The rates measured after the warm-up cycles (one row per cycle, one column per variant) and the loaders. */
  static final class Result {
    final List<double[]> rows;
    final List<ClassLoader> loaders;

    Result(List<double[]> rows, List<ClassLoader> loaders) {
      this.rows = rows;
      this.loaders = loaders;
    }

    double[] column(int j) {
      return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    /** Per cycle, variant {@code j}'s rate over the first variant's. */
    double[] ratios(int j) {
      return rows.stream().mapToDouble(r -> r[j] / r[0]).toArray();
    }
  }

  /**
   * Runs {@code cycles} cycles (the first {@value #WARM_UP_CYCLES} not reported) in which every variant of
   * {@code specs} measures {@code batches} batches of exchanges three times, keeping the median.
   */
  static Result compare(String cs, long bytes, String mode, int cycles, int batches, List<String> specs)
      throws Exception {
    int n = specs.size();
    Method[] measure = new Method[n];
    Properties[] props = new Properties[n];
    List<ClassLoader> loaders = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      String spec = specs.get(j);
      int at = spec.indexOf('@');
      props[j] = new Properties();
      if (at >= 0) {
        for (String kv : spec.substring(at + 1).split(",")) {
          int eq = kv.indexOf('=');
          props[j].setProperty(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      ClassLoader loader = new URLClassLoader(urls(at < 0 ? spec : spec.substring(0, at)),
          ClassLoader.getPlatformClassLoader());
      loaders.add(loader);
      Class<?> c = Class.forName(ExchangeCpuRate.class.getName(), true, loader);
      measure[j] = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals("measure")).findFirst()
          .orElseThrow();
      measure[j].setAccessible(true);
    }
    List<double[]> rows = new ArrayList<>();
    for (int k = 0; k < cycles; k++) {
      double[] row = new double[n];
      for (int j = 0; j < n; j++) {
        row[j] = measureOnce(measure[j], props[j], cs, bytes, mode, batches);
      }
      System.out.printf("cycle %d: %s%n", k, Arrays.toString(Arrays.stream(row).mapToLong(Math::round).toArray()));
      if (k >= WARM_UP_CYCLES) {
        rows.add(row);
      }
    }
    return new Result(rows, loaders);
  }

  private static URL[] urls(String classPath) throws MalformedURLException {
    String[] parts = classPath.split(File.pathSeparator);
    URL[] urls = new URL[parts.length];
    for (int i = 0; i < parts.length; i++) {
      urls[i] = Path.of(parts[i]).toUri().toURL();
    }
    return urls;
  }

  private static double measureOnce(Method m, Properties props, String cs, long bytes, String mode, int batches)
      throws Exception {
    Properties saved = new Properties();
    for (String k : props.stringPropertyNames()) {
      String old = System.getProperty(k);
      if (old != null) {
        saved.setProperty(k, old);
      }
      System.setProperty(k, props.getProperty(k));
    }
    try {
      Object modeArg = m.getParameterTypes()[2] == boolean.class ? (Object) !mode.equals("built") : mode;
      double[][] r = (double[][]) m.invoke(null, cs, bytes, modeArg, ROUNDS, batches);
      return r[0][ROUNDS / 2];
    } finally {
      for (String k : props.stringPropertyNames()) {
        if (saved.containsKey(k)) {
          System.setProperty(k, saved.getProperty(k));
        } else {
          System.clearProperty(k);
        }
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return ExchangeCpuRate.median(s);
  }
}
