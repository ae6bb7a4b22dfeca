// "Was it urgent?" over a real HTTP server: verdicts given through POST /v1/held/{id}/verdict, then
// GET /v1/report/weekly carries the per-rule table and a suggestion whose patch PATCH /v1/settings
// takes as is; once applied, the report no longer suggests it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fakeClock.ts';
import { openApi, type Api } from './apiHarness.ts';

const START = '2026-11-23T10:00:00+01:00';
let api: Api;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock(START);
  api = await openApi(
    { timeZone: 'Europe/Stockholm', language: 'en', breakthrough: { vipSenders: ['Anna', 'Bo'], keywords: ['outage'], repeatEscalation: { attempts: 0, minutes: 30 } } },
    { clock },
  );
  expect((await api.call('POST', '/v1/focus', { minutes: 120 })).status).toBe(201);
});
afterEach(() => api.close());

/** Posts a notification and answers "was it urgent?" for it; returns its id. */
async function judged(body: Record<string, unknown>, urgent: boolean | null): Promise<string> {
  const posted = await api.call('POST', '/v1/notifications', body);
  expect(posted.json.disposition).toBe('breakthrough');
  if (urgent !== null) expect((await api.call('POST', `/v1/held/${posted.json.id}/verdict`, { urgent })).json.verdict).toBe(urgent ? 'urgent' : 'not-urgent');
  clock.advance(60_000);
  return posted.json.id;
}

describe('GET /v1/report/weekly: breakthroughs and suggestions', () => {
  it('carries the table and a suggestion; its patch applied through PATCH /v1/settings removes the VIP, and the suggestion goes away', async () => {
    for (const urgent of [false, false, false, true]) await judged({ source: 'chat', title: 'hi', sender: 'Anna' }, urgent);
    await judged({ source: 'chat', title: 'hi', sender: 'Anna' }, null);
    await judged({ source: 'pager', title: 'outage in eu-west' }, true);
    await judged({ source: 'pager', title: 'db', priority: 'urgent' }, false);

    const report = (await api.call('GET', '/v1/report/weekly')).json;
    expect(report.breakthroughs).toEqual([
      { rule: 'urgent', count: 1, urgent: 0, notUrgent: 1, unjudged: 0 },
      { rule: 'vip', count: 5, urgent: 1, notUrgent: 3, unjudged: 1 },
      { rule: 'keyword', count: 1, urgent: 1, notUrgent: 0, unjudged: 0 },
      { rule: 'app', count: 0, urgent: 0, notUrgent: 0, unjudged: 0 },
      { rule: 'repeat', count: 0, urgent: 0, notUrgent: 0, unjudged: 0 },
    ]);
    expect(report.breakthroughsByRule).toEqual({ urgent: 1, vip: 5, keyword: 1, app: 0, repeat: 0 });
    expect(report.suggestions).toEqual([{ id: 'vip:anna', text: 'VIP Anna: 3 of 4 not urgent — remove?', patch: { breakthrough: { vipSenders: ['Bo'] } } }]);

    const patched = await api.call('PATCH', '/v1/settings', report.suggestions[0].patch);
    expect(patched.status).toBe(200);
    expect(patched.json.breakthrough).toMatchObject({ vipSenders: ['Bo'], keywords: ['outage'], urgent: true, repeatEscalation: { attempts: 0, minutes: 30 } });
    expect((await api.call('GET', '/v1/settings')).json.breakthrough.vipSenders).toEqual(['Bo']);

    const after = (await api.call('GET', '/v1/report/weekly')).json;
    expect(after.suggestions).toEqual([]);
    // The week's history is what it was: the table still shows what broke through.
    expect(after.breakthroughs[1]).toEqual(report.breakthroughs[1]);
  });

  it('writes the text in the language setting, and the same id', async () => {
    for (let i = 0; i < 3; i++) await judged({ source: 'chat', title: 'hi', sender: 'Bo' }, false);
    expect((await api.call('PATCH', '/v1/settings', { language: 'sv' })).status).toBe(200);
    const report = (await api.call('GET', '/v1/report/weekly?week=2026-W48')).json;
    expect(report.suggestions).toEqual([{ id: 'vip:bo', text: 'VIP Bo: 3 av 3 var inte brådskande – ta bort?', patch: { breakthrough: { vipSenders: ['Anna'] } } }]);
  });
});
