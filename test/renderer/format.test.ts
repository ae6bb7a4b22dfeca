// Time as people think of it, weeks, languages, and the two string tables kept in step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../main/i18n/en.ts';
import { resolveLanguage } from '../../renderer/src/i18n/language.ts';
import { sv } from '../../main/i18n/sv.ts';
import { clockTime, duration, isoWeekOfDate, relativeTime, shiftWeek, wallClock, wallTime, weekdayName, zonedWallClock } from '../../renderer/src/format/time.ts';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('times', () => {
  it('writes clock times in the locale’s habit and the settings’ time zone', () => {
    const at = '2026-11-23T11:30:00.000+01:00';
    expect(clockTime(at, { locale: 'en-GB', timeZone: 'Europe/Stockholm' })).toBe('11:30');
    expect(clockTime(at, { locale: 'en-US', timeZone: 'Europe/Stockholm' })).toBe('11:30 AM');
    expect(clockTime(at, { locale: 'sv-SE', timeZone: 'America/New_York' })).toBe('05:30');
    expect(wallTime('09:05', 'en-US')).toBe('9:05 AM');
  });

  it('says "in 40 min" up to 90 minutes and hours beyond', () => {
    const now = Date.parse('2026-11-23T11:20:00+01:00');
    expect(relativeTime('2026-11-23T12:00:00+01:00', now, 'en')).toBe('in 40 min.');
    expect(relativeTime('2026-11-23T15:00:00+01:00', now, 'en')).toBe('in 4 hr.');
    expect(relativeTime('2026-11-23T12:00:00+01:00', now, 'sv')).toMatch(/^om\s40\smin$/);
    expect(duration(69, 'en')).toBe('1 hr 9 min');
    expect(duration(45, 'en')).toBe('45 min');
  });

  it('reads wall-clock time from an ISO time with offset, and from an instant in a zone', () => {
    expect(wallClock('2026-03-29T03:30:00.000+02:00')).toEqual({ date: '2026-03-29', minutes: 210 });
    expect(zonedWallClock(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Stockholm')).toEqual({ date: '2026-11-24', minutes: 30 });
    expect(weekdayName(1, 'en')).toBe('Monday');
    expect(weekdayName(7, 'sv', 'short')).toBe('sön');
  });

  it('moves between ISO weeks across year ends (53-week years too)', () => {
    expect(shiftWeek('2026-W48', -1)).toBe('2026-W47');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(isoWeekOfDate(Date.UTC(2021, 0, 3))).toBe('2020-W53');
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 52 }), fc.integer({ min: -200, max: 200 }), (year, week, delta) => {
        const w = `${year}-W${String(week).padStart(2, '0')}`;
        expect(shiftWeek(shiftWeek(w, delta), -delta)).toBe(w);
      }),
    );
  });
});

describe('language', () => {
  it('follows the system unless the setting says otherwise, keeping the region’s habits', () => {
    expect(resolveLanguage('system', ['sv-SE', 'en'])).toEqual({ language: 'sv', locale: 'sv-SE' });
    expect(resolveLanguage('system', ['en-GB'])).toEqual({ language: 'en', locale: 'en-GB' });
    expect(resolveLanguage('system', ['de-DE'])).toEqual({ language: 'en', locale: 'en' });
    expect(resolveLanguage('sv', ['en-US'])).toEqual({ language: 'sv', locale: 'sv-SE' });
    expect(resolveLanguage('en', ['sv-SE'])).toEqual({ language: 'en', locale: 'en' });
  });

  it('has every English string in Swedish, and no Swedish string without an English one', () => {
    expect(keys(sv).sort()).toEqual(keys(en).sort());
    expect(keys(sv).filter((k) => k.endsWith('_one')).map((k) => k.replace(/_one$/, '_other'))).toEqual(keys(sv).filter((k) => k.endsWith('_other')));
  });
});
