// Runs a real Dovecot IMAP server (Debian's dovecot-imapd) for a test, as ../shared/recipes/dovecot.sh
// tried it: its own config in a temp dir (nothing under /etc/dovecot is read), on loopback, one
// passwd-file user, maildir under the temp dir, as nobody (setpriv) when the test runs as root.
// Plain IMAP (STARTTLS offered) on `port`, IMAPS with a fresh self-signed certificate on `tlsPort`.
// Mail is put in and looked at with Python's imaplib — a client nobody here wrote — so what the
// test asserts about the server (flags, counts) is what the server says, not what Lull believes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, giveToNobody, NOBODY, pollUntil } from './daemon.ts';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
const LDA_BIN = '/usr/lib/dovecot/dovecot-lda';
const PYTHON = '/usr/bin/python3';

export interface MailMessage {
  from: string;
  subject: string;
  /** With the angle brackets; a fresh one when absent. */
  messageId?: string;
  to?: string;
  body?: string;
  /** IMAP flags to APPEND with, e.g. ['\\Seen']; none (unread) by default. */
  flags?: readonly string[];
  /** The mailbox to APPEND to; INBOX by default. */
  mailbox?: string;
  /** Seconds to wait before this one is APPENDed (a steady trickle rather than a burst). */
  pause?: number;
}

export interface Appended {
  messageId: string;
  /** Epoch ms when the server answered the APPEND. */
  at: number;
}

export interface RunningDovecot {
  host: '127.0.0.1';
  port: number;
  tlsPort: number;
  user: string;
  password: string;
  /** The self-signed certificate IMAPS presents (PEM), for a client that should trust it. */
  certPath: string;
  dir: string;
  /** APPENDs the messages in order over one connection. */
  append(messages: readonly MailMessage[]): Promise<Appended[]>;
  /**
   * Delivers ASCII messages as the mail system does (dovecot-lda, straight into the maildir): this
   * works while the server is down, as mail keeps arriving at a real server whose IMAP side is away.
   */
  deliver(messages: readonly Pick<MailMessage, 'from' | 'subject'>[]): Appended[];
  /** Every message's UID and flags, as the server reports them (FETCH 1:* (UID FLAGS)). */
  flags(mailbox?: string): Promise<{ uid: number; flags: string[] }[]>;
  /** Runs a small imaplib program against the server; `M` is a logged-in IMAP4 connection. */
  python(body: string, args?: readonly string[]): Promise<string>;
  /** How many logins succeeded, and how many failed for a wrong password, since start (its log). */
  logins(): { ok: number; failed: number };
  log(): string;
  /** Stops the server and every session it runs (a real outage); the mail stays. */
  down(): Promise<void>;
  /** Starts it again on the same ports with the same mail. */
  up(): Promise<void>;
  /** While down: forgets the INBOX's UIDs (its uidlist and index), so it comes up with a new UIDVALIDITY, as after a server migration. */
  renumber(): void;
  /** down(), and the temp dir removed. */
  stop(): Promise<void>;
}

export interface DovecotStart {
  user?: string;
  password?: string;
}

function config(dir: string, port: number, tlsPort: number): string {
  return `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = lull-test-${port}
default_login_user = nobody
default_internal_user = nobody
default_internal_group = nogroup
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
}
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
ssl = yes
ssl_cert = <${dir}/tls/cert.pem
ssl_key = <${dir}/tls/key.pem
service anvil {
  chroot =
}
service ipc {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
    ssl = yes
  }
}
`;
}

// Python's imaplib, logged in; the caller's lines run with M, json, sys and the args.
const PY_PRELUDE = `import imaplib, json, sys, time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
host, port, user, pw = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
args = sys.argv[5:]
M = imaplib.IMAP4(host, port, timeout=10)
M.login(user, pw)
`;

const APPEND = `
out = []
for m in json.loads(sys.stdin.read()):
    msg = EmailMessage()
    msg["From"] = m["from"]
    msg["To"] = m.get("to") or "ann@example.test"
    msg["Subject"] = m["subject"]
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = m.get("messageId") or make_msgid(domain="example.test")
    msg.set_content(m.get("body") or "Hello.\\n")
    flags = "(" + " ".join(m.get("flags") or []) + ")" if m.get("flags") else None
    if m.get("pause"):
        time.sleep(m["pause"])
    typ, data = M.append(m.get("mailbox") or "INBOX", flags, imaplib.Time2Internaldate(time.time()), msg.as_bytes())
    if typ != "OK":
        sys.exit("APPEND failed: %r" % (data,))
    out.append({"messageId": msg["Message-ID"], "at": time.time() * 1000})
M.logout()
print(json.dumps(out))
`;

const FLAGS = `
typ, data = M.select(args[0], readonly=True)
n = int(data[0])
out = []
if n:
    typ, rows = M.fetch("1:*", "(UID FLAGS)")
    import re
    for row in rows:
        s = row.decode() if isinstance(row, bytes) else row[0].decode()
        uid = int(re.search(r"UID (\\d+)", s).group(1))
        flags = re.search(r"FLAGS \\(([^)]*)\\)", s).group(1).split()
        out.append({"uid": uid, "flags": flags})
M.logout()
print(json.dumps(out))
`;

export async function startDovecot(opts: DovecotStart = {}): Promise<RunningDovecot> {
  const user = opts.user ?? 'ann';
  const password = opts.password ?? 's3cret pass';
  const dir = mkdtempSync(join(tmpdir(), 'lull-dovecot-'));
  for (const sub of ['run', 'state', 'tls', `home/${user}`]) mkdirSync(join(dir, sub), { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'tls/key.pem'), '-out', join(dir, 'tls/cert.pem')], { stdio: 'ignore' });
  writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}:${NOBODY}:${NOBODY}::${join(dir, 'home', user)}::\n`);
  const port = await freePort();
  let tlsPort = await freePort();
  while (tlsPort === port) tlsPort = await freePort();
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, tlsPort));
  const root = process.getuid?.() === 0;
  if (root) giveToNobody(dir);

  let proc: ChildProcess | null = null;
  let output = '';
  const logFile = join(dir, 'dovecot.log');
  const readLog = (): string => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  const up = async (): Promise<void> => {
    const args = ['-c', join(dir, 'dovecot.conf'), '-F'];
    const [command, argv] = root ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', DOVECOT_BIN, ...args]] : [DOVECOT_BIN, args];
    // Its own process group: down() stops the master and every imap session it forked.
    const started = spawn(command, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    proc = started;
    started.stdout!.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-32 * 1024)));
    started.stderr!.on('data', (c: Buffer) => (output = (output + c.toString('utf8')).slice(-32 * 1024)));
    await pollUntil('the Dovecot greeting', 15_000, async () => {
      if (started.exitCode !== null || started.signalCode !== null) throw new Error(`dovecot exited (${started.exitCode ?? started.signalCode}):\n${output}\n${readLog()}`);
      return (await greets(port)) ? true : undefined;
    });
  };

  const down = async (): Promise<void> => {
    const running = proc;
    if (!running) return;
    proc = null;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-running.pid!, sig);
      } catch {
        // already gone
      }
    };
    const gone = exited(running);
    signal('SIGTERM');
    const late = setTimeout(() => signal('SIGKILL'), 5000);
    await gone;
    clearTimeout(late);
    signal('SIGKILL'); // sessions that outlive their master (the recipe's "outage A")
    await pollUntil('the IMAP port to close', 5000, async () => ((await greets(port)) ? undefined : true));
  };

  const python = (body: string, args: readonly string[] = [], input = ''): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(PYTHON, ['-c', PY_PRELUDE + body, '127.0.0.1', String(port), user, password, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`imaplib exited ${code}: ${err}`))));
      child.stdin.end(input);
    });

  await up();
  return {
    host: '127.0.0.1',
    port,
    tlsPort,
    user,
    password,
    certPath: join(dir, 'tls/cert.pem'),
    dir,
    python: (body, args) => python(body, args),
    append: async (messages) => JSON.parse(await python(APPEND, [], JSON.stringify(messages))) as Appended[],
    deliver(messages) {
      return messages.map((m) => {
        const messageId = `<${randomUUID()}@example.test>`;
        const text = [`From: ${m.from}`, `To: ${user}@example.test`, `Subject: ${m.subject}`, `Message-ID: ${messageId}`, `Date: ${new Date().toUTCString()}`, '', 'Hello.', ''].join('\r\n');
        // Without -d, dovecot-lda takes the user from USER and HOME: no auth service is needed.
        const lda = [LDA_BIN, '-c', join(dir, 'dovecot.conf')];
        const [command, argv] = root ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...lda]] : [lda[0]!, lda.slice(1)];
        execFileSync(command, argv, { input: text, env: { USER: user, HOME: join(dir, 'home', user), PATH: '/usr/bin:/bin' }, stdio: ['pipe', 'ignore', 'pipe'] });
        return { messageId, at: Date.now() };
      });
    },
    flags: async (mailbox = 'INBOX') => JSON.parse(await python(FLAGS, [mailbox])) as { uid: number; flags: string[] }[],
    logins() {
      const log = readLog();
      return {
        ok: (log.match(/imap-login: Info: Login: user=</g) ?? []).length,
        failed: (log.match(/imap-login: Info: (?:Disconnected|Aborted login)[^(\n]*\(auth failed/g) ?? []).length,
      };
    },
    log: () => `${output}\n${readLog()}`,
    down,
    up,
    renumber() {
      if (proc) throw new Error('renumber() while Dovecot is running');
      const maildir = join(dir, 'home', user, 'Maildir');
      for (const name of readdirSync(maildir)) if (name.startsWith('dovecot')) rmSync(join(maildir, name), { recursive: true, force: true });
    },
    async stop() {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether an IMAP greeting comes from the port. */
async function greets(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('* OK')));
  });
}
