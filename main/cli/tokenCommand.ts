// `lull token new NAME | list [--json] | revoke ID` (PRODUCT.md §4, §5): notify-only tokens for
// a CI job, a monitor or a script. `new` prints the token alone on stdout, so
// `TOKEN=$(lull token new ci)` captures it; what a person should know goes to stderr.
import { errorBody } from '../service/errors.ts';
import { newTokenSchema } from '../../preload/contract.ts';
import { refusal } from './client.ts';
import { parse, say, usage, type Command } from './command.ts';
import { formatTokens } from './format.ts';

export const token: Command = {
  usage: [
    'lull token new NAME        (prints the new notify-only token alone on stdout: TOKEN=$(lull token new ci))',
    'lull token list [--json]',
    'lull token revoke ID',
  ].join('\n'),
  async run(args, api, out, err) {
    const [verb, ...rest] = args;
    if (verb === 'new') {
      const { positionals } = parse(rest, {}, this.usage, 1);
      if (positionals[0] === undefined) throw usage(`NAME is required\n\n${this.usage}`);
      // The contract's own schema, so a refused name reads exactly as Lull's answer would.
      const request = newTokenSchema.safeParse({ name: positionals[0], scope: 'notify' });
      if (!request.success) throw refusal(errorBody(request.error));
      const made = await api().createToken(request.data);
      out(made.token);
      err(say('token.made', { name: made.name, id: made.id }));
      return;
    }
    if (verb === 'list') {
      const { values } = parse(rest, { json: { type: 'boolean' } }, this.usage);
      const { tokens } = await api().listTokens();
      out(values.json ? JSON.stringify(tokens, null, 2) : formatTokens(tokens));
      return;
    }
    if (verb === 'revoke') {
      const { positionals } = parse(rest, {}, this.usage, 1);
      if (positionals[0] === undefined) throw usage(`ID is required (see lull token list)\n\n${this.usage}`);
      const { revoked } = await api().revokeToken({ id: positionals[0] });
      out(say('token.revoked', { name: revoked.name, id: revoked.id }));
      return;
    }
    throw usage(this.usage);
  },
};
