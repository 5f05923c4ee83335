// Dates, times and amounts as a French reader expects them, in the committee's time zone (the
// browser's own may differ: a member abroad still reads the convened time of the committee).

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.DateTimeFormat('fr-FR', { ...options, timeZone }));
  return f;
}

export const dateTime = (iso: string, timeZone: string) => formatter(timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
export const shortDateTime = (iso: string, timeZone: string) => formatter(timeZone, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
export const day = (iso: string, timeZone: string) => formatter(timeZone, { dateStyle: 'long' }).format(new Date(iso));
export const time = (iso: string, timeZone: string) => formatter(timeZone, { timeStyle: 'medium' }).format(new Date(iso));
export const hourMinute = (iso: string, timeZone: string) => formatter(timeZone, { timeStyle: 'short' }).format(new Date(iso));

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
export const euros = (cents: number) => euroFormat.format(cents / 100);

/** The offset of `timeZone` from UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** A `datetime-local` value read in `timeZone` (the committee's), as an instant. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const [datePart = '', timePart = '00:00'] = local.split('T');
  const [y, m, d] = datePart.split('-').map(Number);
  const [hh, mm] = timePart.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Twice: the offset at the guess may differ from the offset at the answer around a DST change.
  let at = wall - offsetAt(wall, timeZone);
  at = wall - offsetAt(at, timeZone);
  return new Date(at);
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function instantToZoned(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetAt(at.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
