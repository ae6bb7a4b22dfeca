// Ready-to-paste ways to reach Lull with a notify-only token (PRODUCT.md §3.3, §4): Lull's own
// inbox, ntfy's publishing forms, Apprise URLs, Gotify and an Alertmanager receiver, with the real
// base URL and token filled in. Pure, so each form is checked in a test (and against
// docs/integrations.md); the view only names them and shows them.

export type TokenExampleId = 'curl' | 'curl-ntfy' | 'ntfy' | 'ntfy-url' | 'apprise' | 'apprise-urls' | 'gotify' | 'alertmanager';

export interface TokenExample {
  /** Which form this is; the view names it in the user's language (`tokens.example.<id>`). */
  id: TokenExampleId;
  text: string;
}

/** What the examples post, in the user's language (ASCII is safest in headers such as ntfy's Title). */
export interface ExampleMessage {
  title: string;
  message: string;
}

/** One argument for a POSIX shell: single-quoted, a quote inside written as '\''. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A YAML single-quoted scalar ('' for a quote). */
const yamlQuote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The ntfy topic for a token's name: ntfy (and Apprise's ntfy:// parser) take topics of letters,
 * digits, _ and - (at most 64), so anything else becomes "-". The topic is the source of what is
 * posted there, so for a name such as "ci" or "backups" it is the name itself.
 */
export function ntfyTopic(name: string): string {
  const topic = name.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return topic || 'lull';
}

/** ntfy's `?auth=`: the Authorization header's value in unpadded base64url. */
export function ntfyAuthParam(token: string): string {
  const bytes = new TextEncoder().encode(`Bearer ${token}`);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function tokenExamples(baseUrl: string, token: string, name: string, sample: ExampleMessage = { title: 'Deploy finished', message: 'All green' }): TokenExample[] {
  const base = baseUrl.replace(/\/+$/, '');
  const hostPort = new URL(base).host;
  const topic = ntfyTopic(name);
  const { title, message } = sample;
  const query = new URLSearchParams({ title, message, auth: ntfyAuthParam(token) }).toString();
  return [
    {
      id: 'curl',
      // No "source": a notify token's name is the source of what it posts.
      text: [`curl ${shellQuote(`${base}/v1/notifications`)} \\`, `  -H ${shellQuote(`Authorization: Bearer ${token}`)} \\`, `  -H 'Content-Type: application/json' \\`, `  -d ${shellQuote(JSON.stringify({ title, body: message }))}`].join('\n'),
    },
    {
      id: 'curl-ntfy',
      text: [`curl -H ${shellQuote(`Authorization: Bearer ${token}`)} \\`, `  -H ${shellQuote(`Title: ${title}`)} \\`, `  -d ${shellQuote(message)} ${shellQuote(`${base}/${topic}`)}`].join('\n'),
    },
    { id: 'ntfy', text: `ntfy publish --token ${shellQuote(token)} --title ${shellQuote(title)} ${shellQuote(`${base}/${topic}`)} ${shellQuote(message)}` },
    { id: 'ntfy-url', text: `${base}/${topic}/publish?${query}` },
    // Apprise 1.2 sends no credentials for ntfy:// without a user, so the URL names one ("lull"; any will do).
    { id: 'apprise', text: `apprise -t ${shellQuote(title)} -b ${shellQuote(message)} \\\n  ${shellQuote(`ntfy://lull:${token}@${hostPort}/${topic}`)}` },
    { id: 'apprise-urls', text: [`ntfy://lull:${token}@${hostPort}/${topic}`, `gotify://${hostPort}/${token}`, `json://${hostPort}/?+Authorization=Bearer%20${token}`].join('\n') },
    {
      id: 'gotify',
      text: [`curl ${shellQuote(`${base}/message?token=${token}`)} \\`, `  -F ${shellQuote(`title=${title}`)} -F ${shellQuote(`message=${message}`)} -F 'priority=5'`].join('\n'),
    },
    {
      id: 'alertmanager',
      // The receiver's name is the source of the alerts it sends.
      text: ['receivers:', `  - name: ${yamlQuote(name)}`, '    webhook_configs:', `      - url: ${yamlQuote(`${base}/v1/hooks/alertmanager`)}`, '        send_resolved: true', '        http_config:', '          authorization:', `            credentials: ${yamlQuote(token)}`].join('\n'),
    },
  ];
}

/**
 * Where tools reach this Lull: the page's own origin when the dashboard is served over HTTP (the
 * headless host), else the API's loopback port from the settings (the app's lull:// window).
 */
export function baseUrlFor(location: { protocol: string; origin: string }, apiPort: number): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : `http://127.0.0.1:${apiPort}`;
}
