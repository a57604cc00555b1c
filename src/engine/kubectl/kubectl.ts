/**
 * kubectl as a component: read the manifest, resolve the kubeconfig, send the
 * request(s) its command sends, and print what kubectl prints.
 */
import type { Step } from '../sim/step'
import { StepWriter } from '../sim/step'
import type { SimContext } from '../sim/context'
import type { World } from '../sim/world'
import type { HttpRequest, HttpResponse } from '../sim/events'
import type { Message } from '../sim/messages'
import type { JsonObject } from '../model/objects'
import { parseManifest } from './parse'
import { resolveKubeconfig, type ResolvedKubeconfig } from './kubeconfig'
import {
  appliedObject,
  createRequest,
  getRequest,
  LAST_APPLIED,
  patchRequest,
  serverSideApplyRequest,
} from './request'
import { createThreeWayMergePatch } from '../model/strategic-merge'
import { sortedJson } from './json'
import { kubectlError } from './output'
import { uuidV4 } from '../model/uuid'

type KubectlMessage = Extract<Message, { to: 'kubectl' }>

const KNOWN_CORE_KINDS = new Set([
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'Namespace',
  'ServiceAccount',
  'Node',
  'PersistentVolumeClaim',
])
const SEND_MS = 2

export function kubectlStep(world: World, msg: KubectlMessage, ctx: SimContext): Step {
  const w = new StepWriter(world)
  if (msg.type === 'start') start(w, ctx)
  else onResponse(w, ctx, msg.request, msg.response)
  return w.done()
}

function finish(w: StepWriter, exitCode: number, stdout: string, stderr: string, narration: string): void {
  const kubectl = { exitCode, stdout, stderr }
  w.emit(
    {
      kind: 'kubectl.output',
      component: 'kubectl',
      stage: 'kubectl',
      summary: exitCode === 0 ? stdout.trim() : (stderr.split('\n')[0] ?? 'error'),
      narration,
      payload: kubectl,
    },
    { ...w.world, kubectl },
  )
}

function start(w: StepWriter, ctx: SimContext): void {
  const { command } = ctx.input
  const parsed = parseManifest(ctx.input.manifest, command.file)
  if (!parsed.ok) {
    const err = parsed.errors[0]!
    finish(
      w,
      1,
      '',
      `error: ${err.kubectl}\n`,
      `kubectl cannot parse ${command.file} (line ${err.line}), so nothing is sent to the cluster.`,
    )
    return
  }
  if (parsed.documents.length === 0) {
    finish(
      w,
      1,
      '',
      `error: no objects passed to ${command.verb}\n`,
      'The file holds no objects, so kubectl has nothing to send.',
    )
    return
  }
  const doc = parsed.documents[0]!.object
  for (const field of ['apiVersion', 'kind'] as const) {
    if (typeof doc[field] !== 'string' || doc[field] === '') {
      const name = field === 'kind' ? 'kind' : 'apiVersion'
      finish(
        w,
        1,
        '',
        `error: error validating "${command.file}": error validating data: ${name} not set; if you choose to ignore these errors, turn validation off with --validate=false\n`,
        `Every object needs apiVersion and kind; kubectl checks that much itself before sending anything.`,
      )
      return
    }
  }
  const kind = String(doc['kind'])
  if (doc['apiVersion'] !== 'v1' || kind !== 'Pod') {
    const known = KNOWN_CORE_KINDS.has(kind) && doc['apiVersion'] === 'v1'
    const name = String(((doc['metadata'] ?? {}) as JsonObject)['name'] ?? '')
    const stderr = known
      ? `error: Podlife simulates Pods; ${kind} objects are not simulated\n`
      : `error: resource mapping not found for name: "${name}" namespace: "" from "${command.file}": no matches for kind "${kind}" in version "${String(doc['apiVersion'])}"\nensure CRDs are installed first\n`
    finish(
      w,
      1,
      '',
      stderr,
      `kubectl looks up kind ${kind} in the API discovery data before sending anything.`,
    )
    return
  }
  const cfg = resolveKubeconfig(ctx.input.kubeconfig, ctx.input.context)
  if (!cfg.ok) {
    finish(
      w,
      1,
      '',
      `error: ${cfg.error}\n`,
      'kubectl could not work out which cluster to talk to from the kubeconfig.',
    )
    return
  }
  const config = cfg.config
  w.emit({
    kind: 'kubectl.parse',
    component: 'kubectl',
    stage: 'kubectl',
    summary: `read ${command.file}: ${parsed.documents.length} object(s), Pod ${String(((doc['metadata'] ?? {}) as JsonObject)['name'] ?? '')}`,
    narration: `kubectl reads ${command.file} and converts the YAML to JSON. It checks only that apiVersion and kind are set; the real validation happens on the server.`,
    payload: {
      documents: parsed.documents.length,
      objects: parsed.documents.map(
        (d) =>
          `${String(d.object['kind'])}/${String(((d.object['metadata'] ?? {}) as JsonObject)['name'] ?? '')}`,
      ),
    },
  })
  const namespace = String(
    ((doc['metadata'] ?? {}) as JsonObject)['namespace'] ?? command.namespace ?? config.namespace,
  )
  w.emit({
    kind: 'kubectl.kubeconfig',
    component: 'kubectl',
    stage: 'kubectl',
    summary: `context ${config.context}: ${config.server} as ${config.user}`,
    narration: `kubectl loads the kubeconfig: context "${config.context}" points at ${config.server} with user "${config.user}" (${describeCredential(config)}).`,
    payload: {
      context: config.context,
      cluster: config.cluster,
      server: config.server,
      user: config.user,
      namespace,
      credential: describeCredential(config),
    },
  })
  const [session, rng] = uuidV4(w.world.rng)
  w.update({ ...w.world, rng, kubectlMemory: { object: doc, config, namespace, session } })
  if (ctx.input.coldCache) {
    sendDiscovery(w, ctx, '/api')
    return
  }
  sendFirstRequest(w, ctx)
}

/**
 * With an empty discovery cache kubectl first asks which APIs exist: aggregated discovery, GET /api then
 * GET /apis (client-go discovery/aggregated_discovery.go, discovery_client.go).
 */
export const AGGREGATED_DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'

function sendDiscovery(w: StepWriter, ctx: SimContext, path: '/api' | '/apis'): void {
  const memory = w.world.kubectlMemory!
  const id = w.world.nextRequestId
  w.update({ ...w.world, nextRequestId: id + 1 })
  const base = getRequest(
    id,
    ctx.input.command,
    memory.config,
    memory.session ?? '',
    memory.namespace ?? 'default',
    '',
  )
  const request: HttpRequest = {
    ...base,
    path,
    headers: { ...base.headers, Accept: AGGREGATED_DISCOVERY_ACCEPT },
  }
  send(
    w,
    request,
    path === '/api'
      ? 'kubectl has no discovery cache yet (~/.kube/cache/discovery), so it first asks the apiserver which APIs it serves: GET /api (the core group).'
      : 'Then GET /apis for every other API group. With the answers cached, later commands skip these requests.',
  )
}

/** The command's own first request: GET (client-side apply), POST (create) or PATCH (server-side apply). */
function sendFirstRequest(w: StepWriter, ctx: SimContext): void {
  const { command } = ctx.input
  const memory = w.world.kubectlMemory!
  const doc = memory.object
  const namespace = memory.namespace ?? 'default'
  const session = memory.session ?? ''
  const id = w.world.nextRequestId
  w.update({ ...w.world, nextRequestId: id + 1 })
  const name = String(((doc['metadata'] ?? {}) as JsonObject)['name'] ?? '')
  const request =
    command.verb === 'create'
      ? createRequest(id, command, memory.config, session, namespace, doc)
      : command.serverSide
        ? serverSideApplyRequest(id, command, memory.config, session, namespace, doc)
        : getRequest(id, command, memory.config, session, namespace, name)
  send(w, request, sessionNote(command.verb, command.serverSide, request))
}

function sessionNote(verb: string, serverSide: boolean, request: HttpRequest): string {
  if (request.method === 'GET') {
    return `kubectl apply first asks whether the pod already exists: GET ${request.path}. The client certificate is presented during the TLS handshake.`
  }
  if (serverSide)
    return `Server-side apply sends the object as an apply patch; the apiserver works out what changed.`
  return `kubectl ${verb} sends the Pod as JSON: POST ${request.path}?${queryString(request.query)}.`
}

function queryString(q: Readonly<Record<string, string>>): string {
  return Object.entries(q)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
}

function describeCredential(cfg: ResolvedKubeconfig): string {
  const c = cfg.credential
  switch (c.kind) {
    case 'client-certificate':
      return `client certificate ${c.subject}`
    case 'token':
      return 'bearer token'
    case 'basic':
      return `basic auth as ${c.username}`
    case 'oidc':
      return 'OIDC id-token'
    case 'exec':
      return `exec plugin ${c.command}`
    case 'none':
      return c.why
    default:
      return c satisfies never
  }
}

function send(w: StepWriter, request: HttpRequest, narration: string): void {
  const query = queryString(request.query)
  w.emit({
    kind: 'http.request',
    component: 'kubectl',
    from: 'kubectl',
    to: 'kube-apiserver',
    stage: 'kubectl',
    summary: `${request.method} ${request.path}${query ? `?${query}` : ''}`,
    narration,
    payload: request,
  })
  w.send(SEND_MS, { to: 'kube-apiserver', type: 'request', request })
}

function onResponse(w: StepWriter, ctx: SimContext, request: HttpRequest, response: HttpResponse): void {
  const { command } = ctx.input
  const body = response.body as JsonObject
  if (request.path === '/api' || request.path === '/apis') {
    if (response.code !== 200) {
      const status = response.body as { reason?: string; message?: string }
      finish(
        w,
        1,
        '',
        `Error from server (${status.reason ?? 'InternalError'}): ${status.message ?? ''}\n`,
        `The apiserver refused kubectl's discovery request with ${response.code}.`,
      )
      return
    }
    if (request.path === '/api') sendDiscovery(w, ctx, '/apis')
    else sendFirstRequest(w, ctx)
    return
  }
  if (request.method === 'GET') {
    if (response.code === 404) {
      const memory = w.world.kubectlMemory
      if (!memory) throw new Error('kubectl got a response without having sent a request')
      const id = w.world.nextRequestId
      w.update({ ...w.world, nextRequestId: id + 1 })
      const namespace = request.path.split('/')[4] ?? 'default'
      const session = request.headers['Kubectl-Session'] ?? ''
      const post = createRequest(id, command, memory.config, session, namespace, memory.object)
      send(
        w,
        post,
        `Not found, so kubectl apply creates it: POST ${post.path}, with the applied configuration saved in the kubectl.kubernetes.io/last-applied-configuration annotation.`,
      )
      return
    }
    if (response.code === 200) {
      applyToExisting(w, command, request, body)
      return
    }
    const ns = request.path.split('/')[4] ?? 'default'
    const name = request.path.split('/')[6] ?? ''
    const context = `error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "${name}", Namespace: "${ns}"\nfrom server for: "${command.file}"`
    finish(
      w,
      1,
      '',
      kubectlError(response.body, context),
      `The apiserver refused kubectl's GET with ${response.code}.`,
    )
    return
  }
  const earlier = w.world.kubectlMemory?.stderr ?? ''
  if (response.code >= 200 && response.code < 300) {
    const name = String(((body['metadata'] ?? {}) as JsonObject)['name'] ?? '')
    const verb = command.serverSide
      ? 'serverside-applied'
      : request.method === 'PATCH'
        ? 'configured'
        : 'created'
    const dry = command.dryRunServer ? ' (server dry run)' : ''
    const warnings = (response.warnings ?? []).map((m) => `Warning: ${m}\n`).join('')
    finish(
      w,
      0,
      `pod/${name} ${verb}${dry}\n`,
      earlier + warnings,
      `kubectl prints "pod/${name} ${verb}" and exits 0. Its part is over: everything from here on happens inside the cluster, driven by watches.`,
    )
    return
  }
  // client-go's warning handler prints Warning headers as the response arrives, before the error.
  const warnings = (response.warnings ?? []).map((m) => `Warning: ${m}\n`).join('')
  finish(
    w,
    1,
    '',
    earlier + warnings + kubectlError(response.body, errorContext(command.file, request)),
    `kubectl prints the apiserver's error and exits 1.`,
  )
}

/**
 * apply's warning when the live object lacks the last-applied annotation.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (warningNoLastAppliedConfigAnnotation).
 */
export const warningNoLastAppliedConfigAnnotation = (resource: string, name: string) =>
  `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`

/** What kubectl says it was doing when a request failed (cmdutil.AddSourceToErr). */
function errorContext(file: string, request: HttpRequest): string {
  if (request.method !== 'PATCH' || request.headers['Content-Type'] === 'application/apply-patch+yaml')
    return `error when creating "${file}"`
  const [, , , , ns = '', , name = ''] = request.path.split('/')
  // apply/patcher.go: AddSourceToErr(fmt.Sprintf("applying patch:\n%s\nto:\n%v\nfor:", patch, info), …)
  return `error when applying patch:\n${sortedJson(request.body)}\nto:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "${name}", Namespace: "${ns}"\nfor: "${file}"`
}

/**
 * The pod exists: compute the three-way strategic merge patch from the
 * last-applied annotation, the new configuration and the live object; send it,
 * or print `unchanged` when it is empty (apply/patcher.go patchSimple).
 */
function applyToExisting(
  w: StepWriter,
  command: SimContext['input']['command'],
  get: HttpRequest,
  live: JsonObject,
): void {
  const memory = w.world.kubectlMemory
  if (!memory) throw new Error('kubectl got a response without having sent a request')
  const metadata = (live['metadata'] ?? {}) as JsonObject
  const name = String(metadata['name'] ?? '')
  const namespace = get.path.split('/')[4] ?? 'default'
  const annotation = ((metadata['annotations'] ?? {}) as JsonObject)[LAST_APPLIED]
  const original = typeof annotation === 'string' ? parseLastApplied(annotation) : null
  const modified = appliedObject(memory.object, namespace)
  const patch = createThreeWayMergePatch(original, modified, live)
  const stderr = typeof annotation === 'string' ? '' : warningNoLastAppliedConfigAnnotation('pods', name)
  if (Object.keys(patch).length === 0) {
    finish(
      w,
      0,
      `pod/${name} unchanged\n`,
      stderr,
      'The three-way patch (last applied, new file, live object) is empty: kubectl apply has nothing to change and sends nothing more.',
    )
    return
  }
  const id = w.world.nextRequestId
  w.update({ ...w.world, nextRequestId: id + 1, kubectlMemory: { ...memory, stderr } })
  const session = get.headers['Kubectl-Session'] ?? ''
  const request = patchRequest(id, command, memory.config, session, namespace, name, patch)
  send(
    w,
    request,
    `The pod exists, so kubectl apply computes a three-way strategic merge patch from the last-applied annotation, ${command.file} and the live pod, and sends only the difference: PATCH ${request.path}.`,
  )
}

function parseLastApplied(text: string): JsonObject | null {
  try {
    const v = JSON.parse(text) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null
  } catch {
    return null
  }
}
