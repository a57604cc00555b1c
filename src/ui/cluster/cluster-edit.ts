/**
 * Small edits to the cluster file that the node panel offers (cordon, remove,
 * add a node, change its allocatable CPU and memory), made on the YAML
 * documents so the rest of the user's text and comments stay as they were.
 * Pure functions of text → text, tested in Node.
 */
import { Document, parseAllDocuments } from 'yaml'

export interface NodeRow {
  readonly name: string
  readonly cpu: string
  readonly memory: string
  readonly pods: number
  readonly taints: readonly string[]
  readonly cordoned: boolean
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

function isNode(d: Document, name?: string): boolean {
  return d.get('kind') === 'Node' && (name === undefined || d.getIn(['metadata', 'name']) === name)
}

export function listNodes(text: string): NodeRow[] | null {
  const docs = documents(text)
  if (!docs) return null
  const pods = new Map<string, number>()
  for (const d of docs) {
    if (d.get('kind') !== 'Pod') continue
    const n = d.getIn(['spec', 'nodeName'])
    if (typeof n === 'string') pods.set(n, (pods.get(n) ?? 0) + 1)
  }
  return docs
    .filter((d) => isNode(d))
    .map((d) => {
      const name = String(d.getIn(['metadata', 'name']) ?? '')
      const js = d.toJS() as {
        spec?: { taints?: { key: string; value?: string; effect: string }[]; unschedulable?: boolean }
        status?: { allocatable?: Record<string, string> }
      }
      return {
        name,
        cpu: String(js.status?.allocatable?.['cpu'] ?? ''),
        memory: String(js.status?.allocatable?.['memory'] ?? ''),
        pods: pods.get(name) ?? 0,
        taints: (js.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
        cordoned: js.spec?.unschedulable === true,
      }
    })
}

function edit(text: string, name: string, change: (d: Document) => void): string {
  const docs = documents(text)
  if (!docs) return text
  for (const d of docs) if (isNode(d, name)) change(d)
  return render(docs)
}

/** kubectl cordon / uncordon: spec.unschedulable. */
export function setCordoned(text: string, name: string, cordoned: boolean): string {
  return edit(text, name, (d) => {
    if (cordoned) d.setIn(['spec', 'unschedulable'], true)
    else if (d.hasIn(['spec', 'unschedulable'])) d.deleteIn(['spec', 'unschedulable'])
  })
}

export function setAllocatable(
  text: string,
  name: string,
  resource: 'cpu' | 'memory',
  value: string,
): string {
  return edit(text, name, (d) => d.setIn(['status', 'allocatable', resource], value))
}

/** Removes the node and the pods bound to it. */
export function removeNode(text: string, name: string): string {
  const docs = documents(text)
  if (!docs) return text
  return render(
    docs.filter(
      (d) => !isNode(d, name) && !(d.get('kind') === 'Pod' && d.getIn(['spec', 'nodeName']) === name),
    ),
  )
}

/** Adds a worker like the last one, with the next free name and podCIDR. */
export function addNode(text: string): string {
  const docs = documents(text)
  if (!docs) return text
  const nodes = docs.filter((d) => isNode(d))
  const names = new Set(nodes.map((d) => String(d.getIn(['metadata', 'name']))))
  let i = 1
  while (names.has(`worker-${i}`)) i++
  const name = `worker-${i}`
  const cidrs = new Set(nodes.map((d) => String(d.getIn(['spec', 'podCIDR']) ?? '')))
  let k = 1
  while (cidrs.has(`10.244.${k}.0/24`)) k++
  const doc = new Document({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR: `10.244.${k}.0/24` },
    status: {
      addresses: [{ type: 'InternalIP', address: `192.168.56.${20 + i}` }],
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '7936Mi', pods: '110' },
    },
  })
  const lastNode = docs.lastIndexOf(nodes[nodes.length - 1] as Document)
  const at = lastNode >= 0 ? lastNode + 1 : docs.length
  return render([...docs.slice(0, at), doc, ...docs.slice(at)])
}
