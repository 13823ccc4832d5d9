package dev.ndnj.forwarder.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ndnj.engine.Engine;
import dev.ndnj.engine.app.FetchOptions;
import dev.ndnj.engine.jvm.FutureConsumer;
import dev.ndnj.engine.jvm.JvmEngines;
import dev.ndnj.tlv.Data;
import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlCommand;
import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.Dataset;
import dev.ndnj.tlv.mgmt.FaceStatus;
import dev.ndnj.tlv.mgmt.ForwarderStatus;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Management on a real JVM engine (its own forwarding thread), used by the engine's own consumer. */
class JvmEngineManagementTest {
  @Test
  void commandsAndDatasetsThroughTheEnginesConsumer() throws Exception {
    try (Engine engine = JvmEngines.start()) {
      CompletableFuture<ManagementDispatcher> started = new CompletableFuture<>();
      engine.execute(() -> started.complete(ManagementDispatcher.builder(engine).start()));
      ManagementDispatcher mgmt = started.get(5, TimeUnit.SECONDS);

      FutureConsumer consumer = new FutureConsumer(engine.consumer());
      CommandSigner signer = new CommandSigner(engine.clock());
      Interest register = signer.v03(ControlCommand.of("rib", "register",
          ControlParameters.builder().name(Name.parse("/jvm")).build()).toName());
      Data d = consumer.express(register).get(5, TimeUnit.SECONDS);
      ControlResponse r = ControlResponse.decode(d.content());
      assertEquals(200, r.code(), r.text());

      // the engine's segmented fetcher discovers the version and fetches every segment
      byte[] faces = consumer.fetch(Name.parse("/localhost/nfd/faces/list"), FetchOptions.DEFAULT)
          .get(5, TimeUnit.SECONDS);
      List<FaceStatus> list = Dataset.decode(ByteBuffer.wrap(faces), FaceStatus::decode);
      assertTrue(list.size() >= 2, "internal face and the consumer's face");
      assertEquals(1, list.get(0).faceId());

      byte[] status = consumer.fetch(Name.parse("/localhost/nfd/status/general"), FetchOptions.DEFAULT)
          .get(5, TimeUnit.SECONDS);
      assertEquals("ndnj 0.1.0", ForwarderStatus.decode(ByteBuffer.wrap(status)).nfdVersion());

      CompletableFuture<Integer> routes = new CompletableFuture<>();
      engine.execute(() -> routes.complete(mgmt.rib().size()));
      assertEquals(1, routes.get(5, TimeUnit.SECONDS));
      engine.execute(mgmt::close);
    }
  }
}
