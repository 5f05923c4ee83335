// Re-checks signed minutes, from files or as stored in the database (--session): the JSON is
// canonical and hashes to the minutes hash, the PDF is the rendering of that JSON, and every
// signature verifies. Exit 0 and "OK", or 1 and each problem; 2 for a usage error.
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../documents/canonical-json.ts';
import { verifyMinutes, type MinutesSignatureEntry } from '../documents/verify-bundle.ts';
import { minutesVersion, verifyStoredMinutes } from '../api/services/verify-minutes.ts';
import { ProblemError } from '../api/problems.ts';
import { createDatabase } from '../prisma/database.ts';
import { parseOptions, runCommand, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/verify-minutes.ts --json minutes.json --signatures signatures.json [--pdf minutes.pdf]
                                [--sha256 <hex>] [--pdf-sha256 <hex>]
  minutes.json     the canonical JSON of the minutes, exactly as hashed (one trailing newline is ignored)
  signatures.json  {"sha256": "<hex>", "pdfSha256": "<hex>", "signatures": [{"signer": "Claire Martin",
                   "role": "chair", "publicKeyPem": "-----BEGIN PUBLIC KEY-----...", "signature": "<base64>"}]}
                   or only the array of signatures
  --sha256, --pdf-sha256 override the hashes of signatures.json; without any, the JSON's own hash is
  the one the signatures must verify over
  npx tsx bin/verify-minutes.ts --session <session id> [--version <n>]
      the minutes as stored (DATABASE_URL), each signature against the key registered for it`;

interface SignaturesFile {
  sha256?: string | undefined;
  pdfSha256?: string | undefined;
  signatures: MinutesSignatureEntry[];
}

function readArgs(argv: string[]) {
  return parseOptions(argv, {
    json: { type: 'string' },
    pdf: { type: 'string' },
    signatures: { type: 'string' },
    sha256: { type: 'string' },
    'pdf-sha256': { type: 'string' },
    session: { type: 'string' },
    version: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const);
}

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';

function readSignatures(path: string): SignaturesFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read(path).toString('utf8'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path} is not JSON`);
  }
  const file = (Array.isArray(parsed) ? { signatures: parsed } : parsed) as Partial<Record<keyof SignaturesFile, unknown>> | null;
  if (typeof file !== 'object' || file === null || !Array.isArray(file.signatures)) {
    throw new UsageError(`${path} holds no "signatures" array`);
  }
  const signatures = file.signatures.map((entry: unknown, i): MinutesSignatureEntry => {
    const s = entry as Partial<Record<keyof MinutesSignatureEntry, unknown>> | null;
    if (!s || !isString(s.signer) || !isString(s.publicKeyPem) || !isString(s.signature)) {
      throw new UsageError(`${path}: signature ${i + 1} needs "signer", "publicKeyPem" and "signature" as strings`);
    }
    if (s.role !== undefined && s.role !== 'chair' && s.role !== 'secretary') {
      throw new UsageError(`${path}: signature ${i + 1} has role ${JSON.stringify(s.role)} (chair or secretary)`);
    }
    return { signer: s.signer, role: s.role, publicKeyPem: s.publicKeyPem, signature: s.signature };
  });
  return {
    sha256: isString(file.sha256) ? file.sha256 : undefined,
    pdfSha256: isString(file.pdfSha256) ? file.pdfSha256 : undefined,
    signatures,
  };
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (args.session !== undefined) {
    if (args.json !== undefined || args.signatures !== undefined || args.pdf !== undefined) throw new UsageError('--session reads the minutes from the database: no files');
    return verifySession(args.session, args.version);
  }
  if (args.version !== undefined) throw new UsageError('--version goes with --session');
  if (args.json === undefined || args.signatures === undefined) throw new UsageError('--json and --signatures are required');
  // Canonical JSON never ends with a newline, so dropping one added by an editor or a shell is unambiguous.
  const documentJson = read(args.json).toString('utf8').replace(/\n$/, '');
  const signatures = readSignatures(args.signatures);
  const pdf = args.pdf === undefined ? undefined : read(args.pdf);
  const sha256 = args.sha256 ?? signatures.sha256 ?? sha256Hex(documentJson);
  const pdfSha256 = args['pdf-sha256'] ?? signatures.pdfSha256;
  if (!pdf && pdfSha256 !== undefined) throw new UsageError('a PDF hash is given: pass the PDF with --pdf');

  const result = await verifyMinutes({ documentJson, sha256, pdf, pdfSha256, signatures: signatures.signatures });
  if (result.ok) {
    console.log(`OK: minutes ${sha256}: JSON canonical${pdf ? ', PDF is its rendering' : ''}, ${signatures.signatures.length} signature(s) verified`);
    return 0;
  }
  console.log('FAILED');
  for (const problem of result.problems) console.log(`- ${problem}`);
  return 1;
}

async function verifySession(sessionId: string, versionText: string | undefined): Promise<number> {
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new UsageError('--version is a version number (1, 2, …)');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('--session needs DATABASE_URL');
  const db = createDatabase(databaseUrl, { maxConnections: 1 });
  try {
    const session = await db.session.findUnique({ where: { id: sessionId } });
    if (!session) throw new UsageError(`session ${sessionId} does not exist`);
    const minutes = await minutesVersion(db, sessionId, version).catch((error: unknown) => {
      throw error instanceof ProblemError ? new UsageError(error.message) : error;
    });
    const result = await verifyStoredMinutes(db, session.committeeId, minutes);
    if (result.ok) {
      console.log(`OK: minutes of session ${sessionId}, version ${minutes.version} (${minutes.status}), ${minutes.sha256}: JSON, PDF and ${minutes.signatures.length} signature(s) verified`);
      return 0;
    }
    console.log(`FAILED: minutes of session ${sessionId}, version ${minutes.version}`);
    for (const problem of result.problems) console.log(`- ${problem}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

runCommand('verify-minutes', usage, main);
