// The response deadline of an offer (CCH R441-10, CPC 641–642), table by table: ten days from the
// day after notification, ending at 24:00, moved past Saturdays, Sundays and public holidays.
// Expected instants are written in Paris local time: `…T00:00:00+02:00` is 24:00 of the day before.
import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, isWorkingDay, lastDayToAnswer, localDate, offerDeadline } from '../../domain/rules/index.ts';

describe('Easter and the French public holidays', () => {
  it.each([
    [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2029, '2029-04-01'], [2030, '2030-04-21'],
    [2000, '2000-04-23'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ])('Easter %i is on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it.each([
    [2025, { 'Lundi de Pâques': '2025-04-21', Ascension: '2025-05-29', 'Lundi de Pentecôte': '2025-06-09' }],
    [2026, { 'Lundi de Pâques': '2026-04-06', Ascension: '2026-05-14', 'Lundi de Pentecôte': '2026-05-25' }],
    [2027, { 'Lundi de Pâques': '2027-03-29', Ascension: '2027-05-06', 'Lundi de Pentecôte': '2027-05-17' }],
    [2028, { 'Lundi de Pâques': '2028-04-17', Ascension: '2028-05-25', 'Lundi de Pentecôte': '2028-06-05' }],
    [2029, { 'Lundi de Pâques': '2029-04-02', Ascension: '2029-05-10', 'Lundi de Pentecôte': '2029-05-21' }],
    [2030, { 'Lundi de Pâques': '2030-04-22', Ascension: '2030-05-30', 'Lundi de Pentecôte': '2030-06-10' }],
  ])('%i: eleven holidays, the movable ones after Easter', (year, movable) => {
    const holidays = frenchPublicHolidays(year);
    expect(holidays).toHaveLength(11);
    expect(holidays.map((h) => h.date)).toEqual([...holidays.map((h) => h.date)].sort());
    const byName = Object.fromEntries(holidays.map((h) => [h.name, h.date]));
    expect(byName).toMatchObject({
      ...movable,
      "Jour de l'an": `${year}-01-01`, 'Fête du Travail': `${year}-05-01`, 'Victoire 1945': `${year}-05-08`, 'Fête nationale': `${year}-07-14`,
      Assomption: `${year}-08-15`, Toussaint: `${year}-11-01`, 'Armistice 1918': `${year}-11-11`, Noël: `${year}-12-25`,
    });
  });

  it.each([
    ['2026-02-12', true, 'a Thursday'],
    ['2026-02-14', false, 'a Saturday'],
    ['2026-02-15', false, 'a Sunday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2027-05-06', false, 'Ascension Thursday'],
    ['2028-06-05', false, 'Whit Monday'],
    ['2028-07-14', false, '14 July on a Friday'],
    ['2026-04-03', true, 'Good Friday (not a holiday in the Code du travail list)'],
    ['2026-12-26', false, 'Saint Stephen\'s day on a Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe('the deadline of an offer (ten days, Europe/Paris)', () => {
  it.each([
    // notified at (UTC)           days  expires (Paris local)           why
    ['2026-02-02T09:00:00Z', 10, '2026-02-13T00:00:00+01:00', 'the law note\'s example: notified 2 Feb, expires 12 Feb 24:00'],
    ['2026-01-08T10:00:00Z', 10, '2026-01-20T00:00:00+01:00', 'notified on a Thursday: day 10 is a Sunday, so Monday 24:00'],
    ['2026-01-09T10:00:00Z', 10, '2026-01-20T00:00:00+01:00', 'notified on a Friday: day 10 is a Monday, ends that Monday 24:00'],
    ['2026-01-09T10:00:00Z', 16, '2026-01-27T00:00:00+01:00', 'notified on a Friday, 16 days: day 16 is a Sunday, so Monday 24:00'],
    ['2026-01-09T23:30:00Z', 10, '2026-01-21T00:00:00+01:00', 'Friday 23:30 UTC is Saturday 00:30 in Paris: counted from Sunday'],
    ['2026-01-09T22:59:59Z', 10, '2026-01-20T00:00:00+01:00', 'Friday 23:59:59 in Paris is still Friday'],
    ['2025-05-19T10:00:00Z', 10, '2025-05-31T00:00:00+02:00', 'day 10 is Ascension Thursday 2025: Friday 24:00'],
    ['2025-05-30T10:00:00Z', 10, '2025-06-11T00:00:00+02:00', 'day 10 is Whit Monday 2025: Tuesday 24:00'],
    ['2025-10-22T10:00:00Z', 10, '2025-11-04T00:00:00+01:00', '1 Nov 2025 is a Saturday, then Sunday: Monday 3 Nov 24:00'],
    ['2026-03-27T10:00:00Z', 10, '2026-04-08T00:00:00+02:00', 'day 10 is Easter Monday 2026: Tuesday 24:00'],
    ['2026-04-21T10:00:00Z', 10, '2026-05-05T00:00:00+02:00', '1 May 2026 is a Friday, then the weekend: Monday 4 May 24:00'],
    ['2026-06-30T22:30:00Z', 10, '2026-07-14T00:00:00+02:00', 'notified 1 Jul 00:30 Paris: day 10 a Saturday, ends Monday 13 Jul 24:00 (the 14th does not matter)'],
    ['2026-12-15T10:00:00Z', 10, '2026-12-29T00:00:00+01:00', 'Christmas 2026 is a Friday, then the weekend: Monday 28 Dec 24:00'],
    ['2027-04-26T10:00:00Z', 10, '2027-05-08T00:00:00+02:00', 'day 10 is Ascension Thursday 2027: Friday 7 May 24:00'],
    ['2027-04-28T10:00:00Z', 10, '2027-05-11T00:00:00+02:00', '8 May 2027 is a Saturday, then Sunday: Monday 10 May 24:00'],
    ['2027-12-15T10:00:00Z', 10, '2027-12-28T00:00:00+01:00', 'Christmas 2027 is a Saturday: Monday 27 Dec 24:00'],
    ['2028-05-26T10:00:00Z', 10, '2028-06-07T00:00:00+02:00', 'day 10 is Whit Monday 2028: Tuesday 24:00'],
    ['2029-07-04T10:00:00Z', 10, '2029-07-17T00:00:00+02:00', '14 July 2029 is a Saturday: Monday 16 Jul 24:00'],
    ['2029-12-22T10:00:00Z', 10, '2030-01-03T00:00:00+01:00', 'day 10 is New Year\'s Day 2030: Wednesday 2 Jan 24:00'],
    ['2030-04-12T10:00:00Z', 10, '2030-04-24T00:00:00+02:00', 'day 10 is Easter Monday 2030: Tuesday 24:00'],
    ['2030-07-04T10:00:00Z', 10, '2030-07-16T00:00:00+02:00', '14 July 2030 is a Sunday: Monday 15 Jul 24:00'],
    // Daylight saving time: the deadline is local midnight whatever the offset.
    ['2026-03-19T10:00:00Z', 10, '2026-03-31T00:00:00+02:00', 'day 10 is Sunday 29 Mar 2026, the change to summer time: Monday 24:00 CEST'],
    ['2026-10-15T10:00:00Z', 10, '2026-10-27T00:00:00+01:00', 'day 10 is Sunday 25 Oct 2026, the change to winter time: Monday 24:00 CET'],
    ['2027-03-18T10:00:00Z', 10, '2027-03-31T00:00:00+02:00', 'day 10 is Easter Sunday 28 Mar 2027 (summer time starts): past Easter Monday to Tuesday'],
    ['2029-10-18T10:00:00Z', 10, '2029-10-30T00:00:00+01:00', 'day 10 is Sunday 28 Oct 2029 (winter time starts): Monday 24:00 CET'],
    ['2026-03-20T10:00:00Z', 10, '2026-03-31T00:00:00+02:00', 'notified in winter time, expires in summer time: 30 Mar 24:00 is 22:00 UTC'],
    ['2026-10-16T10:00:00Z', 10, '2026-10-27T00:00:00+01:00', 'notified in summer time, expires in winter time: 26 Oct 24:00 is 23:00 UTC'],
    // Longer periods from the committee's rules, and the law's floor.
    ['2026-02-02T09:00:00Z', 15, '2026-02-18T00:00:00+01:00', 'fifteen days: 17 Feb 24:00'],
    ['2026-02-02T09:00:00Z', 7, '2026-02-13T00:00:00+01:00', 'fewer than ten days are never granted: ten apply'],
  ])('notified %s, %i days: expires %s (%s)', (notifiedAt, days, expires) => {
    expect(offerDeadline(new Date(notifiedAt), days).toISOString()).toBe(new Date(expires).toISOString());
  });

  it('uses the committee\'s time zone', () => {
    // 2026-01-09 20:00 UTC is Friday in Paris but Saturday in Nouméa (UTC+11).
    expect(offerDeadline(new Date('2026-01-09T20:00:00Z'), 10, 'Europe/Paris').toISOString()).toBe('2026-01-19T23:00:00.000Z');
    expect(offerDeadline(new Date('2026-01-09T20:00:00Z'), 10, 'Pacific/Noumea').toISOString()).toBe(new Date('2026-01-21T00:00:00+11:00').toISOString());
  });

  it('names the last day to answer', () => {
    const deadline = offerDeadline(new Date('2026-01-08T10:00:00Z'), 10);
    expect(lastDayToAnswer(deadline)).toBe('2026-01-19');
    expect(isWorkingDay(lastDayToAnswer(deadline))).toBe(true);
  });

  it('always ends at local midnight after a working day, at least ten full days after the notification day', () => {
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2031-01-01T00:00:00Z'); t += 41 * 3_600_000 + 1_234_567) {
      const deadline = offerDeadline(new Date(t), 10);
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(deadline);
      expect(local).toBe('00:00:00');
      expect(isWorkingDay(lastDayToAnswer(deadline))).toBe(true);
      expect(deadline.getTime() - t).toBeGreaterThan(10 * 86_400_000 - 2 * 3_600_000);
    }
  });
});

describe('the calendar day of an instant in a time zone', () => {
  it('is the day on the wall clock there, across midnight and daylight saving time', () => {
    expect(localDate(new Date('2026-12-07T22:59:59Z'), 'Europe/Paris')).toBe('2026-12-07');
    expect(localDate(new Date('2026-12-07T23:00:00Z'), 'Europe/Paris')).toBe('2026-12-08');
    expect(localDate(new Date('2026-07-14T21:59:59Z'), 'Europe/Paris')).toBe('2026-07-14');
    expect(localDate(new Date('2026-07-14T22:00:00Z'), 'Europe/Paris')).toBe('2026-07-15');
    expect(localDate(new Date('2026-07-14T22:00:00Z'), 'America/Cayenne')).toBe('2026-07-14');
    expect(localDate(new Date('0999-01-05T12:00:00Z'), 'UTC')).toBe('0999-01-05');
  });
});
