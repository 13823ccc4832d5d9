package dev.ndnj.security;

import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Component;
import dev.ndnj.tlv.Hex;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * A keychain backed by files: identities, their keys (private key and public key), the keys' certificates, and the
 * defaults (one identity, one key per identity, one certificate per key), as ndn-cxx's PIB and file TPM keep them.
 *
 * <p>Layout under the directory ({@link #defaultDirectory()}: {@code $NDNJ_KEYCHAIN}, else
 * {@code ~/.ndnj/keychain}), directories 0700 and files 0600 where the file system has POSIX permissions:
 * <pre>
 * keys/&lt;sha256 of key name&gt;/key.properties      name, type
 * keys/&lt;...&gt;/private.p8                      DER PKCS#8 (an HMAC key: the raw secret); absent for a public-only key
 * keys/&lt;...&gt;/public.der                      DER SubjectPublicKeyInfo (asymmetric keys)
 * keys/&lt;...&gt;/certs/&lt;sha256 of cert name&gt;.cert  the certificate Data
 * defaults.properties                        default identity, key of each identity, certificate of each key
 * </pre>
 * Private keys are stored unencrypted (protected by the file permissions), as ndn-cxx's file TPM does; use
 * {@link #exportSafeBag} for a password-protected copy. Methods are synchronized; several processes writing the same
 * directory at once are not coordinated.
 */
public final class KeyChain {
  private static final String KEYS = "keys";
  private static final String DEFAULTS = "defaults.properties";

  private final Path dir;
  private final LongSupplier clock;

  private KeyChain(Path dir, LongSupplier clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** {@code $NDNJ_KEYCHAIN} if set, else {@code ~/.ndnj/keychain}. */
  public static Path defaultDirectory() {
    String env = System.getenv("NDNJ_KEYCHAIN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".ndnj", "keychain");
  }

  /** Opens (creating it if missing) the keychain in {@code dir}, with the system clock. */
  public static KeyChain open(Path dir) throws IOException {
    return open(dir, System::currentTimeMillis);
  }

  /** Opens the keychain in {@code dir}; certificate times come from {@code clock} (epoch milliseconds). */
  public static KeyChain open(Path dir, LongSupplier clock) throws IOException {
    createPrivateDirectory(dir);
    createPrivateDirectory(dir.resolve(KEYS));
    return new KeyChain(dir, clock);
  }

  /** The directory. */
  public Path directory() {
    return dir;
  }

  // ---------------------------------------------------------------- creating keys and identities

  /**
   * Creates a key of {@code type} for {@code identity} with a self-signed certificate (for HMAC, no certificate),
   * makes it the identity's default key (and the identity the default one if there is none yet).
   *
   * @return the new key's name
   */
  public synchronized Name createKey(Name identity, KeyType type) throws IOException {
    if (identity.isEmpty()) {
      throw new IllegalArgumentException("an identity needs a non-empty name");
    }
    Name keyName = Certificates.newKeyName(identity);
    Path kd = keyDir(keyName);
    createPrivateDirectory(kd);
    if (type == KeyType.HMAC) {
      writePrivate(kd.resolve("private.p8"), Keys.generateSecret());
    } else {
      KeyPair kp = Keys.generate(type);
      writePrivate(kd.resolve("private.p8"), kp.getPrivate().getEncoded());
      writePrivate(kd.resolve("public.der"), kp.getPublic().getEncoded());
    }
    writeKeyProperties(kd, keyName, type);
    if (type.isAsymmetric()) {
      long now = clock.getAsLong();
      PrivateKey priv = privateKey(keyName);
      Certificate cert = Certificates.selfSigned(keyName, priv, publicKey(keyName), now,
          now + Certificates.DEFAULT_VALIDITY_MILLIS, now);
      storeCertificate(cert);
      setDefault("cert." + keyName, cert.name().toString());
    }
    setDefault("key." + identity, keyName.toString());
    if (defaultIdentity() == null) {
      setDefault("identity", identity.toString());
    }
    return keyName;
  }

  /** Creates {@code identity} with a new default key of {@code type} if it has no key yet; returns its default key. */
  public synchronized Name createIdentity(Name identity, KeyType type) throws IOException {
    Name k = defaultKey(identity);
    return k != null ? k : createKey(identity, type);
  }

  // ---------------------------------------------------------------- listing and defaults

  /** All identities (those with at least one key), sorted. */
  public synchronized List<Name> identities() throws IOException {
    TreeSet<Name> out = new TreeSet<>();
    for (Name k : allKeys()) {
      out.add(Certificate.toIdentity(k));
    }
    return new ArrayList<>(out);
  }

  /** The keys of {@code identity}, sorted. */
  public synchronized List<Name> keys(Name identity) throws IOException {
    List<Name> out = new ArrayList<>();
    for (Name k : allKeys()) {
      if (Certificate.toIdentity(k).equals(identity)) {
        out.add(k);
      }
    }
    return out;
  }

  /** The certificates of {@code keyName}, sorted by name. */
  public synchronized List<Certificate> certificates(Name keyName) throws IOException {
    Path cd = keyDir(keyName).resolve("certs");
    if (!Files.isDirectory(cd)) {
      return List.of();
    }
    List<Certificate> out = new ArrayList<>();
    try (var s = Files.list(cd)) {
      for (Path p : (Iterable<Path>) s.sorted()::iterator) {
        if (p.getFileName().toString().endsWith(".cert")) {
          out.add(Certificate.decode(ByteBuffer.wrap(Files.readAllBytes(p))));
        }
      }
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  /** The certificate named {@code certName}, or null. */
  public synchronized Certificate certificate(Name certName) throws IOException {
    Path p = certFile(certName);
    return Files.exists(p) ? Certificate.decode(ByteBuffer.wrap(Files.readAllBytes(p))) : null;
  }

  /** Whether the keychain has {@code keyName}. */
  public synchronized boolean hasKey(Name keyName) {
    return Files.exists(keyDir(keyName).resolve("key.properties"));
  }

  /** Whether the keychain has the private key (or secret) of {@code keyName}. */
  public synchronized boolean hasPrivateKey(Name keyName) {
    return Files.exists(keyDir(keyName).resolve("private.p8"));
  }

  /** The default identity, or null. */
  public synchronized Name defaultIdentity() throws IOException {
    String s = defaults().getProperty("identity");
    return s == null ? null : Name.parse(s);
  }

  /** Makes {@code identity} (which must have a key) the default identity. */
  public synchronized void setDefaultIdentity(Name identity) throws IOException {
    if (keys(identity).isEmpty()) {
      throw new IllegalArgumentException("no such identity " + identity);
    }
    setDefault("identity", identity.toString());
  }

  /** The default key of {@code identity}, or null. */
  public synchronized Name defaultKey(Name identity) throws IOException {
    String s = defaults().getProperty("key." + identity);
    if (s != null && hasKey(Name.parse(s))) {
      return Name.parse(s);
    }
    List<Name> ks = keys(identity);
    return ks.isEmpty() ? null : ks.get(0);
  }

  /** Makes {@code keyName} its identity's default key. */
  public synchronized void setDefaultKey(Name keyName) throws IOException {
    requireKey(keyName);
    setDefault("key." + Certificate.toIdentity(keyName), keyName.toString());
  }

  /** The default certificate of {@code keyName}, or null. */
  public synchronized Certificate defaultCertificate(Name keyName) throws IOException {
    String s = defaults().getProperty("cert." + keyName);
    Certificate c = s == null ? null : certificate(Name.parse(s));
    if (c != null) {
      return c;
    }
    List<Certificate> cs = certificates(keyName);
    return cs.isEmpty() ? null : cs.get(cs.size() - 1);
  }

  /** Makes the installed certificate {@code certName} its key's default. */
  public synchronized void setDefaultCertificate(Name certName) throws IOException {
    if (certificate(certName) == null) {
      throw new IllegalArgumentException("no such certificate " + certName);
    }
    setDefault("cert." + Certificate.toKeyName(certName), certName.toString());
  }

  // ---------------------------------------------------------------- keys

  /** The type of {@code keyName}. */
  public synchronized KeyType keyType(Name keyName) throws IOException {
    requireKey(keyName);
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(keyDir(keyName).resolve("key.properties"))) {
      p.load(in);
    }
    return KeyType.valueOf(p.getProperty("type"));
  }

  /** The public key of an asymmetric {@code keyName}. */
  public synchronized PublicKey publicKey(Name keyName) throws IOException {
    requireKey(keyName);
    return Keys.publicKeyFromSpki(Files.readAllBytes(keyDir(keyName).resolve("public.der")));
  }

  /** The private key of an asymmetric {@code keyName}. */
  public synchronized PrivateKey privateKey(Name keyName) throws IOException {
    if (!hasPrivateKey(keyName)) {
      throw new IllegalArgumentException("no private key for " + keyName);
    }
    if (keyType(keyName) == KeyType.HMAC) {
      throw new IllegalArgumentException(keyName + " is an HMAC key");
    }
    return Keys.privateKeyFromPkcs8(Files.readAllBytes(keyDir(keyName).resolve("private.p8")));
  }

  /**
   * A signer for {@code name}: an identity (its default key), a key, or a certificate. The KeyLocator is the
   * certificate's name (the key's default certificate), as ndn-cxx signs; an HMAC key's is the key name.
   */
  public synchronized Signer signer(Name name) throws IOException {
    Name keyName;
    Name locator = null;
    if (Certificate.isCertificateName(name) && certificate(name) != null) {
      keyName = Certificate.toKeyName(name);
      locator = name;
    } else if (Certificate.isKeyName(name) && hasKey(name)) {
      keyName = name;
    } else {
      keyName = defaultKey(name);
      if (keyName == null) {
        throw new IllegalArgumentException("no identity, key or certificate named " + name + " in " + dir);
      }
    }
    if (!hasPrivateKey(keyName)) {
      throw new IllegalArgumentException("no private key for " + keyName);
    }
    KeyType type = keyType(keyName);
    if (type == KeyType.HMAC) {
      return Signers.hmac(Files.readAllBytes(keyDir(keyName).resolve("private.p8")), keyName);
    }
    if (locator == null) {
      Certificate c = defaultCertificate(keyName);
      locator = c != null ? c.name() : keyName;
    }
    return Signers.of(privateKey(keyName), locator);
  }

  /** The signer of the default identity. */
  public synchronized Signer defaultSigner() throws IOException {
    Name id = defaultIdentity();
    if (id == null) {
      throw new IllegalStateException("the keychain in " + dir + " has no default identity (ndnj key gen /NAME)");
    }
    return signer(id);
  }

  /** The verifier of an HMAC key (its shared secret). */
  public synchronized Verifier hmacVerifier(Name keyName) throws IOException {
    if (keyType(keyName) != KeyType.HMAC) {
      throw new IllegalArgumentException(keyName + " is not an HMAC key");
    }
    return Verifiers.hmac(Files.readAllBytes(keyDir(keyName).resolve("private.p8")));
  }

  // ---------------------------------------------------------------- certificates

  /**
   * Installs {@code cert}: its key is added as a public-only key when the keychain does not have it, and must
   * otherwise hold the same public key. The first certificate of a key becomes its default.
   *
   * @throws IllegalArgumentException if the keychain has the key with a different public key
   */
  public synchronized void addCertificate(Certificate cert) throws IOException {
    Name keyName = cert.keyName();
    byte[] spki = cert.publicKey();
    PublicKey pk = Keys.publicKeyFromSpki(spki);
    Path kd = keyDir(keyName);
    if (hasKey(keyName)) {
      if (!java.util.Arrays.equals(publicKey(keyName).getEncoded(), pk.getEncoded())) {
        throw new IllegalArgumentException("certificate " + cert.name() + " holds another public key than "
            + keyName + " in the keychain");
      }
    } else {
      createPrivateDirectory(kd);
      writePrivate(kd.resolve("public.der"), pk.getEncoded());
      writeKeyProperties(kd, keyName, Keys.typeOf(pk));
      Name identity = cert.identity();
      if (defaults().getProperty("key." + identity) == null) {
        setDefault("key." + identity, keyName.toString());
      }
      if (defaultIdentity() == null) {
        setDefault("identity", identity.toString());
      }
    }
    storeCertificate(cert);
    if (defaults().getProperty("cert." + keyName) == null) {
      setDefault("cert." + keyName, cert.name().toString());
    }
  }

  /**
   * Issues a certificate for the key in {@code request} (a self-signed certificate, whose signature must verify),
   * signed by {@code issuer} (an identity, key or certificate of this keychain), named
   * {@code /<request key>/<issuerId>/v=<now>}, valid from {@code notBefore} to {@code notAfter}.
   *
   * @throws IllegalArgumentException if the request's self-signature does not verify
   */
  public synchronized Certificate issue(Name issuer, Certificate request, String issuerId, long notBefore,
      long notAfter, Map<String, String> description) throws IOException {
    if (!Certificates.isSignedBy(request, request)) {
      throw new IllegalArgumentException("the request " + request.name() + " is not signed by its own key");
    }
    return Certificates.issue(request.keyName(), request.publicKey(), Component.generic(issuerId), signer(issuer),
        notBefore, notAfter, description, clock.getAsLong());
  }

  /** Deletes {@code keyName} with its certificates and private key. */
  public synchronized void deleteKey(Name keyName) throws IOException {
    requireKey(keyName);
    deleteTree(keyDir(keyName));
    Properties d = defaults();
    Name identity = Certificate.toIdentity(keyName);
    d.remove("cert." + keyName);
    if (keyName.toString().equals(d.getProperty("key." + identity))) {
      d.remove("key." + identity);
    }
    if (keys(identity).isEmpty() && identity.toString().equals(d.getProperty("identity"))) {
      d.remove("identity");
    }
    storeDefaults(d);
  }

  /** Deletes every key of {@code identity}. */
  public synchronized void deleteIdentity(Name identity) throws IOException {
    for (Name k : keys(identity)) {
      deleteKey(k);
    }
  }

  // ---------------------------------------------------------------- SafeBag

  /**
   * Exports {@code name} (an identity, key or certificate; identity and key use the default certificate) with its
   * private key as a SafeBag encrypted under {@code password}.
   */
  public synchronized SafeBag exportSafeBag(Name name, char[] password) throws IOException {
    Certificate cert;
    if (Certificate.isCertificateName(name) && certificate(name) != null) {
      cert = certificate(name);
    } else {
      Name keyName = Certificate.isKeyName(name) && hasKey(name) ? name : defaultKey(name);
      if (keyName == null) {
        throw new IllegalArgumentException("no identity, key or certificate named " + name);
      }
      cert = defaultCertificate(keyName);
      if (cert == null) {
        throw new IllegalArgumentException(keyName + " has no certificate to export");
      }
    }
    return SafeBag.seal(cert, privateKey(cert.keyName()), password);
  }

  /**
   * Imports a SafeBag: its key (which must not exist yet) and certificate; the key becomes its identity's default
   * when the identity had none.
   *
   * @return the certificate
   * @throws IllegalArgumentException if the password is wrong, the key does not match the certificate, or the key
   *     exists already
   */
  public synchronized Certificate importSafeBag(SafeBag bag, char[] password) throws IOException {
    Certificate cert = bag.certificate();
    PrivateKey priv = bag.privateKey(password);
    PublicKey pub = Keys.publicKeyFromSpki(cert.publicKey());
    if (!java.util.Arrays.equals(Keys.publicKeyOf(priv).getEncoded(), pub.getEncoded())) {
      throw new IllegalArgumentException("the SafeBag's private key does not match its certificate");
    }
    Name keyName = cert.keyName();
    if (hasKey(keyName)) {
      throw new IllegalArgumentException("the keychain already has " + keyName);
    }
    Path kd = keyDir(keyName);
    createPrivateDirectory(kd);
    writePrivate(kd.resolve("private.p8"), priv.getEncoded());
    writePrivate(kd.resolve("public.der"), pub.getEncoded());
    writeKeyProperties(kd, keyName, Keys.typeOf(pub));
    addCertificate(cert);
    return cert;
  }

  // ---------------------------------------------------------------- files

  private List<Name> allKeys() throws IOException {
    List<Name> out = new ArrayList<>();
    try (var s = Files.list(dir.resolve(KEYS))) {
      for (Path kd : (Iterable<Path>) s::iterator) {
        Path pf = kd.resolve("key.properties");
        if (Files.exists(pf)) {
          Properties p = new Properties();
          try (InputStream in = Files.newInputStream(pf)) {
            p.load(in);
          }
          out.add(Name.parse(p.getProperty("name")));
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private void requireKey(Name keyName) {
    if (!hasKey(keyName)) {
      throw new IllegalArgumentException("no key " + keyName + " in " + dir);
    }
  }

  private Path keyDir(Name keyName) {
    return dir.resolve(KEYS).resolve(hash(keyName));
  }

  private Path certFile(Name certName) {
    return keyDir(Certificate.toKeyName(certName)).resolve("certs").resolve(hash(certName) + ".cert");
  }

  private static String hash(Name n) {
    ByteBuffer w = n.wire();
    return Hex.encode(Sha256.digest(w, w.position(), w.remaining())).toLowerCase(java.util.Locale.ROOT);
  }

  private void storeCertificate(Certificate cert) throws IOException {
    Path cd = keyDir(cert.keyName()).resolve("certs");
    createPrivateDirectory(cd);
    ByteBuffer w = cert.data().wire();
    byte[] b = new byte[w.remaining()];
    w.get(b);
    writePrivate(certFile(cert.name()), b);
  }

  private void writeKeyProperties(Path kd, Name keyName, KeyType type) throws IOException {
    Properties p = new Properties();
    p.setProperty("name", keyName.toString());
    p.setProperty("type", type.name());
    writeProperties(kd.resolve("key.properties"), p);
  }

  private Properties defaults() throws IOException {
    Properties p = new Properties();
    Path f = dir.resolve(DEFAULTS);
    if (Files.exists(f)) {
      try (InputStream in = Files.newInputStream(f)) {
        p.load(in);
      }
    }
    return p;
  }

  private void setDefault(String key, String value) throws IOException {
    Properties p = defaults();
    p.setProperty(key, value);
    storeDefaults(p);
  }

  private void storeDefaults(Properties p) throws IOException {
    writeProperties(dir.resolve(DEFAULTS), p);
  }

  private static void writeProperties(Path f, Properties p) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (OutputStream o = out) {
      p.store(new java.io.OutputStreamWriter(o, StandardCharsets.ISO_8859_1), null);
    }
    writePrivate(f, out.toByteArray());
  }

  /** Writes {@code bytes} to {@code f} through a 0600 temporary file moved into place. */
  static void writePrivate(Path f, byte[] bytes) throws IOException {
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp" + System.nanoTime());
    if (posix(f.getParent())) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void createPrivateDirectory(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    Path parent = d.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    try {
      if (posix(parent)) {
        Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(d);
      }
    } catch (FileAlreadyExistsException e) {
      // created meanwhile
    }
  }

  private static boolean posix(Path p) {
    try {
      return p != null && Files.getFileStore(p).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path d) throws IOException {
    if (!Files.exists(d)) {
      return;
    }
    try (var s = Files.walk(d)) {
      for (Path p : (Iterable<Path>) s.sorted(Collections.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
