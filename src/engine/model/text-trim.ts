/**
 * Trimming user text without regular expressions. An expression such as `/=+$/` or `/\s*$/` is
 * retried from every position of a long run that is not at the end (V8's backtracking engine has no
 * end anchor shortcut), so 200,000 '=' followed by one letter costs 2·10¹⁰ steps. These loops look at
 * each character once. Go's regexp package is linear (RE2), so upstream never meets this; the
 * engine must not either. Tested in regex-linearity.test.ts.
 */

/** `text` without the run of characters at its end for which `isTrimmed` holds. */
export function trimEndWhile(text: string, isTrimmed: (c: string) => boolean): string {
  let end = text.length
  while (end > 0 && isTrimmed(text[end - 1]!)) end--
  return end === text.length ? text : text.slice(0, end)
}

/** The run of characters at the end of `text` for which `isTrimmed` holds. */
export function trailingRun(text: string, isTrimmed: (c: string) => boolean): string {
  let end = text.length
  while (end > 0 && isTrimmed(text[end - 1]!)) end--
  return text.slice(end)
}

/** What `\s` matches in JavaScript: WhiteSpace and LineTerminator (ECMA-262 CharacterClassEscape). */
export function isJsWhitespace(c: string): boolean {
  return c.trim() === '' && c !== ''
}
