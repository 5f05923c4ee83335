// Temporal payloads encrypted at rest: workflow inputs, update arguments and results, activity
// arguments and the decider's state carry names, household summaries and decision reasons, and
// Temporal keeps them in its histories (and the archive keeps those). Every client and worker of
// the engine encodes with AES-256-GCM under the current key, marked with its key id, and decodes
// with any configured key: a key is rotated by adding a new one first in the list and keeping the
// old ones as long as histories need them. A payload that is not encrypted (histories recorded
// before, a Temporal system payload) passes through unchanged.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type DataConverter, type Payload, type PayloadCodec } from '@temporalio/common';
// A CommonJS package whose names Node's ES module loader does not detect: through its default export.
import proto from '@temporalio/proto';

const { Payload: PayloadMessage } = proto.temporal.api.common.v1;

export const encryptedEncoding = 'binary/encrypted';
export const keyIdMetadataKey = 'encryption-key-id';
const ivBytes = 12;
const tagBytes = 16;

const text = (value: string) => new TextEncoder().encode(value);
const read = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : undefined);

export interface CodecKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export class PayloadDecryptionError extends Error {
  override readonly name = 'PayloadDecryptionError';
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;
  private readonly current: CodecKey;

  /** `keys[0]` encrypts; every key decrypts what it encrypted. */
  constructor(keys: readonly CodecKey[]) {
    if (keys.length === 0) throw new Error('the payload codec needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`payload key ${k.id} is not 32 bytes (AES-256)`);
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      const plain = PayloadMessage.encode(payload).finish();
      const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { [METADATA_ENCODING_KEY]: text(encryptedEncoding), [keyIdMetadataKey]: text(this.current.id) }, data };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (read(payload.metadata?.[METADATA_ENCODING_KEY]) !== encryptedEncoding) return payload;
      const id = read(payload.metadata?.[keyIdMetadataKey]) ?? '';
      const key = this.byId.get(id);
      if (!key) throw new PayloadDecryptionError(`no payload key "${id}" is configured: it was encrypted with a key this deployment no longer has`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < ivBytes + tagBytes) throw new PayloadDecryptionError('an encrypted payload is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, ivBytes));
      decipher.setAuthTag(data.subarray(data.length - tagBytes));
      try {
        const plain = Buffer.concat([decipher.update(data.subarray(ivBytes, data.length - tagBytes)), decipher.final()]);
        return PayloadMessage.decode(plain) as Payload;
      } catch {
        throw new PayloadDecryptionError(`an encrypted payload does not decrypt with key "${id}": it was changed`);
      }
    });
  }
}

/** `id:base64key,id:base64key`, the first one encrypting. */
export function parseCodecKeys(value: string): CodecKey[] {
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const at = entry.indexOf(':');
    if (at <= 0) throw new Error(`a payload key is "id:base64", got "${entry.slice(0, 8)}…"`);
    return { id: entry.slice(0, at), key: Buffer.from(entry.slice(at + 1), 'base64') };
  });
}

export function newCodecKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** The data converter of every client, worker and replayer of the engine. */
export function encryptingDataConverter(keys: readonly CodecKey[]): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)] };
}
