/**
 * kubectl as a component: read the manifest, resolve the kubeconfig, send the
 * request(s) its command sends, and print what kubectl prints.
 */
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { World } from '../protocol/world'
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { Message } from '../protocol/messages'
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
import { formatFailures, type KubectlFailure } from './output'
import { planObjects, type PlanItem } from './plan'
import { CORE_RESOURCES, kindGroupName } from '../model/core-resources'
import { uuidV4 } from '../model/uuid'
import { onOpenAPIResponse, preflight, sendDiscovery } from './preflight'
import { isOpenAPIRequest } from './openapi'

type KubectlMessage = Extract<Message, { to: 'kubectl' }>

const SEND_MS = 2

export function kubectlStep(world: World, msg: KubectlMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
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
  if (command.error) {
    finish(
      w,
      1,
      '',
      `error: ${command.error}\n`,
      'kubectl refuses its own command line before reading any file.',
    )
    return
  }
  const parsed = parseManifest(ctx.input.manifest, command.file)
  // A first document that is YAML but no mapping is refused by the plan, as --validate decides (plan.ts).
  if (!parsed.ok && (parsed.documents ?? []).length === 0 && parsed.entries?.[0]?.type !== 'not-an-object') {
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
  // With --validate=false kubectl reads past a document that is no mapping (plan.ts), so those after count.
  const readPast = !parsed.ok && command.validate === 'Ignore' && parsed.entries
  const documents = readPast
    ? readPast.flatMap((e) => (e.type === 'object' ? [e.document] : []))
    : (parsed.documents ?? [])
  if (parsed.ok && documents.length === 0) {
    finish(
      w,
      1,
      '',
      `error: no objects passed to ${command.verb}\n`,
      'The file holds no objects, so kubectl has nothing to send.',
    )
    return
  }
  const cfg = resolveKubeconfig(ctx.input.kubeconfig, ctx.input.context, ctx.input.kubeconfigName)
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
  const items = planObjects(parsed, command, config.namespace)
  const objects = items.filter((i) => i.type === 'object')
  if (objects.length === 0) {
    complete(w, { object: {}, config, items, failures: failuresOf(items) })
    return
  }
  const first = objects[0]!
  const firstName = String(((first.object['metadata'] ?? {}) as JsonObject)['name'] ?? '')
  w.emit({
    kind: 'kubectl.parse',
    component: 'kubectl',
    stage: 'kubectl',
    summary: `read ${command.file}: ${documents.length} object(s), ${String(first.object['kind'] ?? 'Pod')} ${firstName}`,
    narration:
      documents.length > 1
        ? `kubectl reads ${command.file}: ${documents.length} objects, which it sends one after the other, each with its own requests. It checks only that apiVersion and kind are set; the real validation happens on the server.`
        : `kubectl reads ${command.file} and converts the YAML to JSON. It checks only that apiVersion and kind are set; the real validation happens on the server.`,
    payload: {
      documents: documents.length,
      objects: documents.map(
        (d) =>
          `${String(d.object['kind'])}/${String(((d.object['metadata'] ?? {}) as JsonObject)['name'] ?? '')}`,
      ),
    },
  })
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
      namespace: first.namespace,
      credential: describeCredential(config),
    },
  })
  const [session, rng] = uuidV4(w.world.rng)
  // apply gathers every object before sending any, so its client-side failures come first (apply.go Run);
  // create meets them in file order as its visitor walks the stream.
  const failures = command.verb === 'apply' ? failuresOf(items) : []
  // The first Pod document is the one the app shows (protocol/pods.ts storyPod); a Namespace may come before it.
  const primary = items.findIndex((i) => i.type === 'object' && i.object['kind'] === 'Pod')
  w.update({
    ...w.world,
    rng,
    ...(primary > 0 ? { primaryDoc: primary } : {}),
    kubectlMemory: { object: first.object, config, namespace: first.namespace, session, items, failures },
  })
  resume(w, ctx)
}

/**
 * Goes on with the objects, at the start or after one of kubectl's own questions (OpenAPI, discovery)
 * was answered: apply readies every object before it sends any, create only the next one (preflight.ts).
 */
function resume(w: StepWriter, ctx: SimContext): void {
  const memory = w.world.kubectlMemory!
  const from = memory.index ?? 0
  if (ctx.input.command.verb === 'apply' && !memory.preflighted) {
    const items = memory.items ?? []
    for (let i = from; i < items.length; i++) if (preflight(w, ctx, i, send) === 'waiting') return
    w.update({ ...w.world, kubectlMemory: { ...w.world.kubectlMemory!, preflighted: true } })
    nextObject(w, ctx, 0)
    return
  }
  nextObject(w, ctx, from)
}

function failuresOf(items: readonly PlanItem[]): KubectlFailure[] {
  return items.flatMap((i) => (i.type === 'failure' ? [i.failure] : []))
}

type Memory = NonNullable<World['kubectlMemory']>

/**
 * Sends the first request for the object at or after `from`; when none is left, kubectl prints its
 * failures and exits. Each object's requests are about its document (protocol/pods.ts About).
 */
function nextObject(w: StepWriter, ctx: SimContext, from: number): void {
  const memory = w.world.kubectlMemory!
  const items = memory.items ?? []
  let failures = memory.failures ?? []
  for (let i = from; i < items.length; i++) {
    const item = items[i]!
    if (item.type === 'failure') {
      if (ctx.input.command.verb === 'create') failures = [...failures, item.failure]
      continue
    }
    w.update({ ...w.world, kubectlMemory: { ...w.world.kubectlMemory!, failures } })
    if (preflight(w, ctx, i, send) === 'waiting') return
    w.update({
      ...w.world,
      kubectlMemory: {
        ...w.world.kubectlMemory!,
        object: item.object,
        namespace: item.namespace,
        index: i,
      },
    })
    sendFirstRequest(w, ctx, i)
    return
  }
  complete(w, { ...w.world.kubectlMemory!, failures })
}

/** Every object has been tried: print the failures (if any) and exit. */
function complete(w: StepWriter, memory: Memory): void {
  const failures = memory.failures ?? []
  const stdout = memory.stdout ?? ''
  const stderr = (memory.stderr ?? '') + formatFailures(failures)
  const sent = (memory.items ?? []).filter((i) => i.type === 'object').length
  w.update({ ...w.world, kubectlMemory: memory })
  finish(
    w,
    failures.length > 0 ? 1 : 0,
    stdout,
    stderr,
    failures.length === 0
      ? sent > 1
        ? `kubectl has sent all ${sent} objects and exits 0. Its part is over: everything from here on happens inside the cluster, driven by watches.`
        : `kubectl prints "${stdout.trim()}" and exits 0. Its part is over: everything from here on happens inside the cluster, driven by watches.`
      : stdout
        ? `kubectl prints what it did and, at the end, the ${failures.length > 1 ? 'errors' : 'error'}; it exits 1.`
        : failures[0]?.type === 'status'
          ? `kubectl prints the apiserver's error and exits 1.`
          : `kubectl refuses ${failures.length > 1 ? 'the objects' : 'the object'} before sending anything and exits 1.`,
  )
}

/** One object is done: record its output line or failure, then go on with the next. */
function objectDone(w: StepWriter, ctx: SimContext, result: { line: string } | KubectlFailure): void {
  const memory = w.world.kubectlMemory!
  const next: Memory =
    'line' in result
      ? { ...memory, stdout: (memory.stdout ?? '') + result.line }
      : { ...memory, failures: [...(memory.failures ?? []), result] }
  w.update({ ...w.world, kubectlMemory: next })
  nextObject(w, ctx, (memory.index ?? 0) + 1)
}

export { AGGREGATED_DISCOVERY_ACCEPT } from './preflight'

/** The command's own first request: GET (client-side apply), POST (create) or PATCH (server-side apply). */
function sendFirstRequest(w: StepWriter, ctx: SimContext, index: number): void {
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
        : getRequest(id, command, memory.config, session, namespace, name, String(doc['kind'] ?? 'Pod'))
  send(w, request, sessionNote(command.verb, command.serverSide, request), index)
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

/** `doc`: the manifest document the request is about (protocol/pods.ts); absent, the current one. */
function send(w: StepWriter, request: HttpRequest, narration: string, doc?: number): void {
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
  w.send(SEND_MS, { to: 'kube-apiserver', type: 'request', request }, doc === undefined ? w.about : { doc })
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
    if (request.path === '/api') sendDiscovery(w, ctx, '/apis', send, ctx.about.doc)
    else {
      w.update({ ...w.world, kubectlMemory: { ...w.world.kubectlMemory!, discovered: true } })
      resume(w, ctx)
    }
    return
  }
  if (isOpenAPIRequest(request)) {
    if (onOpenAPIResponse(w, ctx, request, response, send)) resume(w, ctx)
    return
  }
  if (request.method === 'GET') {
    if (response.code === 404) {
      const memory = w.world.kubectlMemory
      if (!memory) throw new Error('kubectl got a response without having sent a request')
      const id = w.world.nextRequestId
      w.update({ ...w.world, nextRequestId: id + 1 })
      const namespace = memory.namespace ?? 'default'
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
      applyToExisting(w, ctx, request, body)
      return
    }
    const context = `error when retrieving current configuration of:\n${describeInfo(w.world.kubectlMemory!)}\nfrom server for: "${command.file}"`
    objectDone(w, ctx, { type: 'status', body: response.body, context })
    return
  }
  // client-go's warning handler prints Warning headers as each response arrives.
  const warnings = (response.warnings ?? []).map((m) => `Warning: ${m}\n`).join('')
  if (warnings) {
    const memory = w.world.kubectlMemory!
    w.update({ ...w.world, kubectlMemory: { ...memory, stderr: (memory.stderr ?? '') + warnings } })
  }
  if (response.code >= 200 && response.code < 300) {
    const name = String(((body['metadata'] ?? {}) as JsonObject)['name'] ?? '')
    const kind = objectInfo(w.world.kubectlMemory!).kind
    const verb = command.serverSide
      ? 'serverside-applied'
      : request.method === 'PATCH'
        ? 'configured'
        : 'created'
    const dry = command.dryRunServer ? ' (server dry run)' : ''
    objectDone(w, ctx, { line: `${kindGroupName(kind, name)} ${verb}${dry}\n` })
    return
  }
  objectDone(w, ctx, {
    type: 'status',
    body: response.body,
    context: errorContext(command.file, request, w.world.kubectlMemory!),
  })
}

/** The object kubectl is working on: kind, REST resource, name and namespace (resource.Info). */
function objectInfo(memory: Memory) {
  const kind = String(memory.object['kind'] ?? 'Pod')
  const resource = CORE_RESOURCES[kind] ?? CORE_RESOURCES['Pod']!
  const name = String(((memory.object['metadata'] ?? {}) as JsonObject)['name'] ?? '')
  const namespace = resource.namespaced ? (memory.namespace ?? 'default') : ''
  return { kind, resource: resource.resource, group: resource.group ?? '', name, namespace }
}

/** resource.Info's String(), as AddSourceToErr and apply's messages print it. */
function describeInfo(memory: Memory): string {
  const i = objectInfo(memory)
  // schema.GroupVersionResource's String(): "<group>/<version>, Resource=<resource>" ("/v1" for core).
  const gv = `${i.group}/v1`
  return `Resource: "${gv}, Resource=${i.resource}", GroupVersionKind: "${gv}, Kind=${i.kind}"\nName: "${i.name}", Namespace: "${i.namespace}"`
}

/**
 * apply's warning when the live object lacks the last-applied annotation.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (warningNoLastAppliedConfigAnnotation).
 */
export const warningNoLastAppliedConfigAnnotation = (resource: string, name: string) =>
  `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`

/** What kubectl says it was doing when a request failed (cmdutil.AddSourceToErr). */
function errorContext(file: string, request: HttpRequest, memory: Memory): string {
  // apply.go applyOneObject returns server-side apply's error as it is, without AddSourceToErr.
  if (request.headers['Content-Type'] === 'application/apply-patch+yaml') return ''
  if (request.method !== 'PATCH') return `error when creating "${file}"`
  // apply/patcher.go: AddSourceToErr(fmt.Sprintf("applying patch:\n%s\nto:\n%v\nfor:", patch, info), …)
  return `error when applying patch:\n${sortedJson(request.body)}\nto:\n${describeInfo(memory)}\nfor: "${file}"`
}

/**
 * The pod exists: compute the three-way strategic merge patch from the
 * last-applied annotation, the new configuration and the live object; send it,
 * or print `unchanged` when it is empty (apply/patcher.go patchSimple).
 */
function applyToExisting(w: StepWriter, ctx: SimContext, get: HttpRequest, live: JsonObject): void {
  const { command } = ctx.input
  const memory = w.world.kubectlMemory
  if (!memory) throw new Error('kubectl got a response without having sent a request')
  const metadata = (live['metadata'] ?? {}) as JsonObject
  const name = String(metadata['name'] ?? '')
  const info = objectInfo(memory)
  const namespace = memory.namespace ?? 'default'
  const annotation = ((metadata['annotations'] ?? {}) as JsonObject)[LAST_APPLIED]
  const original = typeof annotation === 'string' ? parseLastApplied(annotation) : null
  const modified = appliedObject(memory.object, namespace)
  const patch = createThreeWayMergePatch(original, modified, live)
  const stderr =
    (memory.stderr ?? '') +
    (typeof annotation === 'string'
      ? ''
      : warningNoLastAppliedConfigAnnotation(
          info.group ? `${info.resource}.${info.group}` : info.resource, // info.ObjectName(): group-resource/name
          name,
        ))
  w.update({ ...w.world, kubectlMemory: { ...memory, stderr } })
  if (Object.keys(patch).length === 0) {
    objectDone(w, ctx, { line: `${kindGroupName(info.kind, name)} unchanged\n` })
    return
  }
  const id = w.world.nextRequestId
  w.update({ ...w.world, nextRequestId: id + 1 })
  const session = get.headers['Kubectl-Session'] ?? ''
  const request = patchRequest(id, command, memory.config, session, namespace, name, patch, info.kind)
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
