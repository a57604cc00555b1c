/**
 * Small edits to the cluster file that the node panel offers (cordon, remove,
 * add a node, change its allocatable CPU and memory). YAML is edited as YAML
 * documents, so the rest of the user's text and comments stay as they were;
 * JSON (what large clusters come as) is parsed, changed and printed with the
 * file's own indentation. Nodes may sit in `List`s (`kubectl get nodes -o yaml`).
 * Pure functions of text → text, tested in Node.
 */
import { Document, isSeq, parseAllDocuments } from 'yaml'
import { summarizeCluster, type NodeRow } from '../../store/cluster-summary'

export type { NodeRow } from '../../store/cluster-summary'

/** The rows for a cluster file, or null when it does not load (the panel gets them from the run). */
export function listNodes(text: string): readonly NodeRow[] | null {
  return summarizeCluster(text)?.nodes ?? null
}

const isJson = (text: string): boolean => /^\s*[[{]/.test(text)

type Obj = Record<string, unknown>

/**
 * The cluster's objects as one editable array, whatever the JSON's shape (a List, an array, one
 * object), and how to print it back in the same shape and indentation.
 */
function jsonObjects(text: string): { items: Obj[]; print: (items: Obj[]) => string } | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const indent = /^\s*[[{]\r?\n([ \t]+)/.exec(text)?.[1] ?? ''
  const end = /\n\s*$/.test(text) ? '\n' : ''
  const out = (v: unknown) => JSON.stringify(v, null, indent) + end
  if (Array.isArray(value)) return { items: value as Obj[], print: out }
  if (!value || typeof value !== 'object') return null
  const list = value as Obj
  if (typeof list['kind'] === 'string' && list['kind'].endsWith('List') && Array.isArray(list['items']))
    return { items: list['items'] as Obj[], print: (items) => out({ ...list, items }) }
  return {
    items: [list],
    print: (items) => out(items.length === 1 ? items[0] : { apiVersion: 'v1', kind: 'List', items }),
  }
}

const nameOf = (o: Obj) => (o['metadata'] as Obj | undefined)?.['name']
const isNodeObj = (o: Obj, name?: string) =>
  o['kind'] === 'Node' && (name === undefined || nameOf(o) === name)
const nodeNameOf = (o: Obj) => (o['spec'] as Obj | undefined)?.['nodeName']

/** Where in a YAML document its Node objects are: the document itself, or items of a List. */
function nodePaths(d: Document, name?: string): (readonly (string | number)[])[] {
  const matches = (prefix: readonly (string | number)[]) =>
    d.getIn([...prefix, 'kind']) === 'Node' &&
    (name === undefined || d.getIn([...prefix, 'metadata', 'name']) === name)
  const items = d.get('items')
  if (String(d.get('kind') ?? '').endsWith('List') && isSeq(items))
    return items.items.map((_, i) => ['items', i] as const).filter(matches)
  return matches([]) ? [[]] : []
}

function documents(text: string): Document[] | null {
  const docs = parseAllDocuments(text)
  const list = Array.isArray(docs) ? docs : [docs]
  if (list.some((d) => d.errors.length > 0)) return null
  return list as Document[]
}

function render(docs: readonly Document[]): string {
  // Every document after the first starts with its own '---'; kubectl's style does not indent sequences.
  return docs
    .map((d, i) => {
      if (i > 0 && d.directives) d.directives.docStart = true
      return d.toString({ indentSeq: false })
    })
    .join('')
}

/** Applies `change` to the node called `name`: `set(path, value)` sets, `set(path)` deletes. */
function edit(
  text: string,
  name: string,
  change: (
    get: (path: readonly string[]) => unknown,
    set: (path: readonly string[], v?: unknown) => void,
  ) => void,
): string {
  if (isJson(text)) {
    const json = jsonObjects(text)
    if (!json) return text
    const items = json.items.map((o) => {
      if (!isNodeObj(o, name)) return o
      const copy = structuredClone(o)
      change(
        (path) => path.reduce<unknown>((v, k) => (v as Obj | undefined)?.[k], copy),
        (path, v) => {
          let at = copy
          for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Obj
          const last = path[path.length - 1]!
          if (v === undefined) delete at[last]
          else at[last] = v
        },
      )
      return copy
    })
    return json.print(items)
  }
  const docs = documents(text)
  if (!docs) return text
  for (const d of docs)
    for (const prefix of nodePaths(d, name))
      change(
        (path) => d.getIn([...prefix, ...path]),
        (path, v) => (v === undefined ? d.deleteIn([...prefix, ...path]) : d.setIn([...prefix, ...path], v)),
      )
  return render(docs)
}

/** kubectl cordon / uncordon: spec.unschedulable. */
export function setCordoned(text: string, name: string, cordoned: boolean): string {
  return edit(text, name, (get, set) => {
    if (cordoned) set(['spec', 'unschedulable'], true)
    else if (get(['spec', 'unschedulable']) !== undefined) set(['spec', 'unschedulable'])
  })
}

export function setAllocatable(
  text: string,
  name: string,
  resource: 'cpu' | 'memory',
  value: string,
): string {
  return edit(text, name, (_get, set) => set(['status', 'allocatable', resource], value))
}

/** Removes the node and the pods bound to it. */
export function removeNode(text: string, name: string): string {
  const gone = (o: Obj) => isNodeObj(o, name) || (o['kind'] === 'Pod' && nodeNameOf(o) === name)
  if (isJson(text)) {
    const json = jsonObjects(text)
    return json ? json.print(json.items.filter((o) => !gone(o))) : text
  }
  const docs = documents(text)
  if (!docs) return text
  // What `gone` looks at, read from the YAML document (or List item) at `prefix`.
  const fields = (d: Document, prefix: readonly (string | number)[]): Obj => ({
    kind: d.getIn([...prefix, 'kind']),
    metadata: { name: d.getIn([...prefix, 'metadata', 'name']) },
    spec: { nodeName: d.getIn([...prefix, 'spec', 'nodeName']) },
  })
  const kept = docs.filter((d) => !gone(fields(d, [])))
  for (const d of kept) {
    const items = d.get('items')
    if (!String(d.get('kind') ?? '').endsWith('List') || !isSeq(items)) continue
    for (let i = items.items.length - 1; i >= 0; i--)
      if (gone(fields(d, ['items', i]))) d.deleteIn(['items', i])
  }
  return render(kept)
}

/** A worker like kubeadm joins, with the next free name and podCIDR among `nodes`. */
function newWorker(nodes: readonly { name: unknown; podCIDR: unknown }[]): Obj {
  const names = new Set(nodes.map((n) => String(n.name)))
  let i = 1
  while (names.has(`worker-${i}`)) i++
  const name = `worker-${i}`
  const cidrs = new Set(nodes.map((n) => String(n.podCIDR ?? '')))
  let k = 1
  while (cidrs.has(`10.244.${k}.0/24`)) k++
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR: `10.244.${k}.0/24` },
    status: {
      addresses: [{ type: 'InternalIP', address: `192.168.56.${20 + i}` }],
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '7936Mi', pods: '110' },
    },
  }
}

/** Adds a worker like the last one, with the next free name and podCIDR, after the last node. */
export function addNode(text: string): string {
  if (isJson(text)) {
    const json = jsonObjects(text)
    if (!json) return text
    const nodes = json.items.filter((o) => isNodeObj(o))
    const node = newWorker(
      nodes.map((n) => ({ name: nameOf(n), podCIDR: (n['spec'] as Obj | undefined)?.['podCIDR'] })),
    )
    const last = json.items.lastIndexOf(nodes[nodes.length - 1]!)
    const at = last >= 0 ? last + 1 : json.items.length
    return json.print([...json.items.slice(0, at), node, ...json.items.slice(at)])
  }
  const docs = documents(text)
  if (!docs) return text
  const found = docs.flatMap((d, i) => nodePaths(d).map((p) => ({ doc: i, d, p })))
  const node = newWorker(
    found.map(({ d, p }) => ({
      name: d.getIn([...p, 'metadata', 'name']),
      podCIDR: d.getIn([...p, 'spec', 'podCIDR']),
    })),
  )
  const last = found[found.length - 1]
  if (last && last.p.length > 0) {
    // The last node is an item of a List: the new one goes right after it, in the same List.
    const items = last.d.get('items')
    if (isSeq(items)) items.items.splice(Number(last.p[1]) + 1, 0, last.d.createNode(node))
    return render(docs)
  }
  const at = last ? last.doc + 1 : docs.length
  return render([...docs.slice(0, at), new Document(node), ...docs.slice(at)])
}
