// The commands of `lull` (PRODUCT.md §5), each a thin call of the local API through the
// contract's typed client; limits are the vocabulary's.
import { weeklyReportCsv } from '../core/reportCsv.ts';
import { LIMITS } from '../core/vocabulary.ts';
import { errorBody } from '../service/errors.ts';
import { notificationSchema } from '../core/incoming.ts';
import { weekQuerySchema } from '../../preload/contract.ts';
import { refusal } from './client.ts';
import { parse, say, usage, type Command } from './command.ts';
import { formatReport, formatStatus } from './format.ts';
import { secretCommand } from './secretCommand.ts';
import { token } from './tokenCommand.ts';

export type { Command };

export const commands: Record<string, Command> = {
  notify: {
    usage: 'lull notify --source S --title T [--body B] [--sender X] [--url U] [--priority low|normal|high|urgent]',
    async run(args, api, out) {
      const opts = { source: { type: 'string' }, title: { type: 'string' }, body: { type: 'string' }, sender: { type: 'string' }, url: { type: 'string' }, priority: { type: 'string' } } as const;
      const { values } = parse(args, opts, this.usage);
      if (!values.source || !values.title) throw usage(`--source and --title are required\n\n${this.usage}`);
      const client = api();
      // The inbox's own schema, so a refusal reads exactly as Lull's answer would.
      const notification = notificationSchema.safeParse(values);
      if (!notification.success) throw refusal(errorBody(notification.error));
      // The CLI has no --expires-at: what it sends has no time to turn back into ISO-8601.
      const { expiresAt: _none, ...request } = notification.data;
      const r = await client.postNotification(request);
      out(say(r.disposition, { id: r.id, rule: r.rule }));
    },
  },
  focus: {
    usage: 'lull focus start [MINUTES | --until-next-batch]\nlull focus stop',
    async run(args, api, out) {
      const [verb, ...rest] = args;
      if (verb === 'stop') {
        parse(rest, {}, this.usage);
        const r = await api().stopFocus();
        return out(say('focusEnded', { released: r.released }));
      }
      if (verb !== 'start') throw usage(this.usage);
      const { values, positionals } = parse(rest, { 'until-next-batch': { type: 'boolean' } }, this.usage, 1);
      const minutes = positionals[0] === undefined ? undefined : Number(positionals[0]);
      const { min, max } = LIMITS.focusMinutes;
      if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < min || minutes > max)) throw usage(`MINUTES must be a whole number from ${min} to ${max}\n\n${this.usage}`);
      if (minutes !== undefined && values['until-next-batch']) throw usage(`give MINUTES or --until-next-batch, not both\n\n${this.usage}`);
      await api().startFocus(values['until-next-batch'] ? { until: 'next-batch' } : { minutes: minutes ?? 50 });
      out(formatStatus(await api().getStatus()));
    },
  },
  release: {
    usage: 'lull release',
    async run(args, api, out) {
      parse(args, {}, this.usage);
      const r = await api().releaseNow();
      out(r.released ? say('released', { released: r.released }) : say('nothingHeld'));
    },
  },
  status: {
    usage: 'lull status [--json]',
    async run(args, api, out) {
      const { values } = parse(args, { json: { type: 'boolean' } }, this.usage);
      const s = await api().getStatus();
      out(values.json ? JSON.stringify(s, null, 2) : formatStatus(s));
    },
  },
  report: {
    usage: 'lull report [--week 2026-W47] [--csv]',
    async run(args, api, out) {
      const { values } = parse(args, { week: { type: 'string' }, csv: { type: 'boolean' } }, this.usage);
      const query = weekQuerySchema.safeParse(values.week === undefined ? {} : { week: values.week });
      if (!query.success) throw usage(`--week must look like 2026-W47\n\n${this.usage}`);
      const r = await api().weeklyReport(query.data);
      out(values.csv ? weeklyReportCsv(r).trimEnd() : formatReport(r));
    },
  },
  open: {
    usage: 'lull open   (prints a new one-time login link to the dashboard)',
    async run(args, api, out) {
      parse(args, {}, this.usage);
      out((await api().loginLink()).url);
    },
  },
  token,
  secret: secretCommand(),
};
