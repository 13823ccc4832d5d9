package dev.ndnj.engine.docs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.app.NackException;
import dev.ndnj.engine.app.SegmentedProducer;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.NackReason;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The code of docs/engine.md, kept compiling and true: if this test changes, the page changes with it. */
class EmbeddingExampleTest {
  @Test
  void theEmbeddingExampleOfTheDocsWorks() throws Exception {
    // --- docs/engine.md: begin
    try (Engine engine = JvmEngines.start()) {
      // a producer answers Interests under /hello
      engine.producer().produce(Name.parse("/hello"), (interest, responder) ->
          responder.data(Data.builder(interest.name())
              .content("hi".getBytes(StandardCharsets.UTF_8))
              .freshnessPeriod(1000)
              .signWithDigestSha256()));

      // a consumer asks for /hello/world
      FutureConsumer consumer = new FutureConsumer(engine.consumer());
      Data data = consumer.express(Name.parse("/hello/world")).get(2, TimeUnit.SECONDS);
      String text = StandardCharsets.UTF_8.decode(data.content()).toString();   // "hi"

      // no route: the future fails with a NackException
      try {
        consumer.express(Name.parse("/nowhere")).get(2, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        NackException nack = (NackException) e.getCause();                     // reason NoRoute
        assertEquals(NackReason.NO_ROUTE, nack.reason());
      }

      // a segmented object: served by version and segment, fetched with a window of 8
      byte[] file = new byte[100_000];
      SegmentedProducer.serve(engine.producer(), Name.parse("/files/a"), file, 8000, 1);
      byte[] got = consumer.fetch(Name.parse("/files/a"), FetchOptions.DEFAULT).get(5, TimeUnit.SECONDS);
      // --- docs/engine.md: end
      assertEquals("hi", text);
      assertArrayEquals(file, got);
    }
  }
}
