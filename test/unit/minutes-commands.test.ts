import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../documents/canonical-json.ts';
import { renderMinutesPdf } from '../../documents/minutes-pdf.ts';
import { verifyMinutesSignature } from '../../documents/signatures.ts';
import { minutesFixture } from '../support/minutes-fixture.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;

interface Run { code: number; stdout: string; stderr: string }

function run(command: 'sign-minutes' | 'verify-minutes', args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'bin', `${command}.ts`), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caleol-minutes-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the sign-minutes and verify-minutes commands', () => {
  it('generate keys, sign the minutes hash, verify the minutes, and fail on a tampered PDF', async () => {
    const chairKey = await run('sign-minutes', ['--generate-key', join(dir, 'chair')]);
    expect(chairKey.code).toBe(0);
    expect(chairKey.stdout).toMatch(/fingerprint: [0-9a-f]{64}/);
    expect(statSync(join(dir, 'chair.pem')).mode & 0o777).toBe(0o600);
    const publicKeyPem = readFileSync(join(dir, 'chair.pub.pem'), 'utf8');
    expect(publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect((await run('sign-minutes', ['--generate-key', join(dir, 'secretary')])).code).toBe(0);

    const document = minutesFixture();
    const documentJson = canonicalJson(document);
    const sha256 = sha256Hex(documentJson);
    const pdf = await renderMinutesPdf(document);
    writeFileSync(join(dir, 'minutes.json'), `${documentJson}\n`);
    writeFileSync(join(dir, 'minutes.pdf'), pdf);

    const signed = await run('sign-minutes', ['--key', join(dir, 'chair.pem'), '--sha256', sha256]);
    expect(signed.code).toBe(0);
    const chairSignature = signed.stdout.trim();
    expect(verifyMinutesSignature(publicKeyPem, sha256, chairSignature)).toBe(true);
    const secretarySignature = (await run('sign-minutes', ['--key', join(dir, 'secretary.pem'), '--sha256', sha256])).stdout.trim();

    writeFileSync(join(dir, 'signatures.json'), JSON.stringify({
      sha256,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      signatures: [
        { signer: 'Claire Martin', role: 'chair', publicKeyPem, signature: chairSignature },
        { signer: 'Marc Secrétaire', role: 'secretary', publicKeyPem: readFileSync(join(dir, 'secretary.pub.pem'), 'utf8'), signature: secretarySignature },
      ],
    }));
    const verifyArgs = ['--json', join(dir, 'minutes.json'), '--pdf', join(dir, 'minutes.pdf'), '--signatures', join(dir, 'signatures.json')];
    const ok = await run('verify-minutes', verifyArgs);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toMatch(/^OK: minutes [0-9a-f]{64}: JSON canonical, PDF is its rendering, 2 signature\(s\) verified/);

    const tampered = Buffer.from(pdf);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x20;
    writeFileSync(join(dir, 'minutes.pdf'), tampered);
    const failed = await run('verify-minutes', verifyArgs);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('FAILED');
    expect(failed.stdout).toContain('- pdf: the PDF is not the rendering of the minutes JSON');
    expect(failed.stdout).toMatch(/- pdf: the PDF hashes to [0-9a-f]{64}, not to the recorded/);
  });

  it('never overwrites an existing key', async () => {
    expect((await run('sign-minutes', ['--generate-key', join(dir, 'once')])).code).toBe(0);
    const again = await run('sign-minutes', ['--generate-key', join(dir, 'once')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('explain their usage on missing or unknown arguments and a malformed hash', async () => {
    const nothing = await run('sign-minutes', []);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--key and --sha256 are both required');
    expect(nothing.stderr).toContain('usage:');
    const badHash = await run('sign-minutes', ['--key', join(dir, 'once.pem'), '--sha256', 'abc']);
    expect(badHash.code).toBe(2);
    expect(badHash.stderr).toContain('SHA-256 in lowercase hexadecimal');
    const unknown = await run('verify-minutes', ['--json', 'x.json', '--sigs', 'y.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--sigs'");
    const missing = await run('verify-minutes', ['--json', join(dir, 'absent.json'), '--signatures', join(dir, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
