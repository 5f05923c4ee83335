// Where the PDF signatures' keys and timestamps come from.
//
// Embedded default: the landlord's own small authority, made at first start under
// DATA_DIR/signing (a root, one certificate per signer issued at their first signature, and a
// timestamp authority's certificate); the timestamp authority is served over HTTP on loopback and
// reached as any RFC 3161 authority is, unless TIMESTAMP_AUTHORITY_URL names a real one.
//
// Production: SIGNING_PKCS12_DIR holds one PKCS#12 file per signer (their certificate from the
// landlord's provider), SIGNING_TRUST_ANCHORS the provider's roots, TIMESTAMP_AUTHORITY_URL a
// qualified authority.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';
import { httpTimestampClient, timestampAuthority } from '../documents/cms-signature.ts';
import {
  createRootAuthority, issueSignerCertificate, issueTimestampCertificate, signingIdentity, type KeyAndCertificate, type SigningIdentity,
} from '../documents/signing-pki.ts';
import type { DocumentSigning, SignerDescription } from '../api/services/pdf-signing.ts';
import { unprocessable } from '../api/problems.ts';

export interface SigningConfig {
  /** Where the embedded authority keeps its keys. */
  dataDir: string;
  pkcs12Dir?: string | undefined;
  pkcs12Passphrase?: string | undefined;
  trustAnchorFiles?: string[] | undefined;
  timestampAuthorityUrl?: string | undefined;
  /** Sent to the timestamp authority as the Authorization header, when it asks for one. */
  timestampAuthorityAuthorization?: string | undefined;
  /** The embedded authority's name, in its certificates. */
  organisation?: string | undefined;
}

/**
 * A JSON file of keys, made once (mode 0600). Written whole under another name and linked into
 * place, so concurrent first starts keep the first one made and never read half of one.
 */
async function madeOnce<T>(file: string, make: () => Promise<T>): Promise<T> {
  if (!existsSync(file)) {
    await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(await make()), { mode: 0o600 });
    try {
      await link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

interface IssuedSigner extends KeyAndCertificate {
  subject: SignerDescription;
}

/** The signer's certificate from the embedded authority: issued at their first signature, again when their name or capacity changes. */
async function embeddedSigner(dir: string, root: KeyAndCertificate, signer: SignerDescription): Promise<IssuedSigner> {
  const file = join(dir, 'signers', `${createHash('sha256').update(signer.signerId).digest('hex').slice(0, 32)}.json`);
  const same = (s: SignerDescription) => s.name === signer.name && s.title === signer.title && s.organisation === signer.organisation && s.unit === signer.unit && s.email === signer.email;
  if (existsSync(file)) {
    const issued = JSON.parse(await readFile(file, 'utf8')) as IssuedSigner;
    if (same(issued.subject)) return issued;
  }
  const issued: IssuedSigner = { ...await issueSignerCertificate(root, signer), subject: signer };
  await mkdir(join(dir, 'signers'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(issued), { mode: 0o600 });
  await rename(temporary, file);
  return issued;
}

/** The signer's PKCS#12 file: `<signer id>.p12`, the secretary's id `staff:<subject>` written `staff_<subject>`. */
async function pkcs12Signer(dir: string, passphrase: string, signer: SignerDescription): Promise<SigningIdentity> {
  const file = join(dir, `${signer.signerId.replace(/[^A-Za-z0-9@._-]/g, '_')}.p12`);
  if (!existsSync(file)) {
    throw unprocessable('signer_certificate_missing', `no signing certificate is installed for ${signer.name}: the administrator places it in SIGNING_PKCS12_DIR`, 'signer_certificate_installed');
  }
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer((await readFile(file)).toString('binary')), passphrase);
  const keyBagType = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const certBagType = forge.pki.oids.certBag!;
  const keyBag = p12.getBags({ bagType: keyBagType })[keyBagType]?.[0];
  const certificates: forge.pki.Certificate[] = (p12.getBags({ bagType: certBagType })[certBagType] ?? []).flatMap((b: forge.pkcs12.Bag) => (b.cert ? [b.cert] : []));
  if (!keyBag?.key || certificates.length === 0) throw new Error(`${file} holds no key or no certificate`);
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  const modulus = key.n.toString(16);
  const own = certificates.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n.toString(16) === modulus) ?? certificates[0]!;
  const toPem = (c: forge.pki.Certificate) => forge.pki.certificateToPem(c);
  const privateKeyPem = forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
  return signingIdentity({ certificatePem: toPem(own), privateKeyPem }, certificates.filter((c) => c !== own).map(toPem));
}

/** Serves an RFC 3161 authority over HTTP (POST application/timestamp-query) on loopback. */
export async function startTimestampServer(respond: (request: Uint8Array) => Promise<Uint8Array>, port = 0): Promise<{ url: string; stop: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'POST' || request.headers['content-type'] !== 'application/timestamp-query') {
      response.writeHead(415, { 'content-type': 'text/plain' }).end('POST an application/timestamp-query\n');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      respond(new Uint8Array(Buffer.concat(chunks))).then(
        (answer) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(answer)),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// An OID under the private-use arc: the embedded authority's policy, which no one trusts by default.
const embeddedTimestampPolicy = '1.3.6.1.4.1.57264.1.1';

/** The signing of this deployment, and what to stop when it shuts down. */
export async function documentSigning(config: SigningConfig): Promise<{ signing: DocumentSigning; stop: () => Promise<void> }> {
  const dir = join(config.dataDir, 'signing');
  const organisation = config.organisation ?? 'CALEOL';
  const stops: Array<() => Promise<void>> = [];
  const needsEmbeddedRoot = !config.pkcs12Dir || !config.timestampAuthorityUrl;
  const root = needsEmbeddedRoot ? await madeOnce(join(dir, 'root-authority.json'), () => createRootAuthority(organisation)) : undefined;

  let timestampUrl = config.timestampAuthorityUrl;
  let timestampAuthorityName = timestampUrl ? new URL(timestampUrl).host : `autorité d’horodatage de ${organisation}`;
  if (!timestampUrl) {
    const tsa = await madeOnce(join(dir, 'timestamp-authority.json'), () => issueTimestampCertificate(root!, organisation));
    const server = await startTimestampServer(timestampAuthority(await signingIdentity(tsa, [root!.certificatePem]), embeddedTimestampPolicy));
    stops.push(server.stop);
    timestampUrl = server.url;
    timestampAuthorityName = `autorité d’horodatage de ${organisation} (locale)`;
  }
  // The embedded root vouches for the signers it issues and for the embedded timestamp authority.
  const trustAnchorsPem = [
    ...(root ? [root.certificatePem] : []),
    ...await Promise.all((config.trustAnchorFiles ?? []).map((f) => readFile(f, 'utf8'))),
  ];
  const signing: DocumentSigning = {
    async identityFor(signer) {
      if (config.pkcs12Dir) return pkcs12Signer(config.pkcs12Dir, config.pkcs12Passphrase ?? '', signer);
      return signingIdentity(await embeddedSigner(dir, root!, signer), [root!.certificatePem]);
    },
    timestamp: httpTimestampClient(timestampUrl, { authorization: config.timestampAuthorityAuthorization }),
    trustAnchorsPem,
    timestampAuthorityName,
  };
  return { signing, stop: async () => { for (const stop of stops) await stop(); } };
}
