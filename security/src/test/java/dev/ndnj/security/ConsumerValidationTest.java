package dev.ndnj.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.ValidationException;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.tlv.Certificate;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The validator on the engine's consumer API: a producer publishes Data and the certificates of its chain on the
 * same engine; the consumer's validator fetches the certificates over NDN (through a second app face) and caches
 * them; a Data signed by an untrusted key fails the future with the reason.
 */
class ConsumerValidationTest {
  @Test
  void consumerWithValidatorAcceptsTrustedDataAndFailsTheRest() throws Exception {
    ValidatorTest.Pki pki = new ValidatorTest.Pki();
    try (Engine engine = JvmEngines.start()) {
      // certificates are served under their names; Data under /org/dept/alice/doc
      for (Certificate c : pki.published.values()) {
        engine.producer().produce(c.keyName(), (interest, responder) -> {
          if (interest.name().isPrefixOf(c.name())) {
            responder.data(c.data());
          }
        });
      }
      engine.producer().produce(Name.parse("/org/dept/alice/doc"), (interest, responder) ->
          responder.data(pki.signedByAlice(interest.name().toString())));
      Signer mallory = Signers.of(Keys.generate(KeyType.RSA).getPrivate(), pki.alice.name());
      engine.producer().produce(Name.parse("/org/dept/alice/forged"), (interest, responder) ->
          responder.data(PacketSigning.sign(Data.builder(interest.name()).content(new byte[] {6}), mallory)));

      Validator v = Validator.builder().anchor(pki.root)
          .rule(TrustRule.signerUnder(Name.parse("/org"), Name.parse("/org")))
          .fetcher(CertificateFetcher.over(engine.newAppFace().consumer(), 1))
          .clock(() -> ValidatorTest.NOW).build();
      FutureConsumer consumer = new FutureConsumer(engine.consumer());
      consumer.consumer().setValidator(v);

      Data d = consumer.express(Name.parse("/org/dept/alice/doc/1")).get(5, TimeUnit.SECONDS);
      assertEquals(Name.parse("/org/dept/alice/doc/1"), d.name());
      assertEquals(2, v.cache().size(), "alice's and dept's certificates cached");
      consumer.express(Name.parse("/org/dept/alice/doc/2")).get(5, TimeUnit.SECONDS);

      ExecutionException e = assertThrows(ExecutionException.class,
          () -> consumer.express(Name.parse("/org/dept/alice/forged/1")).get(5, TimeUnit.SECONDS));
      ValidationException ve = assertInstanceOf(ValidationException.class, e.getCause());
      assertTrue(ve.getMessage().contains("signature does not verify with " + pki.alice.name()), ve.getMessage());
      assertEquals(1, consumer.consumer().counters().rejected());
    }
  }
}
