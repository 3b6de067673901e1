import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * The keyed functions that keep survey participation apart from survey answers. Both keys are derived from one
 * secret held in configuration (never in a table): without it, a participation row names nobody and cannot be
 * joined to an answer sheet; with it, the bot can find an employee's own answers to show or replace them.
 */
export interface SurveyPseudonyms {
  /** HMAC-SHA256 of round and employee under the derived key, hex: the participation row key. */
  participantKey(roundId: string, employeeId: string): string;
  /** The response id encrypted with AES-256-GCM, bound to its round and participant so it cannot be moved. */
  sealResponseId(roundId: string, participantKey: string, responseId: string): string;
  /** The response id back, or undefined when the secret is wrong or the value was tampered with. */
  openResponseId(roundId: string, participantKey: string, sealed: string): string | undefined;
  /** HMAC-SHA256 under a third key: the row key of an answer waiting for its batch (unrelated to participantKey). */
  pendingKey(roundId: string, employeeId: string): string;
  /** A waiting answer sealed with AES-256-GCM under its own key, bound to its round and pending key. */
  sealPending(roundId: string, pendingKey: string, plaintext: string): string;
  openPending(roundId: string, pendingKey: string, sealed: string): string | undefined;
  /** A fixed value sealed under a fourth key, bound to the round: stored once per round, it says which key the round uses. */
  sealKeyCheck(roundId: string): string;
  /** Whether a round's key check opens: false means this secret is not the one the round's pseudonyms were made with. */
  opensKeyCheck(roundId: string, sealed: string): boolean;
}

/** A 256-bit secret written as at least 32 characters (e.g. `openssl rand -base64 48`). */
export const MIN_SURVEY_SECRET_LENGTH = 32;
/** What a round's key check seals: a constant, so opening it proves the key and nothing else. */
const KEY_CHECK = 'dx-navi survey key check';
const IV_BYTES = 12;
const TAG_BYTES = 16;

// KeyObjects, not Buffers: Node 24.21's createHmac and createCipheriv take ~9 µs longer with a Buffer key (about
// 25 µs in a busy turn), and a survey 送信 uses three keys (bench:turns, session 15).
const deriveKey = (secret: string, purpose: string) => createSecretKey(Buffer.from(hkdfSync('sha256', secret, 'dx-navi/survey', purpose, 32)));

export function createSurveyPseudonyms(secret: string): SurveyPseudonyms {
  if (secret.length < MIN_SURVEY_SECRET_LENGTH) {
    throw new RangeError(`the survey secret must be at least ${MIN_SURVEY_SECRET_LENGTH} characters`);
  }
  const participantHmacKey = deriveKey(secret, 'participant-key v1');
  const responseIdKey = deriveKey(secret, 'response-id seal v1');
  const pendingHmacKey = deriveKey(secret, 'pending-key v1');
  const pendingSealKey = deriveKey(secret, 'pending seal v1');
  const keyCheckKey = deriveKey(secret, 'key check v1');
  // A NUL cannot appear in either id, so "ab"+"c" and "a"+"bc" never collide.
  const bound = (roundId: string, second: string) => `${roundId}\u0000${second}`;
  const seal = (key: KeyObject, aad: string, plaintext: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url');
  };
  const open = (key: KeyObject, aad: string, sealed: string) => {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  };
  return {
    participantKey(roundId, employeeId) {
      return createHmac('sha256', participantHmacKey).update(bound(roundId, employeeId), 'utf8').digest('hex');
    },
    sealResponseId: (roundId, participantKey, responseId) => seal(responseIdKey, bound(roundId, participantKey), responseId),
    openResponseId: (roundId, participantKey, sealed) => open(responseIdKey, bound(roundId, participantKey), sealed),
    pendingKey: (roundId, employeeId) => createHmac('sha256', pendingHmacKey).update(bound(roundId, employeeId), 'utf8').digest('hex'),
    sealPending: (roundId, pendingKey, plaintext) => seal(pendingSealKey, bound(roundId, pendingKey), plaintext),
    openPending: (roundId, pendingKey, sealed) => open(pendingSealKey, bound(roundId, pendingKey), sealed),
    sealKeyCheck: (roundId) => seal(keyCheckKey, bound(roundId, KEY_CHECK), KEY_CHECK),
    opensKeyCheck: (roundId, sealed) => open(keyCheckKey, bound(roundId, KEY_CHECK), sealed) === KEY_CHECK,
  };
}
