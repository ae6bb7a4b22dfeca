// `lull secret set NAME | delete NAME | list [--json]` (PRODUCT.md §3.4, §5, §6): a mail or
// calendar password for Lull's secret store, read from stdin (a pipe's first line, or typed at a
// prompt without echo), never from the command line, where other users and the shell history see it.
import { errorBody } from '../service/errors.ts';
import { invokeContract, secretNameRequest } from '../../preload/contract.ts';
import { refusal } from './client.ts';
import { parse, say, usage, type Command } from './command.ts';
import { readSecret, type SecretInput } from './readSecret.ts';

/** The secret command, reading from `input` (stdin; tests pass their own). */
export function secretCommand(input: () => SecretInput = () => process.stdin): Command {
  return {
    usage: [
      'lull secret set NAME       (NAME: mail:<account> or calendar:<account>; reads the secret from stdin:',
      '                            printf \'%s\\n\' "$PASSWORD" | lull secret set mail:work)',
      'lull secret delete NAME',
      'lull secret list [--json]  (names only; a secret is never shown)',
    ].join('\n'),
    async run(args, api, out, err) {
      const [verb, ...rest] = args;
      if (verb === 'set' || verb === 'delete') {
        // More than NAME may be a secret typed on the command line: refused without repeating it.
        if (rest.length > 1) throw usage(`${say('secret.onlyName')}\n\n${this.usage}`);
        const { positionals } = parse(rest, {}, this.usage, 1);
        if (positionals[0] === undefined) throw usage(`NAME is required\n\n${this.usage}`);
        // The contract's own schemas, so a refusal reads exactly as Lull's answer would.
        const named = secretNameRequest.safeParse({ name: positionals[0] });
        if (!named.success) throw refusal(errorBody(named.error));
        const { name } = named.data;
        const client = api(); // Lull not running: exit 3 before asking for anything
        if (verb === 'delete') {
          await client.deleteSecret({ name });
          return out(say('secret.deleted', { name }));
        }
        const secret = await readSecret(input(), err, say('secret.prompt', { name }));
        if (secret === 'cancelled') throw usage(say('secret.cancelled'));
        if (secret === '') throw usage(say('secret.empty', { name }));
        const request = invokeContract['secrets:set'].request.safeParse({ name, secret });
        if (!request.success) throw refusal(errorBody(request.error));
        await client.setSecret(request.data);
        return out(say('secret.stored', { name }));
      }
      if (verb === 'list') {
        const { values } = parse(rest, { json: { type: 'boolean' } }, this.usage);
        const { names } = await api().listSecrets();
        if (values.json) return out(JSON.stringify(names, null, 2));
        if (names.length === 0) return err(say('secret.none'));
        return out(names.join('\n'));
      }
      throw usage(this.usage);
    },
  };
}
