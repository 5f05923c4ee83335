// The response deadline of an offer (CCH R441-10): at least ten days, counted from the day after
// notification in the committee's time zone, expiring at 24:00 on the last day, moved to the next
// working day when that day is a Saturday, Sunday or French public holiday (CPC art. 641, 642).

/** The law's floor: an applicant has at least ten days to answer an offer. */
export const minimumOfferResponseDays = 10;

export interface PublicHoliday {
  /** `YYYY-MM-DD` */
  date: string;
  name: string;
}

/** A calendar day, without time or zone. `month` is 1–12. */
interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const dayMs = 86_400_000;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDay({ year, month, day });
}

/** The eleven public holidays of metropolitan France (Code du travail L3133-1), in date order. */
export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = parseDay(easterSunday(year));
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({ date: isoDay({ year, month, day }), name });
  const afterEaster = (days: number, name: string): PublicHoliday => ({ date: isoDay(addDays(easter, days)), name });
  return [
    fixed(1, 1, "Jour de l'an"),
    afterEaster(1, 'Lundi de Pâques'),
    fixed(5, 1, 'Fête du Travail'),
    fixed(5, 8, 'Victoire 1945'),
    afterEaster(39, 'Ascension'),
    afterEaster(50, 'Lundi de Pentecôte'),
    fixed(7, 14, 'Fête nationale'),
    fixed(8, 15, 'Assomption'),
    fixed(11, 1, 'Toussaint'),
    fixed(11, 11, 'Armistice 1918'),
    fixed(12, 25, 'Noël'),
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Whether a calendar day (`YYYY-MM-DD`) is a working day: not a weekend, not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const day = parseDay(date);
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !frenchPublicHolidays(day.year).some((h) => h.date === date);
}

/**
 * The instant an offer notified at `notifiedAt` expires: the end (24:00, that is the next day's
 * 00:00 in `timeZone`) of the `responseDays`-th day after the day of notification, moved to the
 * next working day while that day is a Saturday, Sunday or public holiday. Fewer than ten days
 * is never granted: the law's floor applies.
 */
export function offerDeadline(notifiedAt: Date, responseDays: number, timeZone = 'Europe/Paris'): Date {
  const days = Number.isFinite(responseDays) ? Math.max(minimumOfferResponseDays, Math.ceil(responseDays)) : minimumOfferResponseDays;
  let last = addDays(localDay(notifiedAt, timeZone), days);
  while (!isWorkingDay(isoDay(last))) last = addDays(last, 1);
  return localMidnight(addDays(last, 1), timeZone);
}

/** The last day to answer (`YYYY-MM-DD` in `timeZone`) of a deadline from `offerDeadline`. */
export function lastDayToAnswer(deadline: Date, timeZone = 'Europe/Paris'): string {
  return isoDay(localDay(new Date(deadline.getTime() - 1), timeZone));
}

// --- calendar days and time zones ---------------------------------------------------------------

function isoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseDay(date: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a calendar day: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * dayMs);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string): CalendarDay & { hour: number; minute: number; second: number } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

function localDay(instant: Date, timeZone: string): CalendarDay {
  const { year, month, day } = wallClock(instant.getTime(), timeZone);
  return { year, month, day };
}

/**
 * The calendar day (YYYY-MM-DD) of an instant in a time zone, with the zone's kept formatter
 * (building one takes ten times as long as using it: every vote's opening asks).
 */
export function localDate(instant: Date, timeZone: string): string {
  return isoDay(localDay(instant, timeZone));
}

/** The zone's offset from UTC at an instant, in milliseconds (Paris: +1 h in winter, +2 h in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of 00:00 of a calendar day in a time zone. */
function localMidnight(day: CalendarDay, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  let instant = wall - offsetAt(wall, timeZone);
  // The offset at the guess may differ from the offset at midnight itself (a change of offset in between).
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}
