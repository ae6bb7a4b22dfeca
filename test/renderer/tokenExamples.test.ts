// The ready-to-paste examples a new token comes with: each form exactly as the docs give it, a
// name that needs quoting stays one shell argument and one YAML string, and the curl example for
// Lull's own API, run by a real shell and curl (Debian package `curl`) against a real API
// server, posts with the token and the token's name as the source.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseUrlFor, ntfyAuthParam, ntfyTopic, shellQuote, tokenExamples } from '../../renderer/src/views/settings/tokenExamples.ts';
import { openApi, type Api } from '../api/apiHarness.ts';

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
    expect(parse(text('alertmanager'))).toEqual({ receivers: [{ name: 'ci', webhook_configs: [{ url: 'http://127.0.0.1:47615/v1/hooks/alertmanager', http_config: { authorization: { credentials: TOKEN } } }] }] });
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

describe('the curl example, run', () => {
  let api: Api | undefined;
  afterEach(() => api?.close());

  it('posts with the token through a real shell and curl; the token’s name is the source', async () => {
    api = await openApi();
    expect((await api.call('POST', '/v1/focus', { minutes: 30 })).status).toBe(201);
    const made = await api.lull.operations['tokens:create']({ name: 'nightly', scope: 'notify' });
    const example = tokenExamples(`http://127.0.0.1:${api.port}`, made.token, made.name).find((e) => e.id === 'curl')!;
    const { stdout } = await run('sh', ['-c', `${example.text} --silent --show-error --write-out ' %{http_code}'`]);
    const [json, status] = [stdout.slice(0, stdout.lastIndexOf(' ')), stdout.slice(stdout.lastIndexOf(' ') + 1)];
    expect(status).toBe('202');
    const { id } = JSON.parse(json) as { id: string };
    const held = await api.call('GET', '/v1/held');
    expect(held.json.items).toMatchObject([{ id, source: 'nightly', title: 'Deploy finished', body: 'All green' }]);
  });
});
