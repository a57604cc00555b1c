/**
 * Share links: the whole situation a teacher shows (manifest, cluster, who runs kubectl with which
 * verb and namespace, seed, the step, the open component, the lesson and its stop) packed into the
 * URL's fragment. The engine is deterministic, so opening the link re-runs the same input and lands on
 * the same step, offline and without a server; the fragment never leaves the browser.
 *
 * Format: `#s=<version>.<base64url(deflate(JSON))>`. A link that is cut short, tampered with or made by
 * a newer Podlife decodes to an error the app shows while it keeps its last good state.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { COMPONENT_IDS, MAX_MANIFEST_BYTES, type ComponentId } from '../engine/index'
import type { KubectlVerb } from './create-app-store'

/** The version of the link format this Podlife writes and reads. */
export const SHARE_FORMAT = 1
/**
 * A cluster whose compressed form is larger than this is left out of the link (a chat or an LMS cuts
 * long URLs; Chromium itself accepts 2 MB). The sender is told and offered the file instead.
 */
export const MAX_LINK_CLUSTER_BYTES = 24_000
/** Nothing a link decompresses to may be larger than this (a deflate bomb is refused, not inflated). */
const MAX_INFLATED = 8 * 1024 * 1024

export interface SharedState {
  readonly manifest: string
  /** The cluster file's text; null: the built-in cluster. */
  readonly cluster: string | null
  /** Set when the sender's cluster was too large for the link: its size in characters. */
  readonly clusterOmitted: number | null
  readonly runAs: { readonly identity: string; readonly verb: KubectlVerb; readonly namespace: string }
  readonly seed: number
  /** The cursor's event index (-1: before the first). */
  readonly index: number
  readonly selected: ComponentId | null
  readonly scenario: { readonly id: string; readonly title: string; readonly lesson: string } | null
  readonly lesson: { readonly id: string; readonly stop: number } | null
  readonly presenter: boolean
}

export type Decoded = { ok: true; state: SharedState } | { ok: false; error: string }

const VERBS: readonly KubectlVerb[] = ['apply', 'create', 'apply --server-side']

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  } catch {
    return null
  }
}

const pack = (value: unknown): string =>
  toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))

/** What a link would carry for this cluster: the text, or null with the size when it is too large. */
export function clusterForLink(
  cluster: string,
  builtIn: string,
): { text: string | null; omitted: number | null } {
  if (cluster === builtIn) return { text: null, omitted: null }
  // Kubernetes YAML deflates about 10–20×: a file 50× the budget cannot fit, so do not spend seconds trying.
  if (cluster.length > 50 * MAX_LINK_CLUSTER_BYTES) return { text: null, omitted: cluster.length }
  const packed = deflateSync(strToU8(cluster), { level: 9 })
  return packed.length > MAX_LINK_CLUSTER_BYTES
    ? { text: null, omitted: cluster.length }
    : { text: cluster, omitted: null }
}

/** The fragment (`s=…`, without '#') that reproduces `state`. */
export function encodeShare(state: SharedState): string {
  // Short keys: the default scenario's link should fit in a chat message.
  const body: Record<string, unknown> = { m: state.manifest, i: state.index }
  if (state.cluster !== null) body.c = state.cluster
  if (state.clusterOmitted !== null) body.co = state.clusterOmitted
  if (state.runAs.identity !== 'admin') body.u = state.runAs.identity
  if (state.runAs.verb !== 'apply') body.v = state.runAs.verb
  if (state.runAs.namespace) body.n = state.runAs.namespace
  if (state.seed !== 1) body.s = state.seed
  if (state.selected) body.o = state.selected
  if (state.scenario) body.sc = [state.scenario.id, state.scenario.title, state.scenario.lesson]
  if (state.lesson) body.l = [state.lesson.id, state.lesson.stop]
  if (state.presenter) body.p = 1
  return `s=${SHARE_FORMAT}.${pack(body)}`
}

const DAMAGED =
  'This share link is damaged (it may have been cut short when it was pasted). Podlife kept what you had open.'

/** Reads a fragment (with or without '#'); null when it holds no share link at all. */
export function decodeShare(fragment: string): Decoded | null {
  const hash = fragment.replace(/^#/, '')
  const m = /(?:^|&)s=([^&]*)/.exec(hash)
  if (!m) return null
  const raw = m[1]!
  const dot = raw.indexOf('.')
  const version = dot > 0 ? Number(raw.slice(0, dot)) : NaN
  if (!Number.isInteger(version) || version < 1) return { ok: false, error: DAMAGED }
  if (version > SHARE_FORMAT)
    return {
      ok: false,
      error: `This share link was made by a newer Podlife (link format ${version}; this one reads format ${SHARE_FORMAT}). Podlife kept what you had open.`,
    }
  const bytes = fromBase64Url(raw.slice(dot + 1))
  if (!bytes || bytes.length === 0) return { ok: false, error: DAMAGED }
  let json: string
  try {
    // A fixed output buffer: a link that inflates past it is refused rather than exhausting memory.
    const out = inflateSync(bytes, { out: new Uint8Array(MAX_INFLATED + 1) })
    if (out.length > MAX_INFLATED)
      return { ok: false, error: 'This share link holds more than Podlife accepts.' }
    json = strFromU8(out)
  } catch {
    return { ok: false, error: DAMAGED }
  }
  let body: unknown
  try {
    body = JSON.parse(json)
  } catch {
    return { ok: false, error: DAMAGED }
  }
  return validate(body)
}

function validate(body: unknown): Decoded {
  const bad = (what: string): Decoded => ({
    ok: false,
    error: `This share link's ${what} is not valid (was the link edited by hand?). Podlife kept what you had open.`,
  })
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('content')
  const b = body as Record<string, unknown>
  const str = (v: unknown): v is string => typeof v === 'string'
  if (!str(b.m) || b.m.length > MAX_MANIFEST_BYTES) return bad('manifest')
  if (b.c !== undefined && !str(b.c)) return bad('cluster')
  if (b.co !== undefined && !(typeof b.co === 'number' && b.co > 0)) return bad('cluster size')
  if (b.u !== undefined && !(str(b.u) && ['admin', 'jane', 'anonymous'].includes(b.u))) return bad('identity')
  if (b.v !== undefined && !(str(b.v) && (VERBS as readonly string[]).includes(b.v))) return bad('verb')
  if (b.n !== undefined && !(str(b.n) && /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(b.n)))
    return bad('namespace')
  if (b.s !== undefined && !(Number.isSafeInteger(b.s) && (b.s as number) >= 0)) return bad('seed')
  if (!(Number.isSafeInteger(b.i) && (b.i as number) >= -1)) return bad('step')
  if (b.o !== undefined && !(COMPONENT_IDS as readonly unknown[]).includes(b.o)) return bad('component')
  const sc = b.sc
  if (sc !== undefined && !(Array.isArray(sc) && sc.length === 3 && sc.every(str))) return bad('scenario')
  const l = b.l
  if (l !== undefined && !(Array.isArray(l) && l.length === 2 && str(l[0]) && Number.isSafeInteger(l[1])))
    return bad('lesson')
  return {
    ok: true,
    state: {
      manifest: b.m,
      cluster: str(b.c) ? b.c : null,
      clusterOmitted: typeof b.co === 'number' ? b.co : null,
      runAs: {
        identity: str(b.u) ? b.u : 'admin',
        verb: str(b.v) ? (b.v as KubectlVerb) : 'apply',
        namespace: str(b.n) ? b.n : '',
      },
      seed: typeof b.s === 'number' ? b.s : 1,
      index: b.i as number,
      selected: (b.o as ComponentId | undefined) ?? null,
      scenario: sc ? { id: sc[0] as string, title: sc[1] as string, lesson: sc[2] as string } : null,
      lesson: l ? { id: l[0] as string, stop: l[1] as number } : null,
      presenter: b.p === 1,
    },
  }
}

/** What the app shows now, as a link would carry it. */
export function sharedStateOf(
  s: {
    readonly manifest: string
    readonly cluster: string
    readonly runAs: SharedState['runAs']
    readonly seed: number
    readonly cursor: { readonly index: number }
    readonly selected: ComponentId | null
    readonly scenario: (SharedState['scenario'] & { readonly edited: boolean }) | null
    readonly lesson: { readonly data: { readonly id: string }; readonly stop: number } | null
    readonly presenter: boolean
  },
  builtInCluster: string,
): SharedState {
  const c = clusterForLink(s.cluster, builtInCluster)
  return {
    manifest: s.manifest,
    cluster: c.text,
    clusterOmitted: c.omitted,
    runAs: s.runAs,
    seed: s.seed,
    index: s.cursor.index,
    selected: s.selected,
    // An edited scenario is the user's own manifest now; the link says which it came from only if untouched.
    scenario:
      s.scenario && !s.scenario.edited
        ? { id: s.scenario.id, title: s.scenario.title, lesson: s.scenario.lesson }
        : null,
    lesson: s.lesson ? { id: s.lesson.data.id, stop: s.lesson.stop } : null,
    presenter: s.presenter,
  }
}
