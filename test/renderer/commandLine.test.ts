// The passwordCommand field: a line split into argv with simple quoting, and back.
import { describe, expect, it } from 'vitest';
import { joinCommandLine, splitCommandLine } from '../../renderer/src/views/settings/commandLine.ts';

describe('splitCommandLine', () => {
  it.each([
    ['pass show mail/work', ['pass', 'show', 'mail/work']],
    ['  secret-tool   lookup  service imap ', ['secret-tool', 'lookup', 'service', 'imap']],
    [`op read "op://Private/Mail account/password"`, ['op', 'read', 'op://Private/Mail account/password']],
    [`sh -c 'echo $HOME | tr a b'`, ['sh', '-c', 'echo $HOME | tr a b']],
    [`printf "%s\\n" "say \\"hi\\" \\\\ there"`, ['printf', '%s\\n', 'say "hi" \\ there']],
    [`a\\ b c`, ['a b', 'c']],
    [`x '' ""`, ['x', '', '']],
    [`pre'fix'"ed"`, ['prefixed']],
    ['', []],
  ])('%s', (line, argv) => {
    expect(splitCommandLine(line)).toEqual({ ok: true, argv });
  });

  it('refuses an unclosed quote and a trailing backslash', () => {
    expect(splitCommandLine(`pass show "mail/work`)).toEqual({ ok: false, error: 'unclosed-quote' });
    expect(splitCommandLine(`pass show 'x`)).toEqual({ ok: false, error: 'unclosed-quote' });
    expect(splitCommandLine('pass show \\')).toEqual({ ok: false, error: 'trailing-backslash' });
  });

  it('joins an argv into a line that splits back into it', () => {
    for (const argv of [['pass', 'show', 'mail/work'], ['op', 'read', 'op://Private/Mail account/password'], ['sh', '-c', "it's $HOME"], ['x', '', 'a"b\\c']]) {
      const line = joinCommandLine(argv);
      expect(splitCommandLine(line), line).toEqual({ ok: true, argv });
    }
    expect(joinCommandLine(['pass', 'show', 'mail/work'])).toBe('pass show mail/work');
  });
});
