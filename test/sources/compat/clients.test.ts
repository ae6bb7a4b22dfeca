// ntfy's and Gotify's own documentation examples, run unchanged with the real curl and HTTPie (Debian
// packages `curl` and `httpie`) but for the host and the token, against a real API server: each
// answer is shaped like the original's and each item reads back with the right fields.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compat } from '../../../main/sources/compat/index.ts';
import { inbox } from '../../../main/sources/inbox/index.ts';
import { openApi, type Api } from '../../api/apiHarness.ts';

const run = promisify(execFile);

let api: Api;
let host: string;
let notify: string;
beforeAll(async () => {
  api = await openApi({ api: { port: 0, rateLimitPerMinute: 0 } }, { doors: [inbox, compat] });
  host = `127.0.0.1:${api.port}`;
  notify = (await api.lull.operations['tokens:create']({ name: 'ci-bot', scope: 'notify' })).token;
  await api.call('POST', '/v1/focus', { minutes: 120 });
}, 30_000);
afterAll(() => api?.close());

/** A documented command line with `ntfy.sh` (or `push.example.de`) swapped for Lull's address. */
async function cli(bin: string, args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of any shape
  const swapped = args.map((a) => a.replace('https://push.example.de', `http://${host}`).replace('<apptoken>', notify).replace(/^ntfy\.sh/, host));
  const { stdout } = await run(bin, swapped, { timeout: 10_000 });
  return JSON.parse(stdout);
}
/** curl, silent, with the notify token as ntfy's docs send an access token (`Authorization: Bearer`). */
const curl = (...args: string[]) => cli('/usr/bin/curl', ['-sS', '-H', `Authorization: Bearer ${notify}`, ...args]);

const item = (id: string) => api.lull.engine.getItem(id);
const NTFY_ANSWER = { id: expect.any(String), time: expect.any(Number), event: 'message' };

// https://docs.ntfy.sh/publish/ — "Publishing" and "Message title", "Message priority", "Click action", "Publish as JSON", "Webhooks".
describe('ntfy’s documented examples (https://docs.ntfy.sh/publish/)', () => {
  it('curl -d "Backup successful 😀" ntfy.sh/mytopic', async () => {
    const answer = await curl('-d', 'Backup successful 😀', 'ntfy.sh/mytopic');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'mytopic', message: 'Backup successful 😀' });
    expect(Math.abs(answer.time - Date.now() / 1000)).toBeLessThan(30);
    expect(item(answer.id)).toMatchObject({ source: 'mytopic', title: 'Backup successful 😀', status: 'held' });
    expect(item(answer.id).body).toBeUndefined();
  });

  it('curl -H "Title: Unauthorized access detected" -H "Priority: urgent" -H "Tags: warning,skull" -d "Remote access to phils-laptop detected. Act right away." ntfy.sh/phil_alerts', async () => {
    const answer = await curl('-H', 'Title: Unauthorized access detected', '-H', 'Priority: urgent', '-H', 'Tags: warning,skull', '-d', 'Remote access to phils-laptop detected. Act right away.', 'ntfy.sh/phil_alerts');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'phil_alerts', title: 'Unauthorized access detected', message: 'Remote access to phils-laptop detected. Act right away.', priority: 5, tags: ['warning', 'skull'] });
    expect(item(answer.id)).toMatchObject({ source: 'phil_alerts', title: 'Unauthorized access detected', body: 'Remote access to phils-laptop detected. Act right away.', priority: 'urgent', tags: ['warning', 'skull'], disposition: 'breakthrough' });
  });

  it.each(['X-Title', 'Title', 't'])('curl -H "%s: Dogs are better than cats" -d "Oh my ..." ntfy.sh/controversial', async (header) => {
    const answer = await curl('-H', `${header}: Dogs are better than cats`, '-d', 'Oh my ...', 'ntfy.sh/controversial');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'controversial', title: 'Dogs are better than cats', message: 'Oh my ...' });
    expect(item(answer.id)).toMatchObject({ source: 'controversial', title: 'Dogs are better than cats', body: 'Oh my ...' });
  });

  it.each([
    ['X-Priority: 5', 'An urgent message', 5, 'urgent'],
    ['Priority: low', 'Low priority message', 2, 'low'],
  ] as const)('curl -H "%s" -d "%s" ntfy.sh/phil_alerts', async (header, text, level, lull) => {
    const answer = await curl('-H', header, '-d', text, 'ntfy.sh/phil_alerts');
    expect(answer).toMatchObject({ topic: 'phil_alerts', message: text, priority: level });
    expect(item(answer.id)).toMatchObject({ title: text, priority: lull });
  });

  it('curl -d "New messages on Reddit" -H "Click: https://www.reddit.com/message/messages" ntfy.sh/reddit_alerts', async () => {
    const answer = await curl('-d', 'New messages on Reddit', '-H', 'Click: https://www.reddit.com/message/messages', 'ntfy.sh/reddit_alerts');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'reddit_alerts', message: 'New messages on Reddit', click: 'https://www.reddit.com/message/messages' });
    expect(item(answer.id)).toMatchObject({ source: 'reddit_alerts', url: 'https://www.reddit.com/message/messages' });
  });

  it('curl ntfy.sh/mywebhook/trigger', async () => {
    const answer = await curl('ntfy.sh/mywebhook/trigger');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'mywebhook', message: 'triggered' });
    expect(item(answer.id)).toMatchObject({ source: 'mywebhook', title: 'triggered' });
  });

  it('curl "ntfy.sh/mywebhook/publish?message=Webhook+triggered&priority=high&tags=warning,skull"', async () => {
    const answer = await curl('ntfy.sh/mywebhook/publish?message=Webhook+triggered&priority=high&tags=warning,skull');
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'mywebhook', message: 'Webhook triggered', priority: 4, tags: ['warning', 'skull'] });
    expect(item(answer.id)).toMatchObject({ title: 'Webhook triggered', priority: 'high', tags: ['warning', 'skull'] });
  });

  it('curl ntfy.sh -d \'{ "topic": "mytopic", "message": "Disk space is low at 5.1 GB", … }\' (publish as JSON)', async () => {
    const json = `{
        "topic": "mytopic",
        "message": "Disk space is low at 5.1 GB",
        "title": "Low disk space alert",
        "tags": ["warning","cd"],
        "priority": 4,
        "attach": "https://filesrv.lan/space.jpg",
        "filename": "diskspace.jpg",
        "click": "https://homecamera.lan/xasds1h2xsSsa/",
        "actions": [{ "action": "view", "label": "Admin panel", "url": "https://filesrv.lan/admin" }]
      }`;
    const answer = await curl('ntfy.sh', '-d', json);
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'mytopic', title: 'Low disk space alert', message: 'Disk space is low at 5.1 GB', priority: 4, tags: ['warning', 'cd'], click: 'https://homecamera.lan/xasds1h2xsSsa/' });
    expect(item(answer.id)).toMatchObject({ source: 'mytopic', title: 'Low disk space alert', body: 'Disk space is low at 5.1 GB', priority: 'high', tags: ['warning', 'cd'], url: 'https://homecamera.lan/xasds1h2xsSsa/' });
  });

  it('PUT works too, with the query forms, and the token as Basic auth’s password (curl -u :token)', async () => {
    const answer = await cli('/usr/bin/curl', ['-sS', '-u', `:${notify}`, '-X', 'PUT', '--data-binary', 'Backup of db done', `http://${host}/backups?t=Nightly&p=min&ta=db,daily`]);
    expect(answer).toEqual({ ...NTFY_ANSWER, topic: 'backups', title: 'Nightly', message: 'Backup of db done', priority: 1, tags: ['db', 'daily'] });
    expect(item(answer.id)).toMatchObject({ source: 'backups', title: 'Nightly', body: 'Backup of db done', priority: 'low', tags: ['db', 'daily'] });
  });

  it('a UTF-8 title header (as curl sends it) and ntfy’s ?auth= (base64url of the Authorization value)', async () => {
    const auth = Buffer.from(`Bearer ${notify}`).toString('base64url');
    const { stdout } = await run('/usr/bin/curl', ['-sS', '-H', 'Title: Dörr öppen 🚪', '-d', 'Ytterdörren', `http://${host}/hemma?auth=${auth}`], { timeout: 10_000 });
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ topic: 'hemma', title: 'Dörr öppen 🚪', message: 'Ytterdörren' });
    expect(item(answer.id)).toMatchObject({ title: 'Dörr öppen 🚪', body: 'Ytterdörren' });
  });

  it('an invalid priority is a 400, a reserved path a 404, both in the API’s error shape', async () => {
    const bad = await api.raw('POST', '/ci', { headers: { authorization: `Bearer ${notify}`, priority: 'extreme' }, body: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid-priority');
    for (const path of ['/v1', '/feed', '/login', '/assets', '/index.html', '/assets/publish']) {
      const r = await api.raw(path.endsWith('publish') ? 'GET' : 'POST', path, { headers: { authorization: `Bearer ${notify}` }, body: path.endsWith('publish') ? undefined : 'x' });
      expect(r.status, path).toBe(404);
      expect(r.json.error.code, path).toBe('not-found');
    }
  });
});

// https://gotify.net/docs/pushmsg — "Push messages":
//   $ curl -X POST "https://push.example.de/message?token=<apptoken>" -F "title=my title" -F "message=my message" -F "priority=5"
//   $ http -f POST "https://push.example.de/message?token=<apptoken>" title="my title" message="my message" priority="5"
describe('Gotify’s documented examples (https://gotify.net/docs/pushmsg)', () => {
  const GOTIFY_ANSWER = { id: expect.any(Number), appid: expect.any(Number), date: expect.any(String) };

  it('curl -X POST "…/message?token=<apptoken>" -F "title=my title" -F "message=my message" -F "priority=5" (multipart)', async () => {
    const answer = await cli('/usr/bin/curl', ['-sS', '-X', 'POST', 'https://push.example.de/message?token=<apptoken>', '-F', 'title=my title', '-F', 'message=my message', '-F', 'priority=5']);
    expect(answer).toEqual({ ...GOTIFY_ANSWER, title: 'my title', message: 'my message', priority: 5, extras: { 'lull::item': { id: expect.any(String) } } });
    expect(Number.isSafeInteger(answer.id) && answer.appid > 0).toBe(true);
    expect(Math.abs(Date.parse(answer.date) - Date.now())).toBeLessThan(30_000);
    expect(item(answer.extras['lull::item'].id)).toMatchObject({ source: 'ci-bot', title: 'my title', body: 'my message', priority: 'normal' });
  });

  it('http -f POST "…/message?token=<apptoken>" title="my title" message="my message" priority="5" (HTTPie, urlencoded)', async () => {
    // --ignore-stdin: HTTPie reads a request body from stdin when it is not a terminal, as under a test runner.
    const answer = await cli('/usr/bin/http', ['--ignore-stdin', '-f', 'POST', 'https://push.example.de/message?token=<apptoken>', 'title=my title', 'message=my message', 'priority=5']);
    expect(answer).toEqual({ ...GOTIFY_ANSWER, title: 'my title', message: 'my message', priority: 5, extras: { 'lull::item': { id: expect.any(String) } } });
    expect(item(answer.extras['lull::item'].id)).toMatchObject({ source: 'ci-bot', title: 'my title', body: 'my message', priority: 'normal' });
  });

  it('JSON with X-Gotify-Key, priority 10 = urgent, the click extra as the link (https://gotify.net/docs/msgextras)', async () => {
    const body = JSON.stringify({ title: 'Disk full', message: 'db1 at 100 %', priority: 10, extras: { 'client::notification': { click: { url: 'https://grafana.example/d/disk' } } } });
    const answer = await cli('/usr/bin/curl', ['-sS', '-H', `X-Gotify-Key: ${notify}`, '-H', 'Content-Type: application/json', '-d', body, `http://${host}/message`]);
    expect(answer).toMatchObject({ title: 'Disk full', message: 'db1 at 100 %', priority: 10, extras: { 'client::notification': { click: { url: 'https://grafana.example/d/disk' } } } });
    expect(item(answer.extras['lull::item'].id)).toMatchObject({ title: 'Disk full', body: 'db1 at 100 %', priority: 'urgent', url: 'https://grafana.example/d/disk' });
  });

  it.each([
    ['8', 'high'],
    ['2', 'low'],
  ])('Bearer token, priority %s is %s; no title takes the message’s first line', async (priority, lull) => {
    const answer = await cli('/usr/bin/curl', ['-sS', '-H', `Authorization: Bearer ${notify}`, '--data-urlencode', 'message=Queue is long', '--data-urlencode', `priority=${priority}`, `http://${host}/message`]);
    expect(answer).toMatchObject({ title: 'Queue is long', message: 'Queue is long', priority: Number(priority) });
    expect(item(answer.extras['lull::item'].id)).toMatchObject({ title: 'Queue is long', priority: lull });
  });

  it('no message is a 400; the owner’s token posts as source "gotify"', async () => {
    const missing = await api.raw('POST', `/message?token=${notify}`, { headers: { 'content-type': 'application/json' }, body: '{"title":"only a title"}' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('invalid');
    const owner = await api.raw('POST', `/message?token=${api.token}`, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=hello' });
    expect(owner.status).toBe(200);
    expect(owner.json.appid).toBe(0);
    expect(item(owner.json.extras['lull::item'].id)).toMatchObject({ source: 'gotify', title: 'hello' });
  });
});
