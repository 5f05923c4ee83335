// Zoom meeting UUIDs (base64) may contain "/", "+" and "=". Zoom's path parameters take an ID or
// a UUID, and a UUID that starts with "/" or contains "//" must be encoded TWICE, otherwise Zoom
// answers 404 "Meeting does not exist" (zoom-api.md §2.8). Every UUID path goes through here.

/** Encodes a meeting ID or instance UUID for use as one URL path segment (§2.8). */
export function encodeMeetingUuid(uuid: string): string {
  const once = encodeURIComponent(uuid);
  return uuid.startsWith('/') || uuid.includes('//') ? encodeURIComponent(once) : once;
}
