// "Was it urgent?" read back: the per-rule table of a week's breakthroughs and their verdicts, and
// the changes suggested from them — one of each kind, the threshold, and nothing for a part of the
// protocol the settings no longer have.
import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../main/app/reportDocument.ts';
import { presentReport } from '../../main/core/present.ts';
import { reportLanguage } from '../../main/core/queries.ts';
import { weeklyReportCsv } from '../../main/core/reportCsv.ts';
import { applySettingsPatch, settingsSchema, type SettingsInput } from '../../main/core/settings.ts';
import { breakthroughVerdicts, patchedPaths, reversePatch, suggestChanges } from '../../main/core/suggestions.ts';
import type { BreakthroughRule, Item, Verdict } from '../../main/core/types.ts';
import { harness } from '../support/engineHarness.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T09:00:00+01:00');
let n = 0;

function item(extra: Partial<Item> & { rule?: BreakthroughRule | null; verdict?: Verdict }): Item {
  const rule = extra.rule ?? null;
  return {
    id: `i${n++}`,
    source: 'test',
    title: 'hello',
    receivedAt: T0 + n * 10 * MIN,
    disposition: rule ? 'breakthrough' : 'held',
    status: rule ? 'delivered' : 'held',
    blockId: 'b',
    batchId: null,
    releasedAt: null,
    snoozedUntil: null,
    handledAt: null,
    ...extra,
    rule,
  };
}

/** `notUrgent` "no" verdicts, `urgent` "yes" verdicts and `unjudged` without, all alike otherwise. */
function judged(base: Partial<Item> & { rule: BreakthroughRule }, notUrgent: number, urgent = 0, unjudged = 0): Item[] {
  return [
    ...Array.from({ length: notUrgent }, () => item({ ...base, verdict: 'not-urgent' })),
    ...Array.from({ length: urgent }, () => item({ ...base, verdict: 'urgent' })),
    ...Array.from({ length: unjudged }, () => item(base)),
  ];
}

const settingsWith = (breakthrough: SettingsInput['breakthrough'], language: SettingsInput['language'] = 'en') =>
  settingsSchema.parse({ timeZone: 'UTC', breakthrough, language });

describe('the per-rule table', () => {
  it('counts each rule’s breakthroughs with their verdicts, one row per rule of the vocabulary, in its order', () => {
    const items = [
      ...judged({ rule: 'vip', sender: 'Anna' }, 2, 1, 1),
      ...judged({ rule: 'urgent', priority: 'urgent' }, 0, 2, 0),
      ...judged({ rule: 'keyword', title: 'outage' }, 1, 0, 3),
      item({ title: 'held, not a breakthrough', verdict: undefined }),
    ];
    expect(breakthroughVerdicts(items)).toEqual([
      { rule: 'urgent', count: 2, urgent: 2, notUrgent: 0, unjudged: 0 },
      { rule: 'vip', count: 4, urgent: 1, notUrgent: 2, unjudged: 1 },
      { rule: 'keyword', count: 4, urgent: 0, notUrgent: 1, unjudged: 3 },
      { rule: 'app', count: 0, urgent: 0, notUrgent: 0, unjudged: 0 },
      { rule: 'repeat', count: 0, urgent: 0, notUrgent: 0, unjudged: 0 },
    ]);
  });
});

describe('suggestions', () => {
  it('VIP: "6 of 7 not urgent — remove?", a patch that carries the whole list without her', () => {
    const settings = settingsWith({ vipSenders: ['Bo', 'anna', 'Cy'] });
    const items = [...judged({ rule: 'vip', sender: 'Anna' }, 6, 1, 2), ...judged({ rule: 'vip', sender: 'Bo' }, 1, 3)];
    const [s, ...rest] = suggestChanges({ items, settings, language: 'en' });
    expect(rest).toEqual([]);
    expect(s).toEqual({ id: 'vip:anna', text: 'VIP anna: 6 of 7 not urgent — remove?', patch: { breakthrough: { vipSenders: ['Bo', 'Cy'] } } });
    const applied = applySettingsPatch(settings, s!.patch);
    expect(applied.success && applied.data.breakthrough).toMatchObject({ vipSenders: ['Bo', 'Cy'], urgent: true, repeatEscalation: settings.breakthrough.repeatEscalation });
    // Applied, it no longer applies.
    expect(applied.success && suggestChanges({ items, settings: applied.data, language: 'en' })).toEqual([]);
  });

  it('the threshold: at least 3 judged and at least two thirds of them not urgent; unjudged items count for nothing', () => {
    const settings = settingsWith({ vipSenders: ['Anna'] });
    const ids = (items: Item[]) => suggestChanges({ items, settings, language: 'en' }).map((s) => s.id);
    expect(ids(judged({ rule: 'vip', sender: 'Anna' }, 2, 0, 10))).toEqual([]); // 2 judged: too few
    expect(ids(judged({ rule: 'vip', sender: 'Anna' }, 2, 1))).toEqual(['vip:anna']); // 2 of 3: two thirds
    expect(ids(judged({ rule: 'vip', sender: 'Anna' }, 2, 2))).toEqual([]); // 2 of 4: half
    expect(ids(judged({ rule: 'vip', sender: 'Anna' }, 3, 1))).toEqual(['vip:anna']); // 3 of 4
    expect(ids(judged({ rule: 'vip', sender: 'Anna' }, 0, 5))).toEqual([]);
  });

  it('keyword: re-matches the current keywords as the rule does (whole word, any case, title or body) and drops the noisy one', () => {
    const settings = settingsWith({ keywords: ['outage', 'deploy'] });
    const items = [
      ...judged({ rule: 'keyword', title: 'Deploy finished' }, 2),
      ...judged({ rule: 'keyword', title: 'CI', body: 'the DEPLOY of 1.2 is out' }, 1),
      ...judged({ rule: 'keyword', title: 'deploying soon' }, 5), // not a whole word: another keyword let these through
      ...judged({ rule: 'keyword', title: 'Outage in eu-west' }, 1, 3),
    ];
    const out = suggestChanges({ items, settings, language: 'en' });
    expect(out).toEqual([{ id: 'keyword:deploy', text: 'Keyword “deploy”: 3 of 3 not urgent — remove?', patch: { breakthrough: { keywords: ['outage'] } } }]);
    expect(suggestChanges({ items, settings: settingsWith({ keywords: ['outage'] }), language: 'en' })).toEqual([]);
  });

  it('allowed app: matched by the item’s app, or its source when it has none', () => {
    const settings = settingsWith({ allowedApps: ['Slack', 'pager'] });
    const items = [...judged({ rule: 'app', source: 'desktop', app: 'slack' }, 3, 1), ...judged({ rule: 'app', source: 'pager' }, 1, 3)];
    expect(suggestChanges({ items, settings, language: 'en' })).toEqual([
      { id: 'app:slack', text: 'Allowed app Slack: 3 of 4 not urgent — remove?', patch: { breakthrough: { allowedApps: ['pager'] } } },
    ]);
  });

  it('a source whose urgent items were mostly not urgent: never let it break through; not when it already is, or the urgent rule is off', () => {
    const items = [...judged({ rule: 'urgent', source: 'ci', priority: 'urgent' }, 4, 1), ...judged({ rule: 'urgent', source: 'pager', priority: 'urgent' }, 0, 4)];
    const [s, ...rest] = suggestChanges({ items, settings: settingsWith({ neverBreaksThrough: ['bots'] }), language: 'en' });
    expect(rest).toEqual([]);
    expect(s).toEqual({ id: 'source:ci', text: 'ci: 4 of 5 urgent items were not urgent — never let it break through?', patch: { breakthrough: { neverBreaksThrough: ['bots', 'ci'] } } });
    expect(suggestChanges({ items, settings: settingsWith({ neverBreaksThrough: ['CI'] }), language: 'en' })).toEqual([]);
    expect(suggestChanges({ items, settings: settingsWith({ urgent: false }), language: 'en' })).toEqual([]);
  });

  it('a desktop app is named by the app, not by the source every desktop item shares', () => {
    const items = [...judged({ rule: 'urgent', source: 'desktop', app: 'ChatBot', priority: 'urgent' }, 3), ...judged({ rule: 'urgent', source: 'desktop', app: 'Phone', priority: 'urgent' }, 0, 3)];
    const [s, ...rest] = suggestChanges({ items, settings: settingsWith({}), language: 'en' });
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ id: 'source:chatbot', patch: { breakthrough: { neverBreaksThrough: ['ChatBot'] } } });
    expect(suggestChanges({ items, settings: settingsWith({ neverBreaksThrough: ['chatbot'] }), language: 'en' })).toEqual([]);
  });

  it('repeat escalation: raise the attempts while the judged repeats would still pass; attempts are moments from one sender', () => {
    // Three mornings: Eve writes at :00, :05 (a burst of two) and :10 — the third attempt is :10, judged not urgent.
    const items: Item[] = [];
    for (const day of [0, 1, 2]) {
      const t = T0 + day * 24 * 60 * MIN;
      items.push(item({ sender: 'Eve', receivedAt: t }), item({ sender: 'eve', receivedAt: t + 5 * MIN }), item({ sender: 'Eve', receivedAt: t + 5 * MIN + 30_000 }));
      items.push(item({ sender: 'Eve', receivedAt: t + 10 * MIN, rule: 'repeat', verdict: 'not-urgent' }));
    }
    const at = (attempts: number) => settingsWith({ repeatEscalation: { attempts, minutes: 30 } });
    expect(suggestChanges({ items, settings: at(3), language: 'en' })).toEqual([
      { id: 'repeat:4', text: 'Repeated sender: 3 of 3 not urgent — wait for 4 attempts?', patch: { breakthrough: { repeatEscalation: { attempts: 4 } } } },
    ]);
    const raised = applySettingsPatch(at(3), { breakthrough: { repeatEscalation: { attempts: 4 } } });
    expect(raised.success && raised.data.breakthrough.repeatEscalation).toEqual({ attempts: 4, minutes: 30 });
    // At 4 attempts the third attempt would be held: nothing more to suggest. Off is off.
    expect(suggestChanges({ items, settings: at(4), language: 'en' })).toEqual([]);
    expect(suggestChanges({ items, settings: at(0), language: 'en' })).toEqual([]);
    // A shorter window sees fewer attempts before each one: they would no longer pass at 3.
    expect(suggestChanges({ items, settings: settingsWith({ repeatEscalation: { attempts: 3, minutes: 8 } }), language: 'en' })).toEqual([]);
  });

  it('repeat escalation at its maximum (20 attempts) is not raised: the settings would refuse it', () => {
    const items: Item[] = [];
    for (const day of [0, 1, 2]) {
      for (let a = 0; a < 20; a++) items.push(item({ sender: 'Max', receivedAt: T0 + day * 24 * 60 * MIN + a * 3 * MIN, ...(a === 19 && { rule: 'repeat', verdict: 'not-urgent' }) }));
    }
    const at = (attempts: number) => settingsWith({ repeatEscalation: { attempts, minutes: 240 } });
    expect(suggestChanges({ items, settings: at(19), language: 'en' }).map((s) => s.id)).toEqual(['repeat:20']);
    expect(suggestChanges({ items, settings: at(20), language: 'en' })).toEqual([]);
  });

  it('keeps its id when the counts change, and writes its text in the language asked for', () => {
    const settings = settingsWith({ vipSenders: ['Anna'] });
    const a = suggestChanges({ items: judged({ rule: 'vip', sender: 'Anna' }, 3), settings, language: 'sv' });
    const b = suggestChanges({ items: judged({ rule: 'vip', sender: 'Anna' }, 5, 1), settings, language: 'sv' });
    expect(a[0]?.id).toBe(b[0]?.id);
    expect(b[0]?.text).toBe('VIP Anna: 5 av 6 var inte brådskande – ta bort?');
  });

  it('resolves "system" to the process’s locale', () => {
    expect(reportLanguage('system', 'sv-SE')).toBe('sv');
    expect(reportLanguage('system', 'en-US')).toBe('en');
    expect(reportLanguage('sv', 'en-US')).toBe('sv');
  });
});

describe('in the weekly report', () => {
  it('carries the table and the suggestions from verdicts given through the engine', async () => {
    const h = harness('2026-11-23T09:30:00+01:00', { language: 'en', breakthrough: { vipSenders: ['Anna', 'Bo'], repeatEscalation: { attempts: 0, minutes: 30 } } });
    h.engine.startFocus({ minutes: 120 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await h.post(`from anna ${i}`, { sender: 'Anna' })).item.id);
      h.clock.advance(5 * MIN);
    }
    const bo = (await h.post('from bo', { sender: 'Bo' })).item.id;
    await h.post('held', { sender: 'Cy' });
    ids.slice(0, 3).forEach((id) => h.engine.judge(id, 'not-urgent'));
    h.engine.judge(bo, 'urgent');
    const r = h.engine.weeklyReport();
    expect(r.breakthroughs.find((b) => b.rule === 'vip')).toEqual({ rule: 'vip', count: 5, urgent: 1, notUrgent: 3, unjudged: 1 });
    expect(r.breakthroughsByRule.vip).toBe(5);
    expect(r.suggestions).toEqual([{ id: 'vip:anna', text: 'VIP Anna: 3 of 3 not urgent — remove?', patch: { breakthrough: { vipSenders: ['Bo'] } } }]);
    // The CSV carries the verdicts beside each rule's count; the printable report, the table.
    const csv = weeklyReportCsv(r).split('\r\n');
    expect(csv).toEqual(expect.arrayContaining(['breakthrough-rule,vip,items,5', 'breakthrough-rule,vip,urgent,1', 'breakthrough-rule,vip,notUrgent,3', 'breakthrough-rule,vip,unjudged,1']));
    const html = reportDocument(presentReport(r));
    expect(html).toContain('<tr><th>Rule</th><th>Broke through</th><th>Urgent</th><th>Not urgent</th><th>Not judged</th></tr>');
    expect(html).toContain('<tr><th>VIP sender</th><td class="n">5</td><td class="n">1</td><td class="n">3</td><td class="n">1</td></tr>');
  });
});

describe('undoing a suggestion', () => {
  it('patches back exactly the previous values of the keys the patch touched, and names them', () => {
    const before = settingsWith({ vipSenders: ['Anna', 'Bo'], keywords: ['x'], repeatEscalation: { attempts: 3, minutes: 45 } });
    const patch = { breakthrough: { vipSenders: ['Bo'], repeatEscalation: { attempts: 4 } } };
    const undo = reversePatch(patch, before);
    expect(undo).toEqual({ breakthrough: { vipSenders: ['Anna', 'Bo'], repeatEscalation: { attempts: 3 } } });
    expect(patchedPaths(patch)).toEqual(['breakthrough.vipSenders', 'breakthrough.repeatEscalation.attempts']);
    const applied = applySettingsPatch(before, patch);
    const restored = applied.success ? applySettingsPatch(applied.data, undo) : applied;
    expect(restored.success && restored.data).toEqual(before);
  });
});
