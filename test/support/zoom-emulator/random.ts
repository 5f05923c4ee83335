// Seeded randomness for the emulator: ids, tokens and chaos decisions repeat from run to run
// for a given seed, so a failing test replays the same way.

/** mulberry32: small, fast, good enough for test data; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Ids {
  readonly #random: () => number;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  bytes(count: number): Buffer {
    const out = Buffer.alloc(count);
    for (let i = 0; i < count; i += 1) out[i] = Math.floor(this.#random() * 256);
    return out;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }

  /** Base64url without padding, e.g. a 22-character Zoom id (`registrant_id`, user id) of 16 bytes. */
  base64url(bytes: number): string {
    return this.bytes(bytes).toString('base64url');
  }

  /** A meeting UUID: base64 of 16 bytes (24 characters, ending in `==`). */
  meetingUuid(): string {
    return this.bytes(16).toString('base64');
  }

  /** A GUID in Zoom's upper-case participant_uuid form. */
  guid(): string {
    const hex = this.bytes(16).toString('hex').toUpperCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Fisher–Yates with this generator. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.#random() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  chance(probability: number): boolean {
    return this.#random() < probability;
  }
}

/**
 * Makes a base64 UUID need double encoding (§2.8) while staying 16 bytes of base64: a leading
 * `/` and a `//` inside.
 */
export function slashUuid(uuid: string): string {
  return `/${uuid.slice(1, 6)}//${uuid.slice(8)}`;
}
