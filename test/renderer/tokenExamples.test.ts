// The ready-to-paste examples a new token comes with: each form's exact text, a name that needs
// quoting stays one shell argument and one YAML string, and each example run by its real client
// (sh + curl, Apprise, a real Prometheus Alertmanager) against a real API server lands its item,
// with the token's name as the source.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseUrlFor, ntfyAuthParam, ntfyTopic, shellQuote, tokenExamples } from '../../renderer/src/views/settings/tokenExamples.ts';
import { openApi, type Api } from '../api/apiHarness.ts';
import { compat } from '../../main/sources/compat/index.ts';
import { inbox } from '../../main/sources/inbox/index.ts';
import { webhooks } from '../../main/sources/webhooks/index.ts';
import { pollUntil, startAlertmanager } from '../support/alertmanager.ts';

const run = promisify(execFile);
const TOKEN = 'lull_n_AbC-123_xyz';
const BASE = 'http://127.0.0.1:47615';
const text = (id: string, name = 'ci', base = BASE): string => tokenExamples(base, TOKEN, name).find((e) => e.id === id)?.text ?? '';

describe('token examples', () => {
  it('gives every form with the base URL and the token filled in', () => {
    expect(tokenExamples(BASE, TOKEN, 'ci').map((e) => e.id)).toEqual(['curl', 'curl-ntfy', 'ntfy', 'ntfy-url', 'apprise', 'apprise-urls', 'gotify', 'alertmanager']);
    expect(text('curl')).toBe(
      [
        "curl 'http://127.0.0.1:47615/v1/notifications' \\",
        `  -H 'Authorization: Bearer ${TOKEN}' \\`,
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"title":"Deploy finished","body":"All green"}'`,
      ].join('\n'),
    );
    expect(text('curl-ntfy')).toBe(`curl -H 'Authorization: Bearer ${TOKEN}' \\\n  -H 'Title: Deploy finished' \\\n  -d 'All green' 'http://127.0.0.1:47615/ci'`);
    expect(text('ntfy')).toBe(`ntfy publish --token '${TOKEN}' --title 'Deploy finished' 'http://127.0.0.1:47615/ci' 'All green'`);
    expect(text('ntfy-url')).toBe(`http://127.0.0.1:47615/ci/publish?title=Deploy+finished&message=All+green&auth=${ntfyAuthParam(TOKEN)}`);
    expect(text('apprise')).toBe(`apprise -t 'Deploy finished' -b 'All green' \\\n  'ntfy://lull:${TOKEN}@127.0.0.1:47615/ci'`);
    expect(text('apprise-urls').split('\n')).toEqual([`ntfy://lull:${TOKEN}@127.0.0.1:47615/ci`, `gotify://127.0.0.1:47615/${TOKEN}`, `json://127.0.0.1:47615/?+Authorization=Bearer%20${TOKEN}`]);
    expect(text('gotify')).toBe(`curl 'http://127.0.0.1:47615/message?token=${TOKEN}' \\\n  -F 'title=Deploy finished' -F 'message=All green' -F 'priority=5'`);
    expect(parse(text('alertmanager'))).toEqual({ receivers: [{ name: 'ci', webhook_configs: [{ url: 'http://127.0.0.1:47615/v1/hooks/alertmanager', send_resolved: true, http_config: { authorization: { credentials: TOKEN } } }] }] });
    // ntfy's ?auth= is the Authorization value in unpadded base64url.
    expect(Buffer.from(ntfyAuthParam(TOKEN), 'base64url').toString()).toBe(`Bearer ${TOKEN}`);
    expect(ntfyAuthParam(TOKEN)).not.toMatch(/[=+/]/);
  });

  it('writes the samples in the language given, and a base URL with a trailing slash once', () => {
    const sv = tokenExamples(`${BASE}/`, TOKEN, 'ci', { title: 'Bygget klart', message: 'Alla tester gick igenom' });
    expect(sv[0]?.text).toContain(`'http://127.0.0.1:47615/v1/notifications'`);
    expect(sv[0]?.text).toContain('{"title":"Bygget klart","body":"Alla tester gick igenom"}');
  });

  it('keeps an awkward name one shell argument, one YAML string and a valid ntfy topic', async () => {
    const name = "Tom's nightly backup";
    expect(ntfyTopic(name)).toBe('Tom-s-nightly-backup');
    expect(ntfyTopic('   ')).toBe('lull');
    expect(ntfyTopic('x'.repeat(80))).toHaveLength(64);
    expect(parse(text('alertmanager', name)).receivers[0].name).toBe(name);
    const { stdout } = await run('sh', ['-c', `printf '%s|' ${shellQuote(name)} ${shellQuote("it's")}`]);
    expect(stdout).toBe("Tom's nightly backup|it's|");
  });

  it('uses the page’s origin when served over HTTP, else the API port (the app’s lull:// window)', () => {
    expect(baseUrlFor({ protocol: 'http:', origin: 'http://127.0.0.1:50123' }, 47615)).toBe('http://127.0.0.1:50123');
    expect(baseUrlFor({ protocol: 'lull:', origin: 'null' }, 47615)).toBe('http://127.0.0.1:47615');
  });
});

describe('every example, run as shown', () => {
  let api: Api | undefined;
  afterEach(() => api?.close());

  // The ntfy CLI (`ntfy publish`) is not packaged for Debian, so that one example is checked by its text above only.
  it('each posts with the token through its real client (sh + curl, apprise, Alertmanager, a browser-style GET); the item lands as the page says', async () => {
    api = await openApi({}, { doors: [inbox, compat, webhooks] });
    expect((await api.call('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    const made = await api.lull.operations['tokens:create']({ name: 'nightly', scope: 'notify' });
    const examples = new Map(tokenExamples(`http://127.0.0.1:${api.port}`, made.token, made.name).map((e) => [e.id, e.text]));
    const held = async () => ((await api!.call('GET', '/v1/held?limit=1000')).json.items as { source: string; title: string; body?: string }[]);
    const lands = async (what: string, post: () => Promise<unknown>, source = 'nightly', count = 1) => {
      const before = (await held()).length;
      await post();
      const got = (await held()).slice(before);
      expect(got, what).toHaveLength(count);
      for (const item of got) expect(item, what).toMatchObject({ source, title: 'Deploy finished', body: 'All green' });
    };
    const sh = (script: string) => run('sh', ['-e', '-c', `${script} >/dev/null`]);
    await lands('curl', () => sh(`${examples.get('curl')} --fail`));
    await lands('curl-ntfy', () => sh(`${examples.get('curl-ntfy')} --fail`));
    await lands('ntfy-url', async () => expect((await fetch(examples.get('ntfy-url')!)).status).toBe(200));
    await lands('apprise', () => sh(examples.get('apprise')!));
    const urls = examples.get('apprise-urls')!.split('\n');
    await lands('apprise-urls', async () => {
      for (const url of urls) await run('apprise', ['-t', 'Deploy finished', '-b', 'All green', url]);
    }, 'nightly', 3);
    await lands('gotify', () => sh(`${examples.get('gotify')} --fail`));
    const am = await startAlertmanager({ receivers: examples.get('alertmanager')! });
    try {
      const before = (await held()).length;
      const startsAt = new Date().toISOString();
      await am.post([{ labels: { alertname: 'Deploy' }, annotations: { summary: 'Deploy finished', description: 'All green' }, startsAt, endsAt: new Date(Date.now() + 3_600_000).toISOString() }]);
      const got = await pollUntil(`the alert\n${am.log().slice(-2000)}`, 20_000, async () => ((await held()).length > before ? (await held()).slice(before) : undefined));
      expect(got).toMatchObject([{ source: 'nightly', title: 'Deploy finished', body: 'All green' }]);
    } finally {
      await am.stop();
    }
  }, 60_000);
});
