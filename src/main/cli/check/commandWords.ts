// Characters a shell would treat as syntax (pipes, lists, redirections, substitutions): a
// command line that needs them is a shell script, which is not what --launch runs.
const SHELL_SYNTAX = new Set(['|', '&', ';', '<', '>', '(', ')', '`', '$']);
// Outside single quotes a backslash escapes only these, so Windows paths keep their backslashes.
const ESCAPABLE = new Set([' ', '\t', '"', "'", '\\', '$', '`']);

/**
 * Splits a command line into words the way a POSIX shell does for simple commands: whitespace
 * separates words, single quotes keep everything, double quotes keep everything but `\"` and
 * `\\`, and a backslash escapes a space or a quote. Expansions and shell operators are refused
 * (as a problem in words) rather than passed on literally.
 */
export function splitCommandWords(text: string): { words: string[] } | { problem: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const next = text[index + 1];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) word += text[++index];
      else if (char === '$' || char === '`') return { problem: `it uses ${char}, a shell expansion; write the value itself.` };
      else word += char;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (char === '"' || char === "'") quote = char;
      else if (char === '\\' && next !== undefined && ESCAPABLE.has(next)) word += text[++index];
      else if (SHELL_SYNTAX.has(char)) return { problem: `"${char}" is shell syntax; only one command, without pipes, redirections or expansions, can run.` };
      else word += char;
    }
  }
  if (quote) return { problem: `a ${quote} quote is not closed.` };
  if (inWord) words.push(word);
  return { words };
}
