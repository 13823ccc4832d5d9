package dev.ndnj.bench.engine;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A/B of the forwarding thread's CPU rate between builds (or settings) in one JVM: each variant is a bench jar loaded
 * in a class loader of its own, optionally with system properties set while its classes initialize (for switches
 * read once, such as {@code ndnj.framePrefetchWindow}), and the variants take turns, one short {@link ExchangeCpuRate}
 * measurement each per cycle. On a machine whose speed drifts by tens of percent within minutes (this 2-vCPU VM),
 * comparing the variants cycle by cycle cancels most of the drift that separate runs suffer; the report is the
 * median of the per-cycle ratios to the first variant, with every ratio. From the repository root:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.ndnj.bench.engine.ExchangeAb lru 0 batched 30 \
 *     bench/target/benchmarks.jar@ndnj.framePrefetchWindow=0 bench/target/benchmarks.jar
 * </pre>
 *
 * Arguments: Content Store, capacity in bytes, mode (as {@link ExchangeCpuRate}), cycles, then two or more variants
 * {@code JAR[@key=value[,key=value...]]}. Jars built before the mode argument was a string take a boolean
 * ({@code received} or {@code built} only).
 */
public final class ExchangeAb {
  private static final int ROUNDS = 3;
  private static final int BATCHES = 1500;
  private static final int WARM_UP_CYCLES = 2;

  private ExchangeAb() {}

  /** Runs the comparison; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 6) {
      System.err.println("usage: ExchangeAb lru|caffeine <csBytes> received|batched|built <cycles> JAR[@k=v,...] JAR...");
      System.exit(2);
    }
    String cs = args[0];
    long bytes = Long.parseLong(args[1]);
    String mode = args[2];
    int cycles = Integer.parseInt(args[3]);
    int n = args.length - 4;
    String[] names = new String[n];
    Method[] measure = new Method[n];
    Properties[] props = new Properties[n];
    for (int j = 0; j < n; j++) {
      String spec = args[4 + j];
      names[j] = spec;
      int at = spec.indexOf('@');
      String jar = at < 0 ? spec : spec.substring(0, at);
      props[j] = new Properties();
      if (at >= 0) {
        for (String kv : spec.substring(at + 1).split(",")) {
          int eq = kv.indexOf('=');
          props[j].setProperty(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> c = Class.forName(ExchangeCpuRate.class.getName(), true, loader);
      measure[j] = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals("measure")).findFirst()
          .orElseThrow();
      measure[j].setAccessible(true);
    }
    List<double[]> rows = new ArrayList<>();
    for (int k = 0; k < cycles; k++) {
      double[] row = new double[n];
      for (int j = 0; j < n; j++) {
        row[j] = measureOnce(measure[j], props[j], cs, bytes, mode);
      }
      System.out.printf("cycle %d: %s%n", k, Arrays.toString(Arrays.stream(row).mapToLong(Math::round).toArray()));
      if (k >= WARM_UP_CYCLES) {
        rows.add(row);
      }
    }
    for (int j = 0; j < n; j++) {
      double[] v = column(rows, j);
      System.out.printf("%s: median %,.0f exchanges per second of forwarding-thread CPU%n", names[j], median(v));
    }
    for (int j = 1; j < n; j++) {
      double[] r = new double[rows.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = rows.get(i)[j] / rows.get(i)[0];
      }
      System.out.printf("%s / %s: median ratio %.3f, %d of %d cycles above 1 %s%n", names[j], names[0], median(r),
          Arrays.stream(r).filter(x -> x > 1).count(), r.length,
          Arrays.toString(Arrays.stream(r).sorted().map(x -> Math.round(x * 100) / 100.0).toArray()));
    }
  }

  private static double measureOnce(Method m, Properties props, String cs, long bytes, String mode) throws Exception {
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
      double[][] r = (double[][]) m.invoke(null, cs, bytes, modeArg, ROUNDS, BATCHES);
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

  private static double[] column(List<double[]> rows, int j) {
    return rows.stream().mapToDouble(r -> r[j]).toArray();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
