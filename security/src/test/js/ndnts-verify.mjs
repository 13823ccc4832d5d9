// Usage: node ndnts-verify.mjs <in.tsv> <out.tsv>
//
// Reads packets signed by ndnj (lines <type> TAB <item> TAB <hex>; items: cert or secret for the key, data,
// interest, bad-data, bad-interest; type "chain" has ca-cert, issued-cert, data) and checks each with NDNts.
// Writes one line per check: <type> TAB <item> TAB ok|fail TAB <detail>.

import { readFileSync, writeFileSync } from "node:fs";

import { Certificate, createVerifier, generateSigningKey, HMAC, SigningAlgorithmListFull } from "@ndn/keychain";
import { Data, digestSigning, Interest } from "@ndn/packet";
import { Decoder } from "@ndn/tlv";

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error("usage: node ndnts-verify.mjs <in.tsv> <out.tsv>");
  process.exit(2);
}

const byType = new Map();
for (const line of readFileSync(input, "utf8").split("\n")) {
  if (!line.trim()) {
    continue;
  }
  const [type, item, h] = line.split("\t");
  if (!byType.has(type)) {
    byType.set(type, new Map());
  }
  byType.get(type).set(item, Buffer.from(h, "hex"));
}

const results = [];
const report = (type, item, ok, detail = "") => results.push(`${type}\t${item}\t${ok ? "ok" : "fail"}\t${detail}`);
const decodeData = (b) => new Decoder(b).decode(Data);
const decodeInterest = (b) => new Decoder(b).decode(Interest);
async function check(type, item, verifier, pkt) {
  try {
    await verifier.verify(pkt);
    report(type, item, true);
  } catch (err) {
    report(type, item, false, String(err.message ?? err).replaceAll(/\s+/g, " "));
  }
}

for (const [type, items] of byType) {
  let verifier;
  try {
    if (type === "digest") {
      verifier = digestSigning;
    } else if (type === "hmac") {
      [, verifier] = await generateSigningKey("/ndnj/hmac/KEY/k1", HMAC, { importRaw: items.get("secret") });
    } else if (type === "chain") {
      const ca = Certificate.fromData(decodeData(items.get("ca-cert")));
      const caVerifier = await createVerifier(ca, { algoList: SigningAlgorithmListFull });
      await check(type, "ca-self", caVerifier, ca.data);
      const issued = Certificate.fromData(decodeData(items.get("issued-cert")));
      report(type, "issued-not-self-signed", !issued.isSelfSigned);
      await check(type, "issued-by-ca", caVerifier, issued.data);
      verifier = await createVerifier(issued, { algoList: SigningAlgorithmListFull });
    } else {
      const cert = Certificate.fromData(decodeData(items.get("cert")));
      report(type, "cert-self-signed", cert.isSelfSigned);
      cert.checkValidity();
      verifier = await createVerifier(cert, { algoList: SigningAlgorithmListFull });
      await check(type, "cert", verifier, cert.data);
    }
  } catch (err) {
    report(type, "key", false, String(err.message ?? err).replaceAll(/\s+/g, " "));
    continue;
  }
  for (const [item, bytes] of items) {
    if (item.endsWith("data") && item !== "ca-cert") {
      await check(type, item, verifier, decodeData(bytes));
    } else if (item.endsWith("interest")) {
      const interest = decodeInterest(bytes);
      await check(type, item, verifier, interest);
      if (item === "interest") {
        try {
          await interest.validateParamsDigest(true);
          report(type, "params-digest", true);
        } catch (err) {
          report(type, "params-digest", false, String(err.message ?? err));
        }
      }
    }
  }
}

writeFileSync(out, results.join("\n") + "\n");
