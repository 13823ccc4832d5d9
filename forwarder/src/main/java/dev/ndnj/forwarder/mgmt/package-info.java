/**
 * NFD's management protocol for the standalone forwarder: {@link dev.ndnj.forwarder.mgmt.ManagementDispatcher} on
 * the forwarder's internal face serves signed control commands and status datasets under {@code /localhost/nfd}
 * (modules faces, fib, rib, strategy-choice, cs, status) and, when enabled, {@code rib/register} and
 * {@code rib/unregister} under {@code /localhop/nfd}. The seams other modules fill in are
 * {@link dev.ndnj.forwarder.mgmt.CommandAuthorizer} (who may run a command; default
 * {@link dev.ndnj.forwarder.mgmt.LocalCommandAuthorizer}) and {@link dev.ndnj.forwarder.mgmt.FaceCreator} (how
 * faces/create makes a face). See {@code docs/management.md}.
 */
package dev.ndnj.forwarder.mgmt;
