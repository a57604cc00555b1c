/**
 * Reading a cluster file: YAML documents or JSON, any of them possibly a List
 * (what `kubectl get nodes,pods -A -o yaml` prints). Mistakes are values with
 * the document and line they are in, never a crash later in the simulation:
 * every object needs apiVersion and kind, and the quantities the scheduler
 * reads (node capacity, pod requests) must parse.
 */
import { LineCounter, parseAllDocuments } from 'yaml'
import type { KubeObject } from './objects'
import { parseQuantity } from './quantity'
import { checkShape } from './go-json-shape'
import { KIND_SHAPES, PODLIFE_SHAPES } from './cluster-shapes'
import { isKubeletObject, kubeletSpecOf } from './cluster-kubelet'
import { createCPUManager } from '../kubelet/cpu-manager/cpu-manager'
import { machineError } from '../kubelet/cpu-manager/topology'
import type { Node } from './objects'
import {
  DEPTH_MESSAGE,
  MAX_ALIAS_COUNT,
  MAX_CLUSTER_CHARS,
  MAX_CLUSTER_DOCUMENTS,
  MAX_DEPTH,
  STACK_MESSAGE,
  documentsMessage,
  isNestedDeeperThan,
  isStackOverflow,
} from '../kubectl/parse-limits'

export type ClusterParse = { ok: true; objects: KubeObject[] } | { ok: false; error: string }

/**
 * Why a quantity text does not parse (null when it does), by text: a large cluster repeats the same
 * few texts ("100m", "128Mi") across 150,000 pods.
 */
const quantityErrors = new Map<string, string | null>()

function quantityError(text: string): string | null {
  let e = quantityErrors.get(text)
  if (e === undefined) {
    const r = parseQuantity(text)
    e = r.ok ? null : r.error
    if (quantityErrors.size < 10_000) quantityErrors.set(text, e)
  }
  return e
}

/** Where a problem is, worked out only when there is one (150,000 objects are checked). */
type Where = () => string

function checkQuantities(where: Where, list: unknown): string | null {
  if (list === undefined || list === null) return null
  if (typeof list !== 'object' || Array.isArray(list)) return `${where()} must be a map of quantities`
  for (const k in list) {
    const v = (list as Record<string, unknown>)[k]
    const e = quantityError(typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '')
    if (e) return `${where()}.${k}: ${JSON.stringify(v)}: ${e}`
  }
  return null
}

function checkContainers(where: Where, list: unknown): string | null {
  if (!Array.isArray(list)) return null
  for (const c of list) {
    const r = (c as { resources?: { requests?: unknown; limits?: unknown } } | null)?.resources
    const bad =
      checkQuantities(() => `${where()} requests`, r?.requests) ??
      checkQuantities(() => `${where()} limits`, r?.limits)
    if (bad) return bad
  }
  return null
}

function checkObject(o: unknown, at: Where): string | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return `${at()}: an object must be a mapping`
  const obj = o as Record<string, unknown>
  if (typeof obj['kind'] !== 'string' || !obj['kind']) return `${at()}: kind not set`
  if (typeof obj['apiVersion'] !== 'string' || !obj['apiVersion']) return `${at()}: apiVersion not set`
  if (isNestedDeeperThan(obj, MAX_DEPTH)) return `${at()}: ${DEPTH_MESSAGE}`
  const kind = obj['kind']
  const meta = obj['metadata'] as Record<string, unknown> | undefined
  const shapes = obj['apiVersion'] === 'podlife.dev/v1alpha1' ? PODLIFE_SHAPES : KIND_SHAPES
  const shaped = Object.hasOwn(shapes, kind) ? shapes[kind] : undefined
  if (shaped) {
    const bad = checkShape(obj, shaped, kind)
    if (bad) {
      const named =
        meta && typeof meta === 'object' && typeof meta['name'] === 'string' ? ` "${meta['name']}"` : ''
      return `${at()}: ${kind}${named}: ${bad.path}: must be ${bad.expected}`
    }
  }
  if (obj['apiVersion'] === 'podlife.dev/v1alpha1') return checkPodlifeObject(obj, at)
  if (!meta || typeof meta !== 'object' || typeof meta['name'] !== 'string' || !meta['name']) {
    return `${at()}: ${kind} has no metadata.name`
  }
  const name = () => `${at()}: ${kind} ${meta['name'] as string}`
  if (obj['kind'] === 'Node') {
    const status = (obj['status'] ?? {}) as Record<string, unknown>
    return (
      checkQuantities(() => `${name()} status.allocatable`, status['allocatable']) ??
      checkQuantities(() => `${name()} status.capacity`, status['capacity'])
    )
  }
  if (obj['kind'] === 'Pod') {
    const spec = (obj['spec'] ?? {}) as { containers?: unknown; initContainers?: unknown }
    if (!Array.isArray(spec.containers)) return `${name()} has no spec.containers`
    return checkContainers(name, spec.containers) ?? checkContainers(name, spec.initContainers)
  }
  return null
}

/** Required fields of Podlife's own kinds that the shape check (which accepts absence) cannot see. */
function checkPodlifeObject(obj: Record<string, unknown>, at: Where): string | null {
  if (obj['kind'] === 'Kubelet') return checkKubeletObject(obj, at)
  if (obj['kind'] !== 'Registry') return null
  const repos = (obj['repositories'] ?? []) as unknown[]
  for (let i = 0; i < repos.length; i++) {
    const r = repos[i] as Record<string, unknown> | null
    if (!r || typeof r['name'] !== 'string' || !r['name'])
      return `${at()}: Registry: repositories[${i}].name: must be set`
  }
  return null
}

function checkKubeletObject(obj: Record<string, unknown>, at: Where): string | null {
  const meta = obj['metadata'] as { name?: unknown } | undefined
  if (typeof meta?.name !== 'string' || !meta.name)
    return `${at()}: Kubelet has no metadata.name (the node it runs on)`
  const named = () => `${at()}: Kubelet "${meta.name as string}"`
  const config = (obj['config'] ?? {}) as Record<string, unknown>
  const bad =
    checkQuantities(() => `${named()}: config.kubeReserved`, config['kubeReserved']) ??
    checkQuantities(() => `${named()}: config.systemReserved`, config['systemReserved'])
  if (bad) return bad
  const m = machineError((obj['machine'] ?? undefined) as Parameters<typeof machineError>[0])
  return m ? `${named()}: ${m}` : null
}

/**
 * A Kubelet whose configuration the real kubelet would not start with (a static policy without
 * reserved CPUs, reservedSystemCPUs the node does not have…) is refused with the kubelet's error.
 * Its node is the Node of that name in the file or in a ClusterChange; a Kubelet for no node is ignored.
 */
function checkKubelets(
  found: readonly { obj: KubeObject; at: Where }[],
  all: readonly KubeObject[],
): string | null {
  if (!found.length) return null
  const nodes = new Map<string, Node>()
  for (const o of all) {
    if (o.kind === 'Node') nodes.set(o.metadata?.name ?? '', o as unknown as Node)
    if (o.kind === 'ClusterChange')
      for (const n of (o['addNodes'] ?? []) as Node[]) nodes.set(n.metadata?.name ?? '', n)
  }
  for (const { obj, at } of found) {
    const spec = kubeletSpecOf(obj)
    const node = nodes.get(spec.node)
    if (!node) continue
    const r = createCPUManager(spec, { ...node, status: node.status ?? {} })
    if (!r.ok) return `${at()}: Kubelet "${spec.node}": the kubelet would not start: ${r.error}`
  }
  return null
}

/** Objects already decoded, checked once (a re-simulation of the same cluster does not check again). */
const checkedLists = new WeakMap<readonly unknown[], ClusterParse>()

/**
 * Cluster objects handed to simulate() directly (not as text) pass the same checks as a cluster file's,
 * located by their index in the list.
 */
export function checkClusterObjects(objects: readonly unknown[]): ClusterParse {
  const hit = checkedLists.get(objects)
  if (hit) return hit
  let result: ClusterParse = { ok: true, objects: objects as KubeObject[] }
  const kubelets: { obj: KubeObject; at: Where }[] = []
  for (let i = 0; i < objects.length; i++) {
    const bad = checkObject(objects[i], () => `object ${i}`)
    if (bad) {
      result = { ok: false, error: bad }
      break
    }
    if (isKubeletObject(objects[i] as KubeObject))
      kubelets.push({ obj: objects[i] as KubeObject, at: () => `object ${i}` })
  }
  const bad = result.ok ? checkKubelets(kubelets, objects as KubeObject[]) : null
  if (bad) result = { ok: false, error: bad }
  checkedLists.set(objects, result)
  return result
}

export function parseClusterText(text: string): ClusterParse {
  try {
    return parseClusterTextOrThrow(text)
  } catch (e) {
    // The yaml package recurses per level of nesting; a stack overflow is Podlife's limit, not a YAML error.
    if (isStackOverflow(e)) return { ok: false, error: STACK_MESSAGE }
    throw e
  }
}

/** Above this size a text that is not one JSON value is not re-read as YAML. */
const YAML_FALLBACK_CHARS = 1_000_000

/** JSON.parse's message with its character position turned into a line: `line 12: Unexpected token …`. */
function locatedJsonError(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const at = /position (\d+)/.exec(message)
  if (!at) return `JSON: ${message}`
  const pos = Math.min(Number(at[1]), text.length)
  let line = 1
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++
  return `line ${line}: ${message}`
}

function parseClusterTextOrThrow(text: string): ClusterParse {
  if (text.length > MAX_CLUSTER_CHARS)
    return {
      ok: false,
      error: `the cluster file is ${text.length} characters; Podlife stops at ${MAX_CLUSTER_CHARS} (a 5,000-node, 150,000-pod cluster is about 45 MB)`,
    }
  const trimmed = text.trimStart()
  const values: { value: unknown; where: string }[] = []
  let json = false
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      values.push({ value: JSON.parse(text), where: 'JSON' })
      json = true
    } catch (e) {
      if (isStackOverflow(e)) return { ok: false, error: STACK_MESSAGE }
      // Not one JSON value: JSON documents between `---`, or JSON-looking YAML. YAML reads both (JSON is
      // YAML), and a text that is neither gets YAML's located error rather than JSON.parse's offset. A big
      // file (a pasted 45 MB cluster) keeps JSON's error, located by line, instead of a slow YAML parse.
      if (text.length > YAML_FALLBACK_CHARS) return { ok: false, error: locatedJsonError(text, e) }
    }
  }
  if (!json) {
    const lc = new LineCounter()
    const docs = parseAllDocuments(text, { lineCounter: lc })
    const list = Array.isArray(docs) ? docs : [docs]
    if (list.length > MAX_CLUSTER_DOCUMENTS) {
      const at = lc.linePos(list[MAX_CLUSTER_DOCUMENTS]!.range[0]).line
      return { ok: false, error: `line ${at}: ${documentsMessage(MAX_CLUSTER_DOCUMENTS, 'a cluster file')}` }
    }
    for (const d of list) {
      const err = d.errors[0]
      if (d.errors.some(isStackOverflow)) return { ok: false, error: STACK_MESSAGE }
      if (err)
        return {
          ok: false,
          error: `line ${lc.linePos(err.pos[0]).line}: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        }
      if (d.contents === null) continue
      try {
        values.push({
          value: d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
          where: `line ${lc.linePos(d.range[0]).line}`,
        })
      } catch (e) {
        const where = `line ${lc.linePos(d.range[0]).line}`
        if (isStackOverflow(e)) return { ok: false, error: `${where}: ${STACK_MESSAGE}` }
        return { ok: false, error: `${where}: ${e instanceof Error ? e.message : String(e)}` }
      }
    }
  }
  const objects: KubeObject[] = []
  const kubelets: { obj: KubeObject; at: Where }[] = []
  for (const { value, where } of values) {
    if (value === null || value === undefined) continue
    const list = value as { kind?: unknown; items?: unknown }
    const isList = typeof list.kind === 'string' && list.kind.endsWith('List') && Array.isArray(list.items)
    // A loop, not push(...items): a 150,000-item List would overflow the call stack.
    const items = isList ? (list.items as unknown[]) : [value]
    for (let i = 0; i < items.length; i++) {
      const bad = checkObject(items[i], isList ? () => `${where}, item ${i}` : () => where)
      if (bad) return { ok: false, error: bad }
      objects.push(items[i] as KubeObject)
      if (isKubeletObject(items[i] as KubeObject))
        kubelets.push({ obj: items[i] as KubeObject, at: isList ? () => `${where}, item ${i}` : () => where })
    }
  }
  const bad = checkKubelets(kubelets, objects)
  return bad ? { ok: false, error: bad } : { ok: true, objects }
}
