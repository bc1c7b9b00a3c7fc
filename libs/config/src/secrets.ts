import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'fs';
import { createHash, randomBytes } from 'crypto';
import { join } from 'path';

/**
 * Secrets that must never open anything, refused in every mode: the development JWT secret that used
 * to be written in this source (so anyone could forge tokens with it), the credential seed the old code
 * derived from it, and the placeholders docker/compose.yml used to carry.
 */
const OLD_DEVELOPMENT_JWT_SECRET = 'skillpath-development-secret-do-not-use-in-production';
const PUBLISHED_VALUES = new Set<string>(
  [
    OLD_DEVELOPMENT_JWT_SECRET,
    createHash('sha256').update(`skillpath-credential-seed:${OLD_DEVELOPMENT_JWT_SECRET}`).digest('base64'),
    'change-me-to-32-or-more-random-characters',
    'bXVzdC1iZS1yZXBsYWNlZC0zMi1ieXRlcy1rZXkhISE=',
  ].map((v) => sha256Hex(v)),
);

function sha256Hex(v: string | Buffer): string {
  return createHash('sha256').update(v).digest('hex');
}

/** Values refused whatever their entropy: published, derived or placeholder secrets. */
export function isPublishedSecret(value: string): boolean {
  return PUBLISHED_VALUES.has(sha256Hex(value));
}

/** Words that mark a value typed by a person as an example rather than drawn at random. */
const PLACEHOLDER_WORDS = [
  'secret',
  'changeme',
  'change-me',
  'change_me',
  'password',
  'placeholder',
  'example',
  'development',
  'insecure',
  'replace',
];

/** Shannon entropy of the characters of `s`, in bits per character. */
function bitsPerChar(s: string | Buffer): number {
  const counts = new Map<string | number, number>();
  for (const c of typeof s === 'string' ? [...s] : [...s]) counts.set(c, (counts.get(c) ?? 0) + 1);
  const n = typeof s === 'string' ? [...s].length : s.length;
  let h = 0;
  for (const k of counts.values()) h -= (k / n) * Math.log2(k / n);
  return h;
}

/** A short unit typed again and again ("hunter2hunter2…"): most characters equal the one a period back. */
function repeatsItself(s: string): boolean {
  for (let period = 1; period <= s.length / 2; period++) {
    let same = 0;
    for (let i = period; i < s.length; i++) if (s[i] === s[i - period]) same++;
    if (same >= 0.8 * (s.length - period)) return true;
  }
  return false;
}

/** Share of neighbouring characters that repeat or step by one ("aaaa", "abcd", "1234"). */
function runShare(s: string): number {
  let runs = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d === 0 || d === 1 || d === -1) runs++;
  }
  return s.length > 1 ? runs / (s.length - 1) : 1;
}

/** Why a JWT secret is refused, or null when it will do. */
export function jwtSecretProblem(value: string): string | null {
  if (isPublishedSecret(value)) return 'is a published example or development value; use a random one';
  if (value.length < 32) return 'must be at least 32 random characters';
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((w) => lower.includes(w)))
    return 'looks like a placeholder, not a random value; use e.g. `openssl rand -base64 48`';
  // 32 random hex digits carry 128 bits; their measured Shannon estimate is ≈ 3.5-3.9 bits a character.
  // The bounds sit far enough below that `openssl rand -hex 16` is refused less than once in a million
  // (measured over 10^6 draws; stricter bounds refused 1 in 1,000), and typed or patterned values still are.
  const distinct = new Set(value).size;
  if (
    distinct < 7 ||
    bitsPerChar(value) < 2.6 ||
    bitsPerChar(value) * value.length < 80 ||
    runShare(value) > 0.6 ||
    repeatsItself(value)
  )
    return 'has too little entropy (too few different characters or a pattern); use e.g. `openssl rand -base64 48`';
  return null;
}

/** Why a credential-signing key (base64 of a 32-byte Ed25519 seed) is refused, or null. */
export function credentialKeyProblem(value: string): string | null {
  if (isPublishedSecret(value))
    return 'is a published example or development value; use `openssl rand -base64 32`';
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== 32) return 'must be the base64 of a 32-byte Ed25519 seed (`openssl rand -base64 32`)';
  if (isPublishedSecret(bytes.toString('base64')))
    return 'is a published example or development value; use `openssl rand -base64 32`';
  // 32 random bytes have ≈ 30 different values; a typed phrase or a repeated byte has far fewer.
  if (new Set(bytes).size < 20 || bitsPerChar(bytes) < 4)
    return 'has too little entropy; use 32 random bytes (`openssl rand -base64 32`)';
  return null;
}

export interface GeneratedSecrets {
  JWT_SECRET: string;
  CREDENTIAL_SIGNING_KEY: string;
}

export const SECRETS_FILE_NAME = 'secrets.json';

function newSecrets(): GeneratedSecrets {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    // Drawn on its own: never derived from the JWT secret.
    CREDENTIAL_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
}

/**
 * The secrets kept in `<dataDir>/secrets.json` (mode 0600), created with fresh random values on first
 * use. Two processes starting together agree: the file is created exclusively, and the loser reads the
 * winner's. The values are printed nowhere.
 */
export function ensureSecretsFile(dataDir: string): {
  secrets: GeneratedSecrets;
  created: boolean;
  path: string;
} {
  const path = join(dataDir, SECRETS_FILE_NAME);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let created = false;
  if (!existsSync(path)) {
    const body = JSON.stringify(newSecrets(), null, 2) + '\n';
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, body);
      } finally {
        closeSync(fd);
      }
      created = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  // A copy someone made readable by others is narrowed again before it is used.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  let parsed: Partial<GeneratedSecrets>;
  for (let attempt = 0; ; attempt++) {
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<GeneratedSecrets>;
      break;
    } catch (e) {
      // The other process may be between creating and writing the file.
      if (attempt >= 20)
        throw new Error(`${path} is not valid JSON; delete it to generate new secrets`, { cause: e });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  if (typeof parsed.JWT_SECRET !== 'string' || typeof parsed.CREDENTIAL_SIGNING_KEY !== 'string')
    throw new Error(`${path} lacks JWT_SECRET or CREDENTIAL_SIGNING_KEY; delete it to generate new secrets`);
  return {
    secrets: { JWT_SECRET: parsed.JWT_SECRET, CREDENTIAL_SIGNING_KEY: parsed.CREDENTIAL_SIGNING_KEY },
    created,
    path,
  };
}
