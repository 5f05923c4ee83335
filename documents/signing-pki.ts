// The certificates that PDF signatures and timestamps rest on (X.509 with @peculiar/x509 over
// node's WebCrypto). A landlord without certificates of its own runs a small authority of its
// own: a root that issues one certificate per signer (name, role, committee) and one to the
// timestamp authority (extended key usage timeStamping, as RFC 3161 requires). In production,
// certificates come from the landlord's provider (PKCS#12 files) and timestamps from a qualified
// authority: this module then only reads and checks what it is given.
import { createHash, webcrypto } from 'node:crypto';
// @peculiar/x509 resolves its parts through tsyringe, which needs the metadata polyfill first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** RSA 2048 with SHA-256: what every PDF reader and validator accepts. */
const keyAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
// 1.3.6.1.5.5.7.3.36: document signing (RFC 9336).
const documentSigning = '1.3.6.1.5.5.7.3.36';

/** A certificate with its private key, both in PEM: what a signer or an authority holds. */
export interface KeyAndCertificate {
  certificatePem: string;
  /** PKCS#8. */
  privateKeyPem: string;
}

/** A certificate chain ready to sign with: the key, the certificate and its issuers (DER). */
export interface SigningIdentity {
  privateKey: CryptoKey;
  certificate: Uint8Array;
  /** The issuers up to the root, nearest first. */
  chain: Uint8Array[];
}

export interface SignerSubject {
  /** As printed on the signature: "Nguyễn Thị Ánh". */
  name: string;
  /** Their capacity: "Président de la commission". */
  title: string;
  /** The landlord. */
  organisation: string;
  /** The committee. */
  unit: string;
  email?: string | undefined;
}

const pem = (der: ArrayBuffer | Uint8Array, label: string) => x509.PemConverter.encode(der instanceof Uint8Array ? der : new Uint8Array(der), label);

async function exportKey(key: CryptoKey): Promise<string> {
  return pem(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

async function importPrivateKey(privateKeyPem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(privateKeyPem);
  return await webcrypto.subtle.importKey('pkcs8', der, { name: keyAlgorithm.name, hash: keyAlgorithm.hash }, false, ['sign']);
}

async function newKeys(): Promise<CryptoKeyPair> {
  return await webcrypto.subtle.generateKey(keyAlgorithm, true, ['sign', 'verify']);
}

const years = (from: Date, n: number) => new Date(Date.UTC(from.getUTCFullYear() + n, from.getUTCMonth(), from.getUTCDate()));

function serial(): string {
  // Positive, 16 random bytes.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f | 0x01;
  return Buffer.from(bytes).toString('hex');
}

/** The landlord's own root: it issues the signers' and the timestamp authority's certificates. */
export async function createRootAuthority(organisation: string, now = new Date()): Promise<KeyAndCertificate> {
  const keys = await newKeys();
  const name: x509.JsonName = [{ CN: [`${organisation} — autorité de signature`] }, { O: [organisation] }, { C: ['FR'] }];
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: years(now, 20),
    keys,
    signingAlgorithm: keyAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificatePem: certificate.toString('pem'), privateKeyPem: await exportKey(keys.privateKey) };
}

async function issue(root: KeyAndCertificate, subject: x509.JsonName, extensions: x509.Extension[], validYears: number, now: Date): Promise<KeyAndCertificate> {
  const issuer = new x509.X509Certificate(root.certificatePem);
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject,
    issuer: issuer.subjectName,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: years(now, validYears),
    publicKey: keys.publicKey,
    signingKey: await importPrivateKey(root.privateKeyPem),
    signingAlgorithm: keyAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      ...extensions,
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer, false),
    ],
  });
  return { certificatePem: certificate.toString('pem'), privateKeyPem: await exportKey(keys.privateKey) };
}

/** A signer's certificate: their name, capacity, committee and landlord, for signing documents. */
export async function issueSignerCertificate(root: KeyAndCertificate, subject: SignerSubject, now = new Date()): Promise<KeyAndCertificate> {
  const name: x509.JsonName = [
    { CN: [subject.name] },
    { T: [subject.title] },
    { OU: [subject.unit] },
    { O: [subject.organisation] },
    { C: ['FR'] },
  ];
  return issue(root, name, [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    new x509.ExtendedKeyUsageExtension([documentSigning, x509.ExtendedKeyUsage.emailProtection], false),
    ...(subject.email ? [new x509.SubjectAlternativeNameExtension([{ type: 'email', value: subject.email }], false)] : []),
  ], 3, now);
}

/** The timestamp authority's certificate: timeStamping only, critical (RFC 3161 §2.3). */
export async function issueTimestampCertificate(root: KeyAndCertificate, organisation: string, now = new Date()): Promise<KeyAndCertificate> {
  return issue(root, [{ CN: [`${organisation} — horodatage`] }, { O: [organisation] }, { C: ['FR'] }], [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true),
  ], 10, now);
}

/** The identity to sign with: the key and certificate, and the issuers' certificates (nearest first). */
export async function signingIdentity(holder: KeyAndCertificate, issuersPem: string[]): Promise<SigningIdentity> {
  return {
    privateKey: await importPrivateKey(holder.privateKeyPem),
    certificate: new Uint8Array(new x509.X509Certificate(holder.certificatePem).rawData),
    chain: issuersPem.map((p) => new Uint8Array(new x509.X509Certificate(p).rawData)),
  };
}

/** SHA-256 of a certificate's DER, in hex: how the record names it. */
export function certificateSha256(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}
