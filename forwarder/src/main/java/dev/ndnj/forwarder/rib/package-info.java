/**
 * The Routing Information Base of the standalone forwarder: routes per prefix (face, origin, cost, flags,
 * expiration) and NFD's computation of FIB next hops from them (child-inherit, capture). Management's
 * {@code rib/register}, {@code rib/unregister} and {@code rib/list} are its command interface
 * ({@code dev.ndnj.forwarder.mgmt}). Forwarding thread only.
 */
package dev.ndnj.forwarder.rib;
