package dev.ndnj.security;

import dev.ndnj.engine.app.Consumer;
import dev.ndnj.engine.app.ExpressOptions;
import dev.ndnj.engine.app.Promise;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;

/**
 * Retrieves a certificate a {@link Validator} does not have, by the KeyLocator name (a key name or a certificate
 * name). The result is not yet trusted: the validator checks it.
 */
@FunctionalInterface
public interface CertificateFetcher {
  /** Fetches a certificate whose name starts with {@code keyLocatorName}; fails if none comes back. */
  Promise<Certificate> fetch(Name keyLocatorName);

  /**
   * Fetches over NDN through {@code consumer} (use a consumer without a validator, or one whose validator is not
   * the one fetching): an Interest for the KeyLocator name with CanBePrefix and MustBeFresh, as ndn-cxx's
   * certificate fetcher sends, retransmitted {@code retries} times.
   */
  static CertificateFetcher over(Consumer consumer, int retries) {
    return name -> {
      Promise<Certificate> out = new Promise<>();
      Interest i = Interest.builder(name).canBePrefix(true).mustBeFresh(true).build();
      consumer.express(i, ExpressOptions.retries(retries)).whenComplete((Data d, Throwable err) -> {
        if (err != null) {
          out.fail(err);
          return;
        }
        try {
          if (!name.isPrefixOf(d.name())) {
            throw new IllegalArgumentException("answer " + d.name() + " is not under " + name);
          }
          out.complete(Certificate.fromData(d));
        } catch (RuntimeException e) {
          out.fail(e);
        }
      });
      return out;
    };
  }
}
