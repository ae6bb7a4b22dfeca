// A passwordCommand typed as one line, split into the argv Lull runs without a shell: spaces
// separate words; '…' keeps everything as is; "…" keeps all but \" and \\; a backslash outside
// quotes keeps the next character. No variables, globs or pipes: nothing here is a shell.

export type SplitCommand = { ok: true; argv: string[] } | { ok: false; error: 'unclosed-quote' | 'trailing-backslash' };

export function splitCommandLine(line: string): SplitCommand {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { ok: false, error: 'trailing-backslash' };
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, error: 'unclosed-quote' };
  if (inWord) argv.push(word);
  return { ok: true, argv };
}

/** The argv as a line that splits back into the same argv (single quotes where a word needs them). */
export function joinCommandLine(argv: readonly string[]): string {
  return argv.map((word) => (word !== '' && /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(' ');
}
