// Terminal text: wrapped at word boundaries to the width, continuation lines indented under the
// first line's text (a hanging indent), so nothing is broken mid-word.

/** The visible length of a string, without ANSI colour codes. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape codes are what we strip
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}

/** Stands for a space that must not break a line: a private-use character, not white space to `split`. */
const KEEP_TOGETHER = '\uE000';

/**
 * Wraps one paragraph to `width` columns: the first line starts with `first`, the rest with
 * `rest` (spaces of the same width for a hanging indent). A word longer than a line stays whole.
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(visibleLength(first))): string[] {
  // A number stays on the line of its unit ("10 s", "2 min"): joined by a placeholder while splitting.
  const words = text
    .replace(/(\d) (s|ms|min)\b/g, `$1${KEEP_TOGETHER}$2`)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replaceAll(KEEP_TOGETHER, ' '));
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && visibleLength(candidate) > width) {
      lines.push(line);
      line = `${rest}${word}`;
    } else line = candidate;
    empty = false;
  }
  lines.push(line);
  return lines;
}
