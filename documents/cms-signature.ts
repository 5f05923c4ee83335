// CMS signatures (RFC 5652) as PAdES baseline B-T wants them, and RFC 3161 timestamps, with
// PKIjs: a detached SignedData over the PDF's signed bytes, with the signing certificate
// (ESS signing-certificate-v2), the chain, and a timestamp of the signature value from a
// timestamp authority as an unsigned attribute. The authority's side, answering a request
// with a token, is here too: the embedded default runs one over HTTP, as a real one is reached.
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './signing-pki.ts';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] }));

const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const sha256 = (bytes: Uint8Array | ArrayBuffer) => new Uint8Array(createHash('sha256').update(new Uint8Array(bytes)).digest());
const view = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export class TimestampError extends Error {
  override readonly name = 'TimestampError';
}

/** ESS signing-certificate-v2: binds the signature to its certificate (SHA-256, the default algorithm). */
function signingCertificateV2(certificate: Uint8Array): pkijs.Attribute {
  const parsed = pkijs.Certificate.fromBER(view(certificate));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [parsed.issuer.toSchema()] })] }),
      parsed.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: view(sha256(certificate)) }), issuerSerial] });
  return new pkijs.Attribute({ type: oid.signingCertificateV2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })] });
}

function signerInfo(identity: SigningIdentity, contentType: string, digest: Uint8Array): pkijs.SignerInfo {
  const certificate = pkijs.Certificate.fromBER(view(identity.certificate));
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: oid.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
        new pkijs.Attribute({ type: oid.messageDigest, values: [new asn1js.OctetString({ valueHex: view(digest) })] }),
        signingCertificateV2(identity.certificate),
      ],
    }),
  });
}

function certificatesOf(identity: SigningIdentity): pkijs.Certificate[] {
  return [identity.certificate, ...identity.chain].map((der) => pkijs.Certificate.fromBER(view(der)));
}

const contentInfo = (signed: pkijs.SignedData) => new Uint8Array(new pkijs.ContentInfo({ contentType: oid.signedData, content: signed.toSchema(true) }).toSchema().toBER());

/** Asks a timestamp authority for a token over `digest` (SHA-256): the DER of the token (a ContentInfo). */
export type TimestampClient = (digest: Uint8Array) => Promise<Uint8Array>;

/**
 * The detached CMS signature of `signedBytes` (the PDF's byte ranges), timestamped: what goes
 * into the signature dictionary's /Contents (PAdES B-T).
 */
export async function padesSignature(signedBytes: Uint8Array, identity: SigningIdentity, timestamp: TimestampClient): Promise<Uint8Array> {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    signerInfos: [signerInfo(identity, oid.data, sha256(signedBytes))],
    certificates: certificatesOf(identity),
  });
  await signed.sign(identity.privateKey, 0, 'SHA-256');
  const info = signed.signerInfos[0]!;
  const token = await timestamp(sha256(info.signature.valueBlock.valueHexView));
  info.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [new pkijs.Attribute({ type: oid.timeStampToken, values: [asn1js.fromBER(view(token)).result] })],
  });
  return contentInfo(signed);
}

/** The DER of an RFC 3161 request for `digest` (SHA-256), asking for the authority's certificate. */
export function timestampRequest(digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: view(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: view(nonce) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}

export interface TimestampFacts {
  genTime: Date;
  serialNumber: string;
  policy: string;
  /** The hex SHA-256 the token is over. */
  digest: string;
}

/** What a token says: its time, serial and policy, and the digest it is over. */
function timestampFacts(token: Uint8Array): TimestampFacts {
  const content = pkijs.ContentInfo.fromBER(view(token));
  const signed = new pkijs.SignedData({ schema: content.content });
  const eContent = signed.encapContentInfo.eContent;
  if (!eContent) throw new TimestampError('the timestamp token holds no TSTInfo');
  const info = pkijs.TSTInfo.fromBER(eContent.getValue());
  return {
    genTime: info.genTime,
    serialNumber: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex'),
    policy: info.policy,
    digest: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex'),
  };
}

/**
 * Reads an authority's response to a request for `digest` with `nonce`: the token, once its
 * status is granted and it is over that digest with that nonce.
 */
export function timestampFromResponse(response: Uint8Array, digest: Uint8Array, nonce: Uint8Array): Uint8Array {
  let parsed: pkijs.TimeStampResp;
  try {
    parsed = pkijs.TimeStampResp.fromBER(view(response));
  } catch (error) {
    throw new TimestampError(`the timestamp authority's answer is not an RFC 3161 response: ${(error as Error).message}`);
  }
  const status = parsed.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = parsed.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw new TimestampError(`the timestamp authority refused the request (status ${status}${text ? `: ${text}` : ''})`);
  }
  if (!parsed.timeStampToken) throw new TimestampError('the timestamp authority granted no token');
  const token = new Uint8Array(parsed.timeStampToken.toSchema().toBER());
  const signed = new pkijs.SignedData({ schema: parsed.timeStampToken.content });
  const info = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent!.getValue());
  if (Buffer.compare(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView), Buffer.from(digest)) !== 0) {
    throw new TimestampError('the timestamp token is over another digest than the one asked');
  }
  if (!info.nonce || Buffer.compare(Buffer.from(info.nonce.valueBlock.valueHexView), Buffer.from(new asn1js.Integer({ valueHex: view(nonce) }).valueBlock.valueHexView)) !== 0) {
    throw new TimestampError('the timestamp token does not carry the nonce of the request');
  }
  return token;
}

/** A client of an RFC 3161 authority over HTTP (RFC 3161 §3.4: application/timestamp-query). */
export function httpTimestampClient(url: string, options: { authorization?: string | undefined; timeoutMs?: number } = {}): TimestampClient {
  return async (digest) => {
    const nonce = webcrypto.getRandomValues(new Uint8Array(8));
    nonce[0] = nonce[0]! & 0x7f;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply', ...(options.authorization ? { authorization: options.authorization } : {}) },
      body: timestampRequest(digest, nonce),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new TimestampError(`the timestamp authority at ${new URL(url).origin} answered HTTP ${response.status}`);
    return timestampFromResponse(new Uint8Array(await response.arrayBuffer()), digest, nonce);
  };
}

/** A timestamp authority: answers RFC 3161 requests with tokens signed by `identity` (timeStamping certificate). */
export function timestampAuthority(identity: SigningIdentity, policy: string, clock: () => Date = () => new Date()) {
  return async function respond(requestDer: Uint8Array): Promise<Uint8Array> {
    const refuse = (failInfo: string) => new Uint8Array(new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: failInfo })] }),
    }).toSchema().toBER());
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(view(requestDer));
    } catch {
      return refuse('badDataFormat');
    }
    if (request.messageImprint.hashAlgorithm.algorithmId !== oid.sha256 || request.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== 32) {
      return refuse('badAlg: SHA-256 only');
    }
    const serial = webcrypto.getRandomValues(new Uint8Array(16));
    serial[0] = serial[0]! & 0x7f | 0x01;
    const info = new pkijs.TSTInfo({
      version: 1,
      policy,
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: view(serial) }),
      genTime: clock(),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const tstDer = new Uint8Array(info.toSchema().toBER());
    const encapsulated = new pkijs.EncapsulatedContentInfo({ eContentType: oid.tstInfo, eContent: new asn1js.OctetString({ valueHex: view(tstDer) }) });
    // PKIjs makes the content a constructed (BER) octet string; a token is DER (RFC 3161 §2.4.2).
    encapsulated.eContent = new asn1js.OctetString({ valueHex: view(tstDer) });
    const signed = new pkijs.SignedData({
      version: 3,
      encapContentInfo: encapsulated,
      signerInfos: [signerInfo(identity, oid.tstInfo, sha256(tstDer))],
      certificates: request.certReq ? certificatesOf(identity) : [],
    });
    await signed.sign(identity.privateKey, 0, 'SHA-256');
    return new Uint8Array(new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: oid.signedData, content: signed.toSchema(true) }),
    }).toSchema().toBER());
  };
}

/** The CMS signature's facts: the certificate it names and the timestamp it carries. */
export function signatureFacts(cms: Uint8Array): { certificate: Uint8Array; timestamp?: TimestampFacts | undefined } {
  const content = pkijs.ContentInfo.fromBER(view(cms));
  const signed = new pkijs.SignedData({ schema: content.content });
  const info = signed.signerInfos[0]!;
  const sid = info.sid as pkijs.IssuerAndSerialNumber;
  const certificate = (signed.certificates ?? []).find((c): c is pkijs.Certificate => c instanceof pkijs.Certificate
    && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer));
  if (!certificate) throw new Error('the CMS signature does not carry its signing certificate');
  const tokenAttribute = info.unsignedAttrs?.attributes.find((a) => a.type === oid.timeStampToken);
  return {
    certificate: new Uint8Array(certificate.toSchema().toBER()),
    timestamp: tokenAttribute ? timestampFacts(new Uint8Array(tokenAttribute.values[0]!.toBER())) : undefined,
  };
}

/** Whether the CMS signature verifies over `signedBytes` (the signer's key; no trust decided here). */
export async function verifyPadesSignature(cms: Uint8Array, signedBytes: Uint8Array): Promise<boolean> {
  const content = pkijs.ContentInfo.fromBER(view(cms));
  const signed = new pkijs.SignedData({ schema: content.content });
  try {
    return await signed.verify({ signer: 0, data: view(signedBytes), checkChain: false });
  } catch {
    return false;
  }
}
