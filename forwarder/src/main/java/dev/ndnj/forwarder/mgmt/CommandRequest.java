package dev.ndnj.forwarder.mgmt;

import dev.ndnj.tlv.Interest;
import dev.ndnj.tlv.Name;
import dev.ndnj.tlv.mgmt.ControlParameters;

/**
 * A command as a {@link CommandAuthorizer} sees it: which module and verb, under which top prefix
 * ({@code /localhost/nfd} or {@code /localhop/nfd}), the decoded ControlParameters, the signature (info, signed
 * portions, value) and the face it came in on. The command has passed the dispatcher's checks of form, freshness
 * and replay, not yet any check of who signed it. Immutable; the signature's views are valid while the Interest is.
 *
 * @param module the module, e.g. {@code rib}
 * @param verb the verb, e.g. {@code register}
 * @param topPrefix {@code /localhost/nfd} or {@code /localhop/nfd}
 * @param parameters the ControlParameters as sent (before defaults are applied)
 * @param signature the command's signature
 * @param interest the command Interest
 * @param ingressFaceId the face the command came in on (0 if the forwarder did not say)
 * @param ingressLocal whether that face has local scope
 */
public record CommandRequest(String module, String verb, Name topPrefix, ControlParameters parameters,
    SignedCommand signature, Interest interest, int ingressFaceId, boolean ingressLocal) {

  /** Whether the command came under {@code /localhop/nfd} (from a neighbour). */
  public boolean isLocalhop() {
    return ManagementDispatcher.LOCALHOP_PREFIX.equals(topPrefix);
  }
}
