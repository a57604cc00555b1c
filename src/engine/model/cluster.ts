/**
 * The cluster a simulation runs against, built from Kubernetes objects (what
 * `kubectl get … -o yaml` prints) plus Podlife's own kinds for what a real
 * cluster keeps in flags (APIServer) or outside the API (Registry).
 *
 * What a kubeadm cluster creates by itself always exists; an object of the same
 * kind, namespace and name in the input replaces the built-in one.
 */
import type { KubeObject, Node, Pod } from './objects'
import { DEFAULT_CATALOG, type RegistryRepository } from './image-catalog'
import { BOOTSTRAP_RBAC, BOOTSTRAP_USER_ROLES, CONTROLLER_RBAC, SCHEDULER_RBAC } from './bootstrap-rbac'
import { isKubeletObject, kubeletSpecOf, type KubeletSpec } from './cluster-kubelet'

export interface StaticToken {
  readonly token: string
  readonly user: string
  readonly uid: string
  readonly groups: readonly string[]
}

export interface APIServerConfig {
  readonly authorizationModes: readonly string[]
  readonly enableAdmissionPlugins: readonly string[]
  readonly disableAdmissionPlugins: readonly string[]
  readonly anonymousAuth: boolean
  readonly tokens: readonly StaticToken[]
  /** --oidc-* flags (docs/simulate.md); absent: no OIDC authenticator. */
  readonly oidc?: OIDCConfig
  /** --authorization-policy-file lines for ABAC, one JSON Policy object per line. */
  readonly abacPolicy?: readonly (string | Readonly<Record<string, unknown>>)[]
  /** The webhook authorizer's fixed answers (Podlife's stand-in for a remote SubjectAccessReview service). */
  readonly authorizationWebhook?: AuthorizationWebhookConfig
  /** --service-account-issuer (kubeadm: https://kubernetes.default.svc.cluster.local). */
  readonly serviceAccountIssuer?: string
}

export interface OIDCConfig {
  readonly issuerURL: string
  readonly clientID: string
  readonly usernameClaim?: string
  readonly usernamePrefix?: string
  readonly groupsClaim?: string
  readonly groupsPrefix?: string
}

export interface AuthorizationWebhookConfig {
  /** Checked in order; the first rule that matches answers. No match: NoOpinion. */
  readonly rules: readonly {
    readonly user?: string
    readonly group?: string
    readonly verb?: string
    readonly resource?: string
    readonly namespace?: string
    readonly allowed?: boolean
    readonly denied?: boolean
    readonly reason?: string
  }[]
}

export interface Cluster {
  readonly nodes: readonly Node[]
  readonly pods: readonly Pod[]
  /** Every other object, by kind. */
  readonly objects: Readonly<Record<string, readonly KubeObject[]>>
  readonly apiServer: APIServerConfig
  readonly registry: readonly RegistryRepository[]
  /** Podlife's Kubelet objects (model/cluster-kubelet.ts) by node name; a node without one runs the defaults. */
  readonly kubelets?: Readonly<Record<string, KubeletSpec>>
}

export const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const

const DEFAULT_APISERVER: APIServerConfig = {
  authorizationModes: ['Node', 'RBAC'],
  enableAdmissionPlugins: [],
  disableAdmissionPlugins: [],
  anonymousAuth: true,
  tokens: [],
}

/**
 * Loaded clusters by their input list. Inputs are immutable values, so a list loads to the same
 * Cluster every time; sharing it lets the per-cluster work downstream (the scheduler's snapshot, etcd's
 * keys before Enter) be done once, not on every re-simulation of an edited manifest.
 */
const loaded = new WeakMap<readonly KubeObject[], Cluster>()

export function loadCluster(input: readonly KubeObject[]): Cluster {
  let cluster = loaded.get(input)
  if (!cluster) {
    cluster = load(input)
    loaded.set(input, cluster)
  }
  return cluster
}

function load(input: readonly KubeObject[]): Cluster {
  const byKey = new Map<string, KubeObject>()
  const add = (o: KubeObject) =>
    byKey.set(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`, o)
  for (const ns of BUILTIN_NAMESPACES) add(namespace(ns))
  for (const o of [...BOOTSTRAP_RBAC, ...BOOTSTRAP_USER_ROLES, ...SCHEDULER_RBAC, ...CONTROLLER_RBAC]) add(o)
  let apiServer = DEFAULT_APISERVER
  const registry = [...DEFAULT_CATALOG]
  const kubelets: Record<string, KubeletSpec> = {}
  for (const raw of input) {
    // Objects without metadata (or with a non-object one) are kept, with empty metadata.
    const o: KubeObject = raw.metadata && typeof raw.metadata === 'object' ? raw : { ...raw, metadata: {} }
    if (o.apiVersion === 'podlife.dev/v1alpha1' && o.kind === 'APIServer') {
      apiServer = { ...DEFAULT_APISERVER, ...(o as unknown as Partial<APIServerConfig>) }
    } else if (isKubeletObject(o)) {
      const spec = kubeletSpecOf(o)
      kubelets[spec.node] = spec
    } else if (o.apiVersion === 'podlife.dev/v1alpha1' && o.kind === 'Registry') {
      for (const r of (o['repositories'] as RegistryRepository[] | undefined) ?? []) {
        const i = registry.findIndex((x) => x.name === r.name)
        const merged = {
          name: r.name,
          private: r.private ?? false,
          tags: { ...(registry[i]?.tags ?? {}), ...r.tags },
        }
        if (i >= 0) registry[i] = merged
        else registry.push(merged)
      }
    } else {
      add(o)
    }
  }
  // Every namespace has a default ServiceAccount (created by the serviceaccounts controller).
  for (const o of [...byKey.values()]) {
    if (o.kind !== 'Namespace') continue
    const name = o.metadata.name ?? ''
    const key = `ServiceAccount/${name}/default`
    if (!byKey.has(key)) {
      byKey.set(key, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: name },
      })
    }
  }
  const objects: Record<string, KubeObject[]> = {}
  for (const o of byKey.values()) (objects[o.kind] ??= []).push(o)
  return {
    // As stored by the apiserver, a Node always has a spec and a status, if only empty ones.
    nodes: ((objects['Node'] ?? []) as unknown as Node[]).map((n) =>
      n.spec && n.status ? n : { ...n, spec: n.spec ?? {}, status: n.status ?? {} },
    ),
    // A pod that names its namespace is kept as it is (no copy of 150,000 pods in a large cluster).
    pods: ((objects['Pod'] ?? []) as unknown as Pod[]).map((p) =>
      p.metadata.namespace != null ? p : { ...p, metadata: { ...p.metadata, namespace: 'default' } },
    ),
    objects,
    apiServer,
    registry,
    ...(Object.keys(kubelets).length ? { kubelets } : {}),
  }
}

export function namespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }
}

export function findObject(
  cluster: Cluster,
  kind: string,
  name: string,
  ns?: string,
): KubeObject | undefined {
  return (cluster.objects[kind] ?? []).find(
    (o) => o.metadata.name === name && (ns === undefined || (o.metadata.namespace ?? '') === ns),
  )
}

const extended = new WeakMap<Cluster, WeakMap<readonly KubeObject[], Cluster>>()

/**
 * The cluster with objects created during the simulation added (an object of the same kind, namespace
 * and name replaces the cluster file's). Cached, so every step after a create sees the same Cluster.
 */
export function withObjects(cluster: Cluster, created: readonly KubeObject[] | undefined): Cluster {
  if (!created || created.length === 0) return cluster
  let byList = extended.get(cluster)
  if (!byList) extended.set(cluster, (byList = new WeakMap()))
  const hit = byList.get(created)
  if (hit) return hit
  const objects: Record<string, KubeObject[]> = { ...cluster.objects } as Record<string, KubeObject[]>
  for (const o of created) {
    const same = (x: KubeObject) =>
      x.metadata.name === o.metadata.name && (x.metadata.namespace ?? '') === (o.metadata.namespace ?? '')
    objects[o.kind] = [...(objects[o.kind] ?? []).filter((x) => !same(x)), o]
  }
  // Nodes that joined while the story plays are nodes of the cluster from then on.
  const joined = created.filter((o) => o.kind === 'Node') as unknown as Node[]
  const nodes = joined.length
    ? [...cluster.nodes.filter((n) => !joined.some((j) => j.metadata.name === n.metadata.name)), ...joined]
    : cluster.nodes
  const out: Cluster = { ...cluster, objects, nodes }
  byList.set(created, out)
  return out
}
