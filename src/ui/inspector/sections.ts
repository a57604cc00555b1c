/**
 * What the inspector shows for a component at the cursor, as plain data
 * (tables, texts, JSON). Pure: it only reads what the engine recorded up to
 * the cursor, so it is tested in Node.
 */
import type { ComponentId, SimEvent, Timeline, World } from '../../engine/index'
import type { NodeView } from '../../engine/views'
import { kubectlRequestSections } from './kubectl-requests'
import { controllerManagerSections } from './controller-manager-sections'
import type { ContainerStatus } from '../../engine/model/objects'
import { DEFAULT_START_TIME, etcdKeyRows, frameAt, podDeletions, storyPod } from '../../engine/index'
import {
  describeNodeView,
  describeOverlayPacket,
  describePod,
  getPodWatchLines,
  getPodWideTable,
  manifestFieldsForReason,
  podYaml,
} from '../../engine/views'

export type Section =
  | {
      readonly kind: 'table'
      readonly title: string
      readonly columns: readonly string[]
      readonly rows: readonly (readonly string[])[]
    }
  | { readonly kind: 'text'; readonly title: string; readonly text: string }
  | { readonly kind: 'json'; readonly title: string; readonly value: unknown }
  /** The node the pod runs on, drawn (engine/describe/node-view.ts). */
  | { readonly kind: 'node-view'; readonly title: string; readonly view: NodeView }
  /** Each container's lane over the whole run, with a cursor (engine/describe/container-lanes.ts). */
  | { readonly kind: 'container-lanes'; readonly title: string }
  | {
      readonly kind: 'reasons'
      readonly title: string
      /** Each filter reason, how many nodes gave it, and the manifest fields behind it. */
      readonly reasons: readonly {
        readonly reason: string
        readonly count: number
        readonly fields: readonly string[]
      }[]
    }

function upTo(t: Timeline, index: number): readonly SimEvent[] {
  return t.events.slice(0, index + 1)
}

function lastOf<K extends SimEvent['kind']>(
  events: readonly SimEvent[],
  kind: K,
  pred: (e: Extract<SimEvent, { kind: K }>) => boolean = () => true,
) {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!
    if (e.kind === kind && pred(e as Extract<SimEvent, { kind: K }>))
      return e as Extract<SimEvent, { kind: K }>
  }
  return undefined
}

const t = (n: number) => `${(n / 1000).toFixed(4)} s`

/** The timeline as far as the cursor: what a watch running since Enter has printed by then. */
function upToCursor(timeline: Timeline, index: number): Timeline {
  return {
    ...timeline,
    events: timeline.events.slice(0, index + 1),
    frames: timeline.frames.slice(0, index + 1),
  }
}

/** A packet from this pod to a pod on another node, once the pod has an IP. */
function overlaySections(timeline: Timeline, frame: World): Section[] {
  const pod = storyPod(frame)
  if (!pod) return []
  const packet = describeOverlayPacket(pod, timeline.cluster.nodes, timeline.cluster.pods)
  if (!packet) return []
  return [
    {
      kind: 'text',
      title: `A packet to ${packet.to.pod} on ${packet.to.node} (VXLAN overlay)`,
      text:
        `inner  IP ${packet.inner.src} → ${packet.inner.dst}  ${packet.inner.protocol} dport ${packet.inner.dstPort}\n` +
        `outer  IP ${packet.outer.ipSrc} → ${packet.outer.ipDst}  UDP dport ${packet.outer.udpDstPort}  VXLAN VNI ${packet.outer.vni}\n` +
        `route  ${packet.route}\n` +
        `MTU    ${packet.mtu.underlay} on the node network, ${packet.mtu.overlay} inside the overlay`,
    },
    {
      kind: 'table',
      title: 'Hop by hop',
      columns: ['where', 'what happens'],
      rows: packet.hops.map((h) => [h.where, h.what]),
    },
  ]
}

/** The node drawing, once the pod is bound to a node. */
function nodeViewSections(timeline: Timeline, index: number, title: (node: string) => string): Section[] {
  const view = describeNodeView(timeline, index)
  return view ? [{ kind: 'node-view', title: title(view.node), view }] : []
}

export function inspectorSections(timeline: Timeline, index: number, id: ComponentId): Section[] {
  const events = upTo(timeline, index)
  const frame: World = frameAt(timeline, { index })
  switch (id) {
    case 'kubectl': {
      const req = lastOf(events, 'http.request', (e) => e.component === 'kubectl')
      const out: Section[] = []
      const cfg = lastOf(events, 'kubectl.kubeconfig')
      if (cfg)
        out.push({
          kind: 'table',
          title: 'kubeconfig',
          columns: ['field', 'value'],
          rows: Object.entries(cfg.payload).map(([k, v]) => [k, String(v)]),
        })
      if (req) {
        const q = Object.entries(req.payload.query)
          .map(([k, v]) => `${k}=${v}`)
          .join('&')
        const headers = Object.entries(req.payload.headers)
          .filter(([k]) => !k.startsWith('X-Podlife'))
          .map(([k, v]) => `${k}: ${v}`)
        out.push({
          kind: 'text',
          title: 'HTTP request',
          text: `${req.payload.method} ${req.payload.path}${q ? `?${q}` : ''}\n${headers.join('\n')}`,
        })
        if (req.payload.body) out.push({ kind: 'json', title: 'Request body', value: req.payload.body })
      }
      out.push(...kubectlRequestSections(events))
      if (frame.kubectl)
        out.push({
          kind: 'text',
          title: `kubectl output (exit ${frame.kubectl.exitCode})`,
          text: frame.kubectl.stdout + frame.kubectl.stderr,
        })
      const pod = storyPod(frame)
      if (pod) {
        const name = pod.metadata.name ?? ''
        const sofar = upToCursor(timeline, index)
        out.push({
          kind: 'text',
          title: `$ kubectl get pod ${name} -w`,
          text: getPodWatchLines(sofar).join('\n'),
        })
        // -o wide at the cursor: kubectl run at the instant of this event.
        const now = DEFAULT_START_TIME + (timeline.events[index]?.at ?? 0)
        out.push({
          kind: 'text',
          title: `$ kubectl get pod ${name} -o wide`,
          text: getPodWideTable(pod, now),
        })
        const describe = describePod(timeline, index)
        if (describe) out.push({ kind: 'text', title: `$ kubectl describe pod ${name}`, text: describe })
        out.push({ kind: 'text', title: `$ kubectl get pod ${name} -o yaml`, text: podYaml(pod) })
      }
      // Pods of the cluster being deleted (preemption's victims), each watched from Enter to its DELETED event.
      for (const key of Object.keys(podDeletions(frame.etcd) ?? {})) {
        const [namespace = 'default', victim = ''] = key.split('/')
        out.push({
          kind: 'text',
          title: `$ kubectl get pod ${victim}${namespace === 'default' ? '' : ` -n ${namespace}`} -w`,
          text: getPodWatchLines(upToCursor(timeline, index), DEFAULT_START_TIME, {
            namespace,
            name: victim,
          }).join('\n'),
        })
      }
      return out
    }
    case 'kube-apiserver': {
      const out: Section[] = []
      const authn = lastOf(events, 'authn.verdict')
      if (authn) {
        out.push({
          kind: 'table',
          title: 'Authentication chain',
          columns: ['authenticator', 'result', 'detail'],
          rows: authn.payload.attempts.map((a) => [a.authenticator, a.result, a.detail]),
        })
      }
      const authz = lastOf(events, 'authz.verdict')
      if (authz) {
        out.push({
          kind: 'table',
          title: 'Authorization chain',
          columns: ['authorizer', 'decision', 'reason'],
          rows: authz.payload.decisions.map((d) => [d.authorizer, d.decision, d.reason]),
        })
      }
      const admission = events.filter(
        (e): e is Extract<SimEvent, { kind: 'admission.verdict' }> => e.kind === 'admission.verdict',
      )
      if (admission.length) {
        const rows = admission.flatMap((e) => [
          ...e.payload.skipped.map((s) => [s.plugin, s.phase, 'skip', '']),
          [
            e.payload.plugin,
            e.payload.phase,
            e.payload.verdict,
            e.payload.patch.map((p) => `${p.op} ${p.path}`).join('\n') || e.payload.note,
          ],
        ])
        out.push({
          kind: 'table',
          title: 'Admission chain',
          columns: ['plugin', 'phase', 'verdict', 'changes'],
          rows,
        })
      }
      const decode = lastOf(events, 'apiserver.decode')
      if (decode?.payload.defaults.length) {
        out.push({
          kind: 'table',
          title: 'Defaults set on decode',
          columns: ['op', 'path', 'value'],
          rows: decode.payload.defaults.map((p) => [
            p.op,
            p.path,
            'value' in p ? JSON.stringify(p.value) : '',
          ]),
        })
      }
      const res = lastOf(events, 'http.response')
      if (res)
        out.push({
          kind: 'json',
          title: `Last response: ${res.payload.code} to ${res.payload.to}`,
          value: res.payload.body,
        })
      return out
    }
    case 'etcd': {
      const rows = etcdKeyRows(frame.etcd)
      return [
        { kind: 'text', title: 'Current revision', text: String(frame.etcd.revision) },
        {
          kind: 'table',
          title: 'Keys (pods and nodes)',
          columns: ['key', 'create rev', 'mod rev', 'version'],
          rows,
        },
      ]
    }
    case 'kube-controller-manager':
      return controllerManagerSections(timeline, index, frame)
    case 'kube-scheduler': {
      const cycle = lastOf(events, 'scheduler.cycle')
      if (!cycle) return [{ kind: 'text', title: 'Scheduling queue', text: 'No pod to schedule yet.' }]
      const plugins = [...new Set(cycle.payload.nodes.flatMap((n) => Object.keys(n.scores)))]
      const rows = cycle.payload.nodes.map((n) => [
        n.name + (n.name === cycle.payload.selected ? ' ✔' : ''),
        !n.filter.examined
          ? 'not examined'
          : n.filter.passed
            ? 'passed'
            : `${n.filter.plugin}: ${n.filter.reasons.join(', ')}`,
        ...plugins.map((p) => {
          const s = n.scores[p]
          return s ? `${s.raw} → ${s.normalized} ×w = ${s.weighted}` : '–'
        }),
        n.total === null ? '–' : String(n.total),
      ])
      const out: Section[] = [
        {
          kind: 'table',
          title: 'Filter and score, per node',
          columns: ['node', 'filter', ...plugins, 'total'],
          rows,
        },
      ]
      const counts = new Map<string, number>()
      for (const n of cycle.payload.nodes)
        for (const r of n.filter.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
      const pod = storyPod(frame)
      if (counts.size && pod) {
        out.push({
          kind: 'reasons',
          title: 'Why nodes were filtered out',
          reasons: [...counts].map(([reason, count]) => ({
            reason,
            count,
            fields: manifestFieldsForReason(reason, pod),
          })),
        })
      }
      out.push({
        kind: 'text',
        title: cycle.payload.result === 'Scheduled' ? 'Decision' : 'FailedScheduling message',
        text:
          cycle.payload.result === 'Scheduled'
            ? `${cycle.payload.selected} (${cycle.payload.tieBreak})`
            : cycle.payload.message,
      })
      return out
    }
    case 'kubelet': {
      const out: Section[] = []
      const pod = storyPod(frame)
      if (pod?.spec.nodeName) out.push({ kind: 'container-lanes', title: 'Containers over time' })
      if (pod?.status?.conditions?.length) {
        out.push({
          kind: 'table',
          title: 'Pod conditions',
          columns: ['type', 'status', 'reason'],
          rows: pod.status.conditions.map((c) => [c.type, c.status, c.reason ?? '']),
        })
      }
      const statuses = [
        ...((pod?.status?.['initContainerStatuses'] as ContainerStatus[] | undefined) ?? []).map(
          (c) => ['init', c] as const,
        ),
        ...(pod?.status?.containerStatuses ?? []).map((c) => ['app', c] as const),
      ]
      if (statuses.length) {
        out.push({
          kind: 'table',
          title: 'Containers (status the kubelet reports)',
          columns: ['container', 'state', 'reason / exit', 'ready', 'restarts'],
          rows: statuses.map(([kind, c]) => {
            const [state, detail] = Object.entries(c.state)[0] ?? ['', {}]
            const d = (detail ?? {}) as { reason?: string; exitCode?: number; message?: string }
            const why = [d.reason, d.exitCode !== undefined ? `exit ${d.exitCode}` : '']
              .filter(Boolean)
              .join(', ')
            return [
              `${c.name}${kind === 'init' ? ' (init)' : ''}`,
              state,
              why,
              String(c.ready),
              String(c.restartCount),
            ]
          }),
        })
      }
      out.push({
        kind: 'table',
        title: 'Events',
        columns: ['time', 'type', 'reason', 'from', 'message'],
        rows: events
          .filter((e): e is Extract<SimEvent, { kind: 'k8s.event' }> => e.kind === 'k8s.event')
          .map((e) => [t(e.at), e.payload.type, e.payload.reason, e.payload.source, e.payload.message]),
      })
      return out
    }
    case 'containerd': {
      const calls = events.filter((e): e is Extract<SimEvent, { kind: 'cri.call' }> => e.kind === 'cri.call')
      const node = storyPod(frame)?.spec.nodeName
      const rt = node ? frame.nodes[node] : undefined
      const out: Section[] = [
        ...nodeViewSections(timeline, index, (n) => `Node ${n}: the pod sandbox and its containers`),
        {
          kind: 'table',
          title: 'CRI calls (kubelet → containerd)',
          columns: ['time', 'call', 'response'],
          rows: calls.map((c) => [t(c.at), c.summary, JSON.stringify(c.payload.response)]),
        },
      ]
      if (rt) {
        out.push({
          kind: 'table',
          title: `Sandboxes on ${rt.name}`,
          columns: ['id', 'state', 'IP', 'netns'],
          rows: rt.sandboxes.map((s) => [s.id.slice(0, 13), s.state, s.ip ?? '', s.netns]),
        })
        out.push({
          kind: 'table',
          title: `Containers on ${rt.name}`,
          columns: ['id', 'name', 'image', 'state'],
          rows: rt.containers.map((c) => [c.id.slice(0, 13), c.name, c.image, c.state]),
        })
      }
      const last = calls[calls.length - 1]
      if (last) out.push({ kind: 'json', title: `${last.payload.call} request`, value: last.payload.request })
      return out
    }
    case 'cni': {
      const add = lastOf(events, 'cni.add', (e) => e.payload.command === 'ADD')
      const drawn = nodeViewSections(timeline, index, (n) => `Node ${n}: the pod network`)
      if (!add)
        return [
          ...drawn,
          { kind: 'text', title: 'CNI', text: 'No network has been set up for this pod yet.' },
        ]
      const del = lastOf(events, 'cni.add', (e) => e.payload.command === 'DEL' && e.at >= add.at)
      const rt = frame.nodes[add.payload.node]
      return [
        ...drawn,
        ...(del
          ? [{ kind: 'text' as const, title: 'CNI DEL', text: `${del.summary} (the sandbox was stopped).` }]
          : []),
        { kind: 'json', title: 'CNI ADD result', value: add.payload.result },
        { kind: 'json', title: 'Network configuration (/etc/cni/net.d)', value: add.payload.config },
        {
          kind: 'table',
          title: `Host interfaces on ${add.payload.node}`,
          columns: ['interface'],
          rows: (rt?.interfaces ?? []).map((i) => [i]),
        },
        {
          kind: 'text',
          title: 'host-local IPAM',
          text: `allocated: ${(rt?.ipam.allocated ?? []).join(', ')}\nlast_reserved_ip.0: ${rt?.ipam.lastReserved ?? ''}`,
        },
        ...overlaySections(timeline, frame),
      ]
    }
    case 'registry': {
      const pulls = events.filter(
        (e): e is Extract<SimEvent, { kind: 'registry.pull' }> => e.kind === 'registry.pull',
      )
      return [
        {
          kind: 'table',
          title: 'Image pulls',
          columns: ['time', 'reference', 'size', 'duration'],
          rows: pulls.map((p) => [
            t(p.at),
            p.payload.reference,
            `${(p.payload.sizeBytes / 1e6).toFixed(1)} MB`,
            `${(p.payload.ms / 1000).toFixed(2)} s`,
          ]),
        },
      ]
    }
    default:
      return id satisfies never
  }
}
