// The validators the recipients of our PDFs use: veraPDF (PDF/A-2B, PDF/UA-1) through its Java
// library (test/verapdf, built once by the global setup), and poppler's pdftotext and pdfsig.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const veraPdfDirectory = fileURLToPath(new URL('../verapdf/', import.meta.url));
const veraPdfJar = join(veraPdfDirectory, 'target', 'pdf-validation-1.0.0.jar');

/** Builds the veraPDF validator (Maven) unless it is built. */
export async function buildVeraPdf(): Promise<void> {
  if (existsSync(veraPdfJar)) return;
  await run('mvn', ['-q', '-f', join(veraPdfDirectory, 'pom.xml'), 'package', 'dependency:copy-dependencies', '-DskipTests'], { maxBuffer: 16 * 1024 * 1024 });
}

export interface VeraPdfReport {
  /** Per file name: the failed rules, empty when it passes. */
  failures: Record<string, string[]>;
}

/** Validates PDFs against a veraPDF flavour ("2b", "ua1"). */
export async function veraPdf(flavour: '2b' | '3b' | 'ua1', files: Record<string, Buffer>): Promise<VeraPdfReport> {
  const dir = await mkdtemp(join(tmpdir(), 'verapdf-'));
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, `${name}.pdf`);
    await writeFile(path, bytes);
    paths.push(path);
  }
  const classpath = `${join(veraPdfDirectory, 'target', '*')}:${join(veraPdfDirectory, 'target', 'dependency', '*')}`;
  const output = await run('java', ['-cp', classpath, 'Validate', flavour, ...paths], { maxBuffer: 16 * 1024 * 1024 })
    .then((r) => r.stdout, (error: { stdout?: string; code?: number }) => {
      if (error.code === 1 && error.stdout) return error.stdout;
      throw error;
    });
  const failures: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const verdict = /^(PASS|FAIL) (.*)\/([^/]+)\.pdf$/.exec(line);
    if (verdict) {
      current = verdict[3]!;
      failures[current] = [];
    } else if (current && line.startsWith('  ')) {
      failures[current]!.push(line.trim());
    }
  }
  return { failures };
}

/** The text poppler's pdftotext extracts (what a screen reader or a search index gets). */
export async function pdfToText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pdftotext-'));
  const path = join(dir, 'document.pdf');
  await writeFile(path, bytes);
  return (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout;
}

/** What poppler's pdfsig says of each signature: its field, signer and validation lines. */
export async function pdfsig(bytes: Buffer): Promise<Array<{ field: string; signer: string; validation: string; type: string }>> {
  const dir = await mkdtemp(join(tmpdir(), 'pdfsig-'));
  const path = join(dir, 'signed.pdf');
  await writeFile(path, bytes);
  // pdfsig exits non-zero when a signature does not verify: its report says which.
  const output = await run('pdfsig', [path]).then((r) => r.stdout, (error: { stdout?: string }) => error.stdout ?? '');
  // Unsigned signature fields are listed too, with nothing to validate: they are left out.
  return output.split(/^Signature #\d+:$/m).slice(1).filter((block) => block.includes('Signature Validation:')).map((block) => ({
    field: /Signature Field Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
    signer: /Signer Certificate Common Name: (.*)/.exec(block)?.[1]?.trim() ?? '',
    validation: /Signature Validation: (.*)/.exec(block)?.[1]?.trim() ?? '',
    type: /Signature Type: (.*)/.exec(block)?.[1]?.trim() ?? '',
  }));
}

export interface PyHankoSignature {
  field: string;
  intact: boolean;
  valid: boolean;
  trusted: boolean;
  coverage: string | null;
  signer: string | null;
  timestamp: string | null;
  timestampValid: boolean;
  bottomLine: boolean;
  modificationLevel: string | null;
}

/** pyHanko's validation of each signature against `trustAnchorsPem` (test/support/validate-pdf-signatures.py). */
export async function pyHanko(bytes: Buffer, trustAnchorsPem: string[]): Promise<PyHankoSignature[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pyhanko-'));
  const pdf = join(dir, 'signed.pdf');
  const roots = join(dir, 'roots.pem');
  await writeFile(pdf, bytes);
  await writeFile(roots, trustAnchorsPem.join('\n'));
  const script = fileURLToPath(new URL('./validate-pdf-signatures.py', import.meta.url));
  const { stdout } = await run('python3', [script, roots, pdf], { maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as { signatures: PyHankoSignature[] }).signatures;
}
