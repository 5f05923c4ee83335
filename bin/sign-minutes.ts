// Signs a minutes hash with a signer's Ed25519 private key, or generates a signer's key pair.
// The private key never leaves the signer's machine: only the public key is registered and only
// the signature is submitted.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { generateSignerKeyPair, MinutesSignatureError, publicKeyFingerprint, signMinutesHash } from '../documents/signatures.ts';
import { parseOptions, UsageError } from './command-line.ts';

const usage = `usage:
  npx tsx bin/sign-minutes.ts --key <signer.pem> --sha256 <minutes sha256>
      prints the base64 Ed25519 signature of the minutes hash
  npx tsx bin/sign-minutes.ts --generate-key <prefix>
      writes <prefix>.pem (private key, PKCS#8, mode 0600) and <prefix>.pub.pem (public key, SPKI)`;

function readArgs(argv: string[]) {
  return parseOptions(argv, {
    key: { type: 'string' },
    sha256: { type: 'string' },
    'generate-key': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const);
}

function generateKey(prefix: string): void {
  const { publicKeyPem, privateKeyPem } = generateSignerKeyPair();
  const privatePath = `${prefix}.pem`;
  const publicPath = `${prefix}.pub.pem`;
  try {
    // 'wx': an existing key is never overwritten (it may be the one registered).
    writeFileSync(privatePath, privateKeyPem, { mode: 0o600, flag: 'wx' });
    chmodSync(privatePath, 0o600);
    writeFileSync(publicPath, publicKeyPem, { mode: 0o644, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${(error as NodeJS.ErrnoException).path ?? prefix} already exists: choose another prefix`);
    throw error;
  }
  console.log(`private key: ${privatePath} (keep it secret)`);
  console.log(`public key:  ${publicPath} (register it)`);
  console.log(`fingerprint: ${publicKeyFingerprint(publicKeyPem)}`);
}

function signHash(keyPath: string, sha256: string): void {
  let pem: string;
  try {
    pem = readFileSync(keyPath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the key file ${keyPath}: ${(error as Error).message}`);
  }
  console.log(signMinutesHash(pem, sha256.trim().toLowerCase()));
}

function main(argv: string[]): number {
  const args = readArgs(argv);
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const generate = args['generate-key'];
  if (generate !== undefined) {
    if (args.key !== undefined || args.sha256 !== undefined) throw new UsageError('--generate-key is used alone');
    if (!generate.trim()) throw new UsageError('--generate-key needs a file prefix');
    generateKey(generate);
    return 0;
  }
  if (args.key === undefined || args.sha256 === undefined) throw new UsageError('--key and --sha256 are both required to sign');
  signHash(args.key, args.sha256);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const usageError = error instanceof UsageError || (error instanceof MinutesSignatureError && error.code === 'invalid_hash');
  console.error(`sign-minutes: ${error instanceof Error ? error.message : String(error)}`);
  if (usageError) console.error(usage);
  process.exitCode = usageError ? 2 : 1;
}
