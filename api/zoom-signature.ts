// Zoom's webhook signatures: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the app's secret
// token, sent as `x-zm-signature: v0={hex}` with `x-zm-request-timestamp` in seconds.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries older or newer than this are refused: a captured one cannot be replayed later. */
export const maxSkewSeconds = 300;

export function zoomSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export function verifyZoomSignature(
  secret: string,
  headers: { signature?: string | undefined; timestamp?: string | undefined },
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!headers.signature || !headers.timestamp) return { valid: false, reason: 'the delivery is not signed' };
  if (!/^\d+$/.test(headers.timestamp)) return { valid: false, reason: 'the signature timestamp is not a number of seconds' };
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > maxSkewSeconds) return { valid: false, reason: 'the signature timestamp is outside the accepted window' };
  const expected = Buffer.from(zoomSignature(secret, headers.timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'the signature does not match' };
  return { valid: true };
}

/** The answer to Zoom's endpoint.url_validation challenge. */
export function urlValidationAnswer(secret: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: createHmac('sha256', secret).update(plainToken).digest('hex') };
}
