// Checks a ledger receipt in the browser with WebCrypto, as docs/ledger-format.md §9 sets out and the service's own
// verifier (HousingLedger.Ledger.ReceiptVerifier) does, so staff need not trust the service's word that an event is
// on the chain: the leaf hash of the transaction, the RFC 6962 inclusion proof to the block's merkleRoot, and the
// block's ES256 signature under the published key its kid names. Failure reasons are worded as that verifier's are.

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const hashPattern = /^[0-9a-f]{64}$/;
// One written form per instant (§3): UTC, seconds always, a fraction of 1–7 digits without trailing zeros.
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,6}[1-9])?Z$/;

const receiptMembers = ['tx', 'leafIndex', 'header', 'signature', 'proof'];
const txMembers = ['type', 'chain', 'eventId', 'occurredAt', 'recordedAt', 'actor', 'subject', 'data'];
const headerMembers = ['chain', 'height', 'previousHash', 'merkleRoot', 'txCount', 'sealedAt', 'kid'];

/** The names of the steps, in the order they are checked and shown. */
export const stepNames = {
  form: 'Receipt is well formed',
  chain: 'Transaction is on the block’s chain',
  leaf: 'Leaf hash of the transaction',
  inclusion: 'Inclusion proof to the block’s Merkle root',
  key: 'Signing key is published',
  signature: 'Block signature (ES256)',
};

/**
 * RFC 8785 canonical JSON of a ledger value: members sorted by UTF-16 code units (JavaScript's own string order),
 * strings and numbers as ECMAScript's JSON.stringify writes them, which is what RFC 8785 prescribes. Throws for a
 * number a transaction may not hold (§3: whole numbers in the I-JSON safe range only).
 */
export function canonical(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`found the number ${value}, but every number must be a whole number in the I-JSON safe range`);
    return JSON.stringify(value);
  }

  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value).sort().map((name) => `${JSON.stringify(name)}:${canonical(value[name])}`).join(',')}}`;
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (text) => Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));

const sha256 = async (...parts) => {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }

  return new Uint8Array(await subtle.digest('SHA-256', joined));
};

const leafPrefix = Uint8Array.of(0x00);
const nodePrefix = Uint8Array.of(0x01);

/** The 64 bytes r‖s of a signature in unpadded base64url, refusing any other spelling of them (as the service does); null when it is not one. */
function signatureBytes(text) {
  // 86 characters carry 516 bits; the last 4 must be zero, so only one spelling decodes to each 64 bytes.
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]{85}[AQgw]$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==');
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isWhole = (value, min) => Number.isSafeInteger(value) && value >= min;
const nonEmpty = (value) => typeof value === 'string' && value.length > 0;

/** Why `value` is not an object with exactly `members`, or null. */
function closedObjectFault(path, value, members) {
  if (!isObject(value)) return `${path || 'receipt'}: expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const prefix = path ? `${path}.` : '';
  const missing = members.find((name) => !(name in value));
  if (missing) return `${prefix}${missing}: expected a member, found none`;
  const extra = Object.keys(value).find((name) => !members.includes(name));
  return extra ? `${prefix}${extra}: expected no such member, found one` : null;
}

/** The first way the receipt is not as §3, §6.1 and §9 define it, or null when it is well formed. */
function formFault(receipt) {
  const fault = closedObjectFault('', receipt, receiptMembers)
    ?? closedObjectFault('tx', receipt.tx, txMembers)
    ?? closedObjectFault('header', receipt.header, headerMembers);
  if (fault) return fault;
  const { tx, header } = receipt;
  const checks = [
    ['tx.type', nonEmpty(tx.type), 'a non-empty string'],
    ['tx.chain', typeof tx.chain === 'string' && idPattern.test(tx.chain), 'an id'],
    ['tx.eventId', typeof tx.eventId === 'string' && idPattern.test(tx.eventId), 'an id'],
    ['tx.occurredAt', typeof tx.occurredAt === 'string' && timestampPattern.test(tx.occurredAt), 'a UTC timestamp in its one written form'],
    ['tx.recordedAt', typeof tx.recordedAt === 'string' && timestampPattern.test(tx.recordedAt), 'a UTC timestamp in its one written form'],
    ['tx.actor', nonEmpty(tx.actor), 'a non-empty string'],
    ['tx.subject', nonEmpty(tx.subject), 'a non-empty string'],
    ['tx.data', isObject(tx.data), 'a JSON object'],
    ['leafIndex', isWhole(receipt.leafIndex, 0), 'a whole number of 0 or more'],
    ['header.chain', typeof header.chain === 'string' && idPattern.test(header.chain), 'an id'],
    ['header.height', isWhole(header.height, 0), 'a whole number of 0 or more'],
    ['header.previousHash', typeof header.previousHash === 'string' && hashPattern.test(header.previousHash), '64 lowercase hex digits'],
    ['header.merkleRoot', typeof header.merkleRoot === 'string' && hashPattern.test(header.merkleRoot), '64 lowercase hex digits'],
    ['header.txCount', isWhole(header.txCount, 1), 'a whole number of 1 or more'],
    ['header.sealedAt', typeof header.sealedAt === 'string' && timestampPattern.test(header.sealedAt), 'a UTC timestamp in its one written form'],
    ['header.kid', nonEmpty(header.kid), 'a non-empty string'],
    ['signature', typeof receipt.signature === 'string', 'a string'],
    ['proof', Array.isArray(receipt.proof), 'an array of hashes'],
  ];
  const failed = checks.find(([, ok]) => !ok);
  if (failed) return `${failed[0]}: expected ${failed[2]}, found ${JSON.stringify(failed[0].split('.').reduce((v, name) => v?.[name], receipt)) ?? 'nothing'}`;
  const badHash = receipt.proof.findIndex((hash) => typeof hash !== 'string' || !hashPattern.test(hash));
  return badHash >= 0 ? `proof[${badHash}]: expected 64 lowercase hex digits, found ${JSON.stringify(receipt.proof[badHash])}` : null;
}

const bitLength = (n) => (n === 0n ? 0 : n.toString(2).length);
const popCount = (n) => [...n.toString(2)].filter((bit) => bit === '1').length;

/** How many hashes the audit path of leaf `index` in a tree of `size` has (as Rfc6962.InclusionProofSize). */
function inclusionProofSize(index, size) {
  const inner = bitLength(index ^ (size - 1n));
  return inner + popCount(index >> BigInt(inner));
}

/** RFC 9162 §2.1.3.2: the root the leaf and its audit path imply, or a reason the proof cannot be one. */
async function inclusion(leafIndex, txCount, leaf, proof, root) {
  const [index, size] = [BigInt(leafIndex), BigInt(txCount)];
  if (index >= size) return { malformed: `leaf index ${leafIndex} is out of range for tree size ${txCount}` };
  const want = inclusionProofSize(index, size);
  if (proof.length !== want) return { malformed: `wrong proof size ${proof.length}, want ${want}` };
  let [fn, sn, r] = [index, size - 1n, leaf];
  for (const p of proof.map(fromHex)) {
    if ((fn & 1n) === 1n || fn === sn) {
      r = await sha256(nodePrefix, p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await sha256(nodePrefix, r, p);
    }

    fn >>= 1n;
    sn >>= 1n;
  }

  const computed = hex(r);
  return computed === root ? { root: computed } : { mismatch: `computed root ${computed}, want ${root}` };
}

const passed = (detail) => ({ status: 'passed', detail });
const failed = (reason, detail) => ({ status: 'failed', reason, detail });
const notChecked = (reason) => ({ status: 'not checked', reason });

/**
 * Checks `receipt` (the parsed JSON of GET /api/ledger/{chain}/receipts/{eventId}) against `jwks` (the parsed
 * /api/.well-known/jwks.json). Answers {verified, reason, steps}: `steps` maps each of `stepNames` to
 * {status: 'passed'|'failed'|'not checked', detail?, reason?}; `reason` is the first failure, as the service's
 * verifier words it. Steps that do not depend on a failed one are still checked, so a page can show that the block
 * is genuinely signed even when the transaction is not in it.
 */
export async function verifyReceipt(receipt, jwks) {
  const steps = {};
  const form = formFault(receipt);
  if (form) {
    steps.form = failed(form);
    for (const name of Object.keys(stepNames).filter((n) => n !== 'form')) steps[name] = notChecked('The receipt is not well formed.');
    return finish(steps);
  }

  const { tx, header } = receipt;
  steps.form = passed(`Transaction ${tx.eventId} (${tx.type}) at leaf ${receipt.leafIndex} of block ${header.height} of chain ${header.chain}.`);
  steps.chain = tx.chain === header.chain
    ? passed(`Both name chain ${tx.chain}.`)
    : failed(`tx.chain: expected '${header.chain}' (the header's chain), found '${tx.chain}'`);

  let leaf = null;
  try {
    leaf = await sha256(leafPrefix, encoder.encode(canonical(tx)));
    steps.leaf = passed(`SHA-256(0x00 ‖ canonical JSON of the transaction) = ${hex(leaf)}`);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    steps.leaf = failed(`tx: ${error.message}`);
  }

  if (!leaf) {
    steps.inclusion = notChecked('There is no leaf hash to check.');
  } else {
    const proven = await inclusion(receipt.leafIndex, header.txCount, leaf, receipt.proof, header.merkleRoot);
    steps.inclusion = proven.root
      ? passed(`Leaf ${receipt.leafIndex} of ${header.txCount}, with ${receipt.proof.length} proof ${receipt.proof.length === 1 ? 'hash' : 'hashes'}, leads to merkleRoot ${proven.root}.`)
      : proven.mismatch
        ? failed(`inclusion proof: the leaf hash and proof do not lead to header.merkleRoot ${header.merkleRoot} (${proven.mismatch})`)
        : failed(`inclusion proof: the proof cannot be an inclusion proof for this leaf index and txCount (${proven.malformed})`);
  }

  const jwk = (jwks?.keys ?? []).find((key) => key?.kid === header.kid);
  let key = null;
  if (!jwk) {
    steps.key = failed(`kid: expected a published signing key, found '${header.kid}', which is not one`);
  } else {
    try {
      key = await subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      steps.key = passed(`Key ${header.kid} is in the service’s JWKS (P-256).`);
    } catch {
      steps.key = failed(`kid: expected a published P-256 key, found key '${header.kid}', which is not one`);
    }
  }

  const headerBytes = encoder.encode(canonical(header));
  const blockHash = hex(await sha256(headerBytes));
  const signature = signatureBytes(receipt.signature);
  if (!key) {
    steps.signature = notChecked(`Block hash ${blockHash}: there is no published key to check its signature with.`);
  } else if (!signature) {
    steps.signature = failed('signature: expected 64 bytes r‖s in base64url without padding, found something else');
  } else if (await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, headerBytes)) {
    steps.signature = passed(`Key ${header.kid} signed block hash ${blockHash}.`);
  } else {
    steps.signature = failed(`signature: expected an ES256 signature by key '${header.kid}' over block hash ${blockHash}, found one that does not verify`);
  }

  return finish(steps);
}

function finish(steps) {
  const first = Object.keys(stepNames).map((name) => steps[name]).find((step) => step.status === 'failed');
  return { verified: !first, reason: first?.reason ?? null, steps };
}
