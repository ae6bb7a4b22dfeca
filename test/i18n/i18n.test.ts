// Lull's one words-and-time layer: ISO times with offset as the API writes them, terse lengths of
// time, ISO weeks from dates, POSIX locales, and the purity that lets every layer import it.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../main/app/reportDocument.ts';
import { presentReport } from '../../main/core/present.ts';
import { localeFromPosix, terseUnits, translator } from '../../main/i18n/index.ts';
import { clockTime, duration, isoTime, isoWeekOfDate, offsetOf, shiftWeek } from '../../main/i18n/time.ts';
import { harness } from '../support/engineHarness.ts';

describe('ISO times with offset', () => {
  it('writes the wall clock of the zone with its offset, across daylight saving and odd offsets', () => {
    expect(isoTime(Date.parse('2026-11-23T08:00:00Z'), 'Europe/Stockholm')).toBe('2026-11-23T09:00:00.000+01:00');
    expect(isoTime(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Stockholm')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(isoTime(Date.parse('2026-03-29T00:59:59.999Z'), 'Europe/Stockholm')).toBe('2026-03-29T01:59:59.999+01:00');
    expect(isoTime(Date.parse('2026-11-23T08:00:00Z'), 'America/St_Johns')).toBe('2026-11-23T04:30:00.000-03:30');
    expect(isoTime(Date.parse('2026-11-23T08:00:00Z'), 'Asia/Kathmandu')).toBe('2026-11-23T13:45:00.000+05:45');
    expect(isoTime(Date.parse('2026-11-23T08:00:00Z'), 'UTC')).toBe('2026-11-23T08:00:00.000+00:00');
  });

  it('reads a time back at the wall clock of its own offset', () => {
    expect(offsetOf('2026-11-23T09:00:00.000+01:00')).toBe('+01:00');
    expect(offsetOf('2026-11-23T08:00:00Z')).toBe('UTC');
    expect(clockTime('2026-11-23T04:30:00.000-03:30', { locale: 'en-GB', timeZone: offsetOf('2026-11-23T04:30:00.000-03:30') })).toBe('04:30');
  });
});

describe('lengths of time and weeks', () => {
  it('writes "1 h 5 min" in the words of the language', () => {
    expect(duration(65, 'en-GB', terseUnits('en'))).toBe('1 h 5 min');
    expect(duration(120, 'en-US', terseUnits('en'))).toBe('2 h');
    expect(duration(40, 'sv-SE', terseUnits('sv'))).toBe('40 min');
    expect(duration(190, 'sv-SE', terseUnits('sv'))).toBe('3 tim 10 min');
    expect(duration(-3, 'en', terseUnits('en'))).toBe('0 min');
  });

  it('finds the ISO week of a date, and shifts it', () => {
    expect(isoWeekOfDate('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53');
    expect(shiftWeek('2026-W53', 2)).toBe('2027-W02');
  });
});

describe('languages', () => {
  it('reads POSIX locales as BCP 47', () => {
    expect(localeFromPosix('sv_SE.UTF-8')).toBe('sv-SE');
    expect(localeFromPosix('en_GB.UTF-8@euro')).toBe('en-GB');
    expect(localeFromPosix('C.UTF-8')).toBeUndefined();
    expect(localeFromPosix('POSIX')).toBeUndefined();
    expect(localeFromPosix(undefined)).toBeUndefined();
  });

  it('says "how we count" from the numbers, in each language', () => {
    expect(translator('en', 'estimate')('howWeCount', { gap: 2, minutes: 23 })).toMatch(/^How we count: held items that arrive within 2 minutes .* counted as 23 minutes/);
    expect(translator('sv', 'estimate')('howWeCount', { gap: 2, minutes: 23 })).toMatch(/^Så räknar vi: .* inom 2 minuter .* 23 minuter/);
  });
});

describe('the printable report', () => {
  it('is written in the user’s language and locale, with "how we count" from the report’s numbers', async () => {
    const h = harness('2026-11-23T08:00:00Z', { refocusMinutes: 20 });
    h.engine.startFocus({ minutes: 60 });
    await h.post('x', { source: 'ci' });
    const report = presentReport(h.engine.weeklyReport());
    const en = reportDocument(report);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Refocus time saved (estimate)');
    expect(en).toContain('each moment is counted as 20 minutes');
    expect(en).toContain('<th>Mon</th>');
    const sv = reportDocument(report, { language: 'sv', locale: 'sv-SE' });
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('Veckorapport om avbrott · 2026-W48');
    expect(sv).toContain('Sparad omställningstid (uppskattning)');
    expect(sv).toContain('Så räknar vi: kvarhållna aviseringar som kommer inom 2 minuter');
    expect(sv).toContain('<th>mån</th>');
    expect(sv).toContain('<th>Brådskande</th>');
    expect(sv).not.toMatch(/Focus hours|How we count/);
  });
});

describe('purity', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string) => (await eslint.lintText(code, { filePath: 'main/i18n/example.ts' }))[0]?.messages.map((m) => m.ruleId) ?? [];

  it.each(['node:fs', 'electron', 'fastify', '@fastify/static', 'pino'])('main/i18n may not import %s', async (mod) => {
    expect(await lint(`import x from '${mod}';\nexport const y = x;\n`)).toContain('no-restricted-imports');
  });

  it.each(['../core/settings.ts', '../store/repository.ts'])('main/i18n is the lowest layer: it may not import %s', async (mod) => {
    expect(await lint(`import x from '${mod}';\nexport const y = x;\n`)).toContain('lull/layers');
  });

  it('main/i18n may import i18next, Temporal and its own modules', async () => {
    expect(await lint(`import i18next from 'i18next';\nimport { Temporal } from 'temporal-polyfill';\nimport { en } from './en.ts';\nexport const y = [i18next, Temporal, en];\n`)).toEqual([]);
  });
});
