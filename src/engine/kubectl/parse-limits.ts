/**
 * Limits on what the engine reads, so that no input can hang or crash it. Where kubectl has the same
 * limit its text is used; where it has none, the message says that Podlife stops and why.
 */

/** Alias expansions per document: a "billion laughs" document is refused instead of expanding. */
export const MAX_ALIAS_COUNT = 100
/**
 * Nesting depth of a decoded value. go-yaml v2 stops at 10000 (`exceeded max depth of 10000`,
 * scannerc.go max_flow_level/max_indents) and apimachinery's JSON at 10000 too; the yaml package and
 * the engine's recursive walks (merges, JSON.stringify) run out of stack before that in a browser tab.
 */
export const MAX_DEPTH = 1000
export const DEPTH_MESSAGE = `Podlife stops at values nested more than ${MAX_DEPTH} levels deep (its parser and views recurse per level; kubectl's own limit is 10000)`
/** Objects in one manifest: each is sent, admitted and animated on its own. kubectl has no such limit. */
export const MAX_MANIFEST_DOCUMENTS = 500
export const documentsMessage = (max: number, what: string) =>
  `Podlife stops at ${max} documents in ${what} (kubectl has no such limit; each document is simulated and drawn on its own)`
/** YAML documents in a cluster file (a List's items do not count: a 150,000-pod List is one document). */
export const MAX_CLUSTER_DOCUMENTS = 10_000
/** Characters in a cluster file: the benchmark's 5,000-node, 150,000-pod cluster is about 45 MB. */
export const MAX_CLUSTER_CHARS = 64 * 1024 * 1024
export const STACK_MESSAGE = `Podlife ran out of stack reading this input: it is nested too deeply (the limit is ${MAX_DEPTH} levels)`

/**
 * Whether `e` is the engine running out of stack (V8 and SpiderMonkey say so differently). The yaml
 * package catches it while composing and hands it back as a YAMLError with the same message.
 */
export function isStackOverflow(e: unknown): boolean {
  if (e instanceof RangeError) return true
  const message = e instanceof Error ? e.message : ''
  return message.startsWith('Maximum call stack size exceeded') || message.startsWith('too much recursion')
}

/** Whether `value` nests lists and mappings more than `max` levels deep; iterative, so any depth is safe. */
export function isNestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= max) return true
    if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1])
    else
      for (const k in v) if (Object.hasOwn(v, k)) stack.push([(v as Record<string, unknown>)[k], depth + 1])
  }
  return false
}
