// Temporal payloads encrypted with AES-256-GCM under the current key, decrypted with any key
// configured, passed through when not encrypted, refused when changed or under an unknown key.
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, encryptedEncoding, keyIdMetadataKey, newCodecKey, parseCodecKeys, PayloadDecryptionError } from '../../documents/payload-codec.ts';

const reason = 'Ménage hébergé chez un tiers, reconnu prioritaire DALO';
const payload = () => defaultPayloadConverter.toPayload({ reasons: reason });
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('the payload codec', () => {
  it('encrypts under the current key, marked with its id, and decrypts back', async () => {
    const codec = new AesGcmPayloadCodec(parseCodecKeys(`${newCodecKey('k2')},${newCodecKey('k1')}`));
    const [encoded] = await codec.encode([payload()]);
    expect(text(encoded!.metadata!.encoding)).toBe(encryptedEncoding);
    expect(text(encoded!.metadata![keyIdMetadataKey])).toBe('k2');
    expect(Buffer.from(encoded!.data!).toString('latin1')).not.toContain('DALO');
    const [decoded] = await codec.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual({ reasons: reason });
  });

  it('uses a fresh IV for every payload', async () => {
    const codec = new AesGcmPayloadCodec(parseCodecKeys(newCodecKey('k1')));
    const encoded = await codec.encode([payload(), payload()]);
    expect(Buffer.from(encoded[0]!.data!).subarray(0, 12).equals(Buffer.from(encoded[1]!.data!).subarray(0, 12))).toBe(false);
    expect(Buffer.from(encoded[0]!.data!).equals(Buffer.from(encoded[1]!.data!))).toBe(false);
  });

  it('rotates: what the old key encrypted still decrypts once a new key encrypts', async () => {
    const old = newCodecKey('k1');
    const [before] = await new AesGcmPayloadCodec(parseCodecKeys(old)).encode([payload()]);
    const rotated = new AesGcmPayloadCodec(parseCodecKeys(`${newCodecKey('k2')},${old}`));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([before!]))[0]!)).toEqual({ reasons: reason });
    expect(text((await rotated.encode([payload()]))[0]!.metadata![keyIdMetadataKey])).toBe('k2');
  });

  it('refuses a payload under a key it does not have, or changed', async () => {
    const [encoded] = await new AesGcmPayloadCodec(parseCodecKeys(newCodecKey('gone'))).encode([payload()]);
    const other = new AesGcmPayloadCodec(parseCodecKeys(newCodecKey('k1')));
    await expect(other.decode([encoded!])).rejects.toThrow(PayloadDecryptionError);
    await expect(other.decode([encoded!])).rejects.toThrow(/no payload key "gone"/);
    const codec = new AesGcmPayloadCodec(parseCodecKeys(`${newCodecKey('gone')}`));
    const [mine] = await codec.encode([payload()]);
    const tampered = { ...mine!, data: Buffer.from(mine!.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) };
    await expect(codec.decode([tampered])).rejects.toThrow(/was changed/);
  });

  it('passes through payloads that are not encrypted: histories recorded before, system payloads', async () => {
    const codec = new AesGcmPayloadCodec(parseCodecKeys(newCodecKey('k1')));
    const plain = payload();
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('refuses a key that is not 256 bits', () => {
    expect(() => new AesGcmPayloadCodec([{ id: 'short', key: Buffer.alloc(16) }])).toThrow(/not 32 bytes/);
    expect(() => parseCodecKeys('nokey')).toThrow(/id:base64/);
  });
});
