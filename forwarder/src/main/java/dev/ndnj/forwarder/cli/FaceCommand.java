package dev.ndnj.forwarder.cli;

import dev.ndnj.tlv.mgmt.ControlParameters;
import dev.ndnj.tlv.mgmt.ControlResponse;
import dev.ndnj.tlv.mgmt.FacePersistency;
import dev.ndnj.tlv.mgmt.FaceStatus;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ndnj face create|destroy|list}: manage a running forwarder's faces (faces/create, faces/destroy, faces/list). */
@Command(name = "face", description = "Create, destroy and list the faces of a running forwarder.",
    subcommands = {FaceCommand.Create.class, FaceCommand.Destroy.class, FaceCommand.ListFaces.class})
public final class FaceCommand extends GroupCommand {
  /** FreshnessPeriod of management datasets (NFD's and ndnj's). */
  private static final long DATASET_FRESHNESS_MILLIS = 1000;
  /**
   * The face a user named: a FaceId, or a face URI matched against the faces' remote URIs. When no face matches, the
   * list is read once more after the datasets' FreshnessPeriod, in case the first was a cached, older answer.
   *
   * @throws ToolException if no face or several faces match
   */
  static FaceStatus find(ForwarderClient c, String idOrUri) throws ToolException, InterruptedException {
    List<FaceStatus> found = match(c.dataset("faces", "list", FaceStatus::decode), idOrUri);
    if (found.isEmpty()) {
      // the list may be a cached answer up to one FreshnessPeriod old (1 s, as NFD's): ask once more after it
      Thread.sleep(DATASET_FRESHNESS_MILLIS + 100);
      found = match(c.dataset("faces", "list", FaceStatus::decode), idOrUri);
    }
    if (found.isEmpty()) {
      throw new ToolException("face not found: " + idOrUri);
    }
    if (found.size() > 1) {
      throw new ToolException("several faces have remote URI " + idOrUri + "; give a FaceId");
    }
    return found.get(0);
  }

  private static List<FaceStatus> match(List<FaceStatus> faces, String idOrUri) {
    List<FaceStatus> found = new ArrayList<>();
    long id = parseId(idOrUri);
    for (FaceStatus f : faces) {
      if (id >= 0 ? f.faceId() == id : f.remoteUri().equals(idOrUri)) {
        found.add(f);
      }
    }
    return found;
  }

  /** The FaceId written in {@code s}, or -1 if it is not a number. */
  static long parseId(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(s);
  }

  /** {@code ndnj face create}. */
  @Command(name = "create", sortOptions = false,
      description = {"Create a face from the forwarder to a remote endpoint (faces/create), as nfdc face create.",
          "Prints face-created (or face-exists when the forwarder already has that face) with its id."},
      footer = {"", "Example:", "  ndnj face create udp4://192.0.2.1:6363"})
  static final class Create extends ClientCommand {
    @Parameters(index = "0", paramLabel = "REMOTE-URI",
        description = "udp4://host:port, tcp4://host:port, udp6://..., tcp6://..., ws://host:port, unix:///path")
    String remote;

    @Option(names = "--persistency", paramLabel = "P", defaultValue = "persistent",
        description = "persistent (default) or permanent")
    String persistency;

    @Option(names = "--local-uri", paramLabel = "URI", description = "Local endpoint (optional)")
    String localUri;

    @Option(names = "--mtu", paramLabel = "OCTETS", description = "MTU of a UDP face (optional)")
    Long mtu;

    private int persistencyCode;

    @Override
    void validate() {
      persistencyCode = switch (persistency) {
        case "persistent" -> FacePersistency.PERSISTENT;
        case "permanent" -> FacePersistency.PERMANENT;
        default -> throw new IllegalArgumentException("--persistency must be persistent or permanent, got "
            + persistency);
      };
    }

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      ControlParameters.Builder p = ControlParameters.builder().uri(remote).facePersistency(persistencyCode);
      if (localUri != null) {
        p.localUri(localUri);
      }
      if (mtu != null) {
        p.mtu(mtu);
      }
      ControlResponse r = c.command("faces", "create", p.build());
      if (r.code() == 409 && r.hasBody()) {
        ControlParameters b = r.bodyAsControlParameters();
        out().println("face-exists id=" + b.faceId() + " local=" + b.localUri() + " remote=" + b.uri()
            + " persistency=" + FacePersistency.toString(b.facePersistency()));
        return 0;
      }
      if (!r.isSuccess()) {
        throw new ToolException("faces/create " + remote + " refused: " + r.code() + " " + r.text());
      }
      ControlParameters b = r.bodyAsControlParameters();
      out().println("face-created id=" + b.faceId() + " local=" + b.localUri() + " remote=" + b.uri()
          + " persistency=" + FacePersistency.toString(b.facePersistency()));
      return 0;
    }
  }

  /** {@code ndnj face destroy}. */
  @Command(name = "destroy", description = "Destroy a face (faces/destroy), named by FaceId or remote URI.")
  static final class Destroy extends ClientCommand {
    @Parameters(index = "0", paramLabel = "FACEID|URI", description = "FaceId, or the face's remote URI")
    String face;

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      FaceStatus f = find(c, face);
      c.commandOk("faces", "destroy", ControlParameters.builder().faceId(f.faceId()).build());
      out().println("face-destroyed " + Reports.faceLine(f));
      return 0;
    }
  }

  /** {@code ndnj face list}. */
  @Command(name = "list", description = "List the forwarder's faces with their counters (faces/list).")
  static final class ListFaces extends ClientCommand {
    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    int run(ForwarderClient c) throws ToolException, InterruptedException {
      List<FaceStatus> faces = c.dataset("faces", "list", FaceStatus::decode);
      if (json) {
        List<Object> l = new ArrayList<>();
        faces.forEach(f -> l.add(Reports.face(f)));
        out().println(Json.write(l));
      } else {
        Reports.faces(faces).print(out(), "");
      }
      return 0;
    }
  }
}
