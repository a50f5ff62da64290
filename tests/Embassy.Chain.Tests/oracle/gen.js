// Test oracle for Embassy.Chain (issue #3): @polkadot's own SS58 and SCALE code answers the questions the
// C# tests ask, so Embassy's output can be compared byte for byte with the reference implementation.
//
// Usage: node gen.js < request.json > answer.json
// Request: { "ss58Encode": [{ "key": "0x…32 bytes", "prefix": 30 }],
//            "ss58Decode": ["text", …],
//            "batch": [{ "utility": 3, "batchAll": 2, "balances": 40, "transfer": 3,
//                        "transfers": [{ "key": "0x…", "amount": "123" }] }],
//            "keyring": [{ "uri": "//Alice", "prefix": 42 }],
//            "safeChecksum": [{ …a Safe Transaction Builder batch file… }] }
// Answer:  the same keys, one result per item, in order.
'use strict';

const { TypeRegistry } = require('@polkadot/types');
const { encodeAddress, decodeAddress, base58Decode, blake2AsHex, keccakAsHex, cryptoWaitReady } = require('@polkadot/util-crypto');
const { u8aToHex, hexToU8a } = require('@polkadot/util');
const { Keyring } = require('@polkadot/keyring');

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { text += chunk; });
    process.stdin.on('end', () => resolve(text));
    process.stdin.on('error', reject);
  });
}

function ss58Decode(text) {
  try {
    // decodeAddress would pass hex through as raw bytes; only base58 text is an SS58 address.
    const raw = base58Decode(text);
    // decodeAddress checks length and checksum; SS58 account ids are the 32-byte results.
    const key = decodeAddress(text);
    const prefix = (raw[0] & 0b0100_0000)
      ? ((raw[0] & 0b0011_1111) << 2) | (raw[1] >> 6) | ((raw[1] & 0b0011_1111) << 8)
      : raw[0];
    return { valid: key.length === 32, key: u8aToHex(key), prefix, error: null };
  } catch (e) {
    return { valid: false, key: null, prefix: null, error: String(e.message || e) };
  }
}

function batch(registry, b) {
  // utility.batch_all(calls) with each call balances.transfer_keep_alive(MultiAddress::Id, Compact<u128>):
  // as a tuple its SCALE layout is exactly the call's: pallet index, call index, Vec of inner calls.
  const value = [
    b.utility,
    b.batchAll,
    b.transfers.map((t) => [b.balances, b.transfer, { Id: hexToU8a(t.key) }, BigInt(t.amount)]),
  ];
  const call = registry.createType('(u8,u8,Vec<(u8,u8,MultiAddress,Compact<u128>)>)', value);
  const bytes = call.toU8a();
  return { callData: u8aToHex(bytes), callHash: blake2AsHex(bytes, 256) };
}

// The Safe Transaction Builder's batch checksum: Keccak-256 over a key-sorted serialization in which each
// object is written as its sorted key list (JSON) followed by each value and a comma; meta.name is nulled and
// meta.checksum left out. Written from the format's description, in JavaScript, to check the C# port.
function sortedSerialization(value) {
  if (Array.isArray(value)) {
    return '[' + value.map(sortedSerialization).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return '{' + JSON.stringify(keys) + keys.map((k) => sortedSerialization(value[k]) + ',').join('') + '}';
  }
  return JSON.stringify(value === undefined ? null : value);
}

function safeChecksum(file) {
  const meta = Object.assign({}, file.meta, { name: null });
  delete meta.checksum;
  return keccakAsHex(sortedSerialization(Object.assign({}, file, { meta })), 256);
}

async function main() {
  await cryptoWaitReady();
  const request = JSON.parse(await readStdin());
  const registry = new TypeRegistry();
  const answer = {};
  if (request.ss58Encode) {
    answer.ss58Encode = request.ss58Encode.map((e) => encodeAddress(hexToU8a(e.key), e.prefix));
  }
  if (request.ss58Decode) {
    answer.ss58Decode = request.ss58Decode.map(ss58Decode);
  }
  if (request.batch) {
    answer.batch = request.batch.map((b) => batch(registry, b));
  }
  if (request.safeChecksum) {
    answer.safeChecksum = request.safeChecksum.map(safeChecksum);
  }
  if (request.keyring) {
    answer.keyring = request.keyring.map((k) => {
      const pair = new Keyring({ type: 'sr25519', ss58Format: k.prefix }).addFromUri(k.uri);
      return { address: pair.address, key: u8aToHex(pair.publicKey) };
    });
  }
  process.stdout.write(JSON.stringify(answer));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
