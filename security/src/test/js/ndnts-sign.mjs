// Usage: node ndnts-sign.mjs <out.tsv>
//
// Signs a Data and a v0.3 signed Interest with NDNts for every NDN signature type, with fresh keys, and writes one
// line per item: <type> TAB <item> TAB <hex>. Items: data, interest, cert (self-signed certificate of the key),
// secret (HMAC key), and for "chain": ca-cert, issued-cert (issued by the CA for an Ed25519 key), data.

import { writeFileSync } from "node:fs";

import { Certificate, ECDSA, Ed25519, generateSigningKey, HMAC, RSA } from "@ndn/keychain";
import { Component, Data, digestSigning, Interest, Name, SignedInterestPolicy, ValidityPeriod } from "@ndn/packet";
import { Encoder } from "@ndn/tlv";

const [out] = process.argv.slice(2);
if (!out) {
  console.error("usage: node ndnts-sign.mjs <out.tsv>");
  process.exit(2);
}

const hex = (b) => Buffer.from(b).toString("hex").toUpperCase();
const lines = [];
const emit = (type, item, bytes) => lines.push(`${type}\t${item}\t${hex(bytes)}`);

async function signBoth(type, signer) {
  const data = new Data(new Name(`/ndnts/data/${type}`), Data.FreshnessPeriod(1000),
    new TextEncoder().encode(`signed by NDNts with ${type}`));
  await signer.sign(data);
  emit(type, "data", Encoder.encode(data));

  const interest = new Interest(new Name(`/ndnts/interest/${type}`), Interest.Lifetime(2000));
  interest.appParameters = Uint8Array.of(1, 2, 3, 4);
  const policy = new SignedInterestPolicy(SignedInterestPolicy.Nonce(), SignedInterestPolicy.Time(),
    SignedInterestPolicy.SeqNum());
  await policy.makeSigner(signer).sign(interest);
  emit(type, "interest", Encoder.encode(interest));
}

await signBoth("digest", digestSigning);

for (const [type, algo] of [["ec", ECDSA], ["rsa", RSA], ["ed25519", Ed25519]]) {
  const [priv, pub] = await generateSigningKey(`/ndnts/${type}`, algo);
  const cert = await Certificate.selfSign({ privateKey: priv, publicKey: pub });
  emit(type, "cert", Encoder.encode(cert.data));
  await signBoth(type, priv.withKeyLocator(cert.name));
}

const secret = crypto.getRandomValues(new Uint8Array(32));
const [hmacSigner] = await generateSigningKey("/ndnts/hmac", HMAC, { importRaw: secret });
emit("hmac", "secret", secret);
await signBoth("hmac", hmacSigner);

// a certificate chain: an ECDSA CA issues a certificate for an Ed25519 key, which signs a Data
const [caPriv, caPub] = await generateSigningKey("/ndnts/ca", ECDSA);
const caCert = await Certificate.selfSign({ privateKey: caPriv, publicKey: caPub });
const [userPriv, userPub] = await generateSigningKey("/ndnts/ca/user", Ed25519);
const issued = await Certificate.issue({
  validity: ValidityPeriod.daysFromNow(30),
  issuerId: Component.from("ndnts-ca"),
  issuerPrivateKey: caPriv.withKeyLocator(caCert.name),
  publicKey: userPub,
});
emit("chain", "ca-cert", Encoder.encode(caCert.data));
emit("chain", "issued-cert", Encoder.encode(issued.data));
const chainData = new Data(new Name("/ndnts/ca/user/doc"), new TextEncoder().encode("chained"));
await userPriv.withKeyLocator(issued.name).sign(chainData);
emit("chain", "data", Encoder.encode(chainData));

writeFileSync(out, lines.join("\n") + "\n");
