/**
 * The create path for a Pod, one phase per step, in the order the apiserver
 * runs it (endpoints/handlers/create.go, registry/generic/registry/store.go):
 * decode + defaulting → mutating admission → PrepareForCreate + validation →
 * validating admission → etcd write → 201 → watch events.
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { AdmissionRecord } from '../protocol/events'
import type { HttpRequest, ResponseAudit, UserInfo } from '../protocol/http'
import type { CreateInFlight } from '../protocol/messages'
import type { Json, Pod } from '../model/objects'
import { decodePod } from './decode'
import { applyPodDefaults } from './defaulting'
import { validatePod } from './validation'
import { validateContainersOnlyForPod } from './pod-only-validation'
import { warningsOnPodCreate } from './pod-warnings'
import { admissionPlan } from './admission/chain'
import { diff } from '../model/json-patch'
import { failure, alreadyExists, fieldCauses } from './status'
import { schedulingGatedStatus } from '../scheduler/plugins/scheduling-gates'
import { respond } from './respond'
import { podQOSClass } from '../model/qos'
import { uuidV4 } from '../model/uuid'
import { randomSuffix } from './admission/plugins/service-account'
import { podKey } from '../etcd/store'
import { writePod } from '../etcd/write-pod'
import { invalidMessage } from '../model/field-errors'

const PLUGIN_MS = 0.15

export function decodeStep(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  user: UserInfo,
  audit: ResponseAudit,
): void {
  const fieldValidation = request.query['fieldValidation'] ?? 'Strict'
  const fail = (message: string) =>
    respond(w, {
      request,
      code: 400,
      body: failure(400, 'BadRequest', message),
      audit,
      stage: 'admission',
      summary: `400 BadRequest`,
      narration: `The apiserver could not decode the request body into a Pod, so it answers 400 Bad Request before admission runs: ${message}`,
    })
  const body = request.body
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('the request body is not a JSON object')
  const decoded = decodePod(body as Json)
  if (decoded.error || !decoded.object) {
    return fail(`Pod in version "v1" cannot be handled as a Pod: ${decoded.error ?? 'decode failed'}`)
  }
  const unknown = fieldValidation === 'Ignore' ? [] : decoded.unknownFields
  if (fieldValidation === 'Strict' && unknown.length > 0) {
    return fail(
      `Pod in version "v1" cannot be handled as a Pod: strict decoding error: ${unknown.join(', ')}`,
    )
  }
  const raw = decoded.object as unknown as Pod
  const namespace = request.path.split('/')[4] ?? 'default'
  if (raw.metadata?.namespace && raw.metadata.namespace !== namespace) {
    return fail('the namespace of the provided object does not match the namespace sent on the request')
  }
  const withNs: Pod = {
    ...raw,
    metadata: { ...(raw.metadata ?? {}), namespace },
    spec: raw.spec ?? { containers: [] },
  }
  const defaulted = applyPodDefaults(withNs)
  const defaults = diff(withNs, defaulted)
  w.emit({
    kind: 'apiserver.decode',
    component: 'kube-apiserver',
    stage: 'admission',
    summary: `decoded Pod (fieldValidation=${fieldValidation}); ${defaults.length} default(s) set`,
    narration:
      `The apiserver decodes the JSON body into a Pod, checking every field against the API schema (fieldValidation=${fieldValidation}); ` +
      `kubectl does not do this, the server does. It then fills in defaults such as restartPolicy, dnsPolicy and imagePullPolicy.`,
    payload: { defaults, unknownFields: unknown, fieldValidation },
  })
  const warnings = fieldValidation === 'Warn' ? unknown : []
  const create: CreateInFlight = { request, user, audit, pod: defaulted, admission: [], warnings }
  w.send(0.3, {
    to: 'kube-apiserver',
    type: 'continue',
    step: { phase: 'admit', create, stage: 'mutating', index: 0 },
  })
  void ctx
}

export function admitStep(
  w: StepWriter,
  ctx: SimContext,
  create: CreateInFlight,
  stage: 'mutating' | 'validating',
  index: number,
): void {
  const plan = admissionPlan(ctx.cluster.apiServer, stage, 'CREATE')
  const skipped: AdmissionRecord[] = []
  let i = index
  while (i < plan.length && !plan[i]!.handles) {
    skipped.push({
      plugin: plan[i]!.plugin.name,
      phase: stage,
      verdict: 'skip',
      patch: [],
      note: 'does not handle CREATE',
    })
    i++
  }
  const entry = plan[i]
  if (!entry) {
    const next = { ...create, admission: [...create.admission, ...skipped] }
    const step =
      stage === 'mutating'
        ? { phase: 'validate' as const, create: next }
        : { phase: 'store' as const, create: next }
    w.send(0.2, { to: 'kube-apiserver', type: 'continue', step })
    return
  }
  const namespace = create.pod.metadata.namespace ?? 'default'
  const input = {
    operation: 'CREATE' as const,
    resource: 'pods',
    namespace,
    // Validating admission sees the generated name (rest.AdmissionToValidateObjectFunc: "in case the
    // generated name is populated"); mutating admission only the request's.
    name: requestName(create.request) || (stage === 'validating' ? (create.pod.metadata.name ?? '') : ''),
    pod: create.pod,
    user: create.user,
    cluster: ctx.cluster,
    rng: w.world.rng,
    dryRun: create.request.query['dryRun'] === 'All',
  }
  const run = stage === 'mutating' ? entry.plugin.admit : entry.plugin.validate
  const result = run!(input)
  if (result.kind === 'deny') {
    const record: AdmissionRecord = {
      plugin: entry.plugin.name,
      phase: stage,
      verdict: 'deny',
      patch: [],
      message: result.message,
      note: result.note,
      ...(result.auditAnnotations ? { auditAnnotations: result.auditAnnotations } : {}),
    }
    w.emit({
      kind: 'admission.verdict',
      component: 'kube-apiserver',
      stage: 'admission',
      summary: `${entry.plugin.name} (${stage}): denied`,
      narration: `The ${entry.plugin.name} admission plugin rejects the pod: ${result.note}. The chain stops here; nothing is written to etcd.`,
      payload: { ...record, skipped },
    })
    respond(w, {
      request: create.request,
      code: result.code,
      body: failure(result.code, result.reason, result.message, {
        name: result.code === 404 ? namespace : input.name,
        kind: result.code === 404 ? 'namespaces' : 'pods',
      }),
      audit: create.audit,
      warnings: create.warnings,
      stage: 'admission',
      summary: `${result.code} ${result.reason}`,
      narration: `The apiserver answers ${result.code} ${result.reason}: ${result.message}`,
    })
    return
  }
  const patch = diff(create.pod, result.pod)
  const record: AdmissionRecord = {
    plugin: entry.plugin.name,
    phase: stage,
    verdict: 'admit',
    patch,
    note: result.note,
    ...(result.warnings?.length ? { warnings: result.warnings } : {}),
    ...(result.auditAnnotations ? { auditAnnotations: result.auditAnnotations } : {}),
  }
  if (result.rng) w.update({ ...w.world, rng: result.rng })
  w.emit({
    kind: 'admission.verdict',
    component: 'kube-apiserver',
    stage: 'admission',
    summary: `${entry.plugin.name} (${stage}): admit${patch.length ? `, ${patch.length} change(s)` : ''}`,
    narration: `${stage === 'mutating' ? 'Mutating' : 'Validating'} admission: ${entry.plugin.name} ${patch.length ? 'changes the pod' : 'lets the pod through'}: ${result.note}.`,
    payload: { ...record, skipped },
  })
  const next: CreateInFlight = {
    ...create,
    pod: result.pod,
    admission: [...create.admission, ...skipped, record],
    warnings: [...create.warnings, ...(result.warnings ?? [])],
  }
  w.send(PLUGIN_MS, {
    to: 'kube-apiserver',
    type: 'continue',
    step: { phase: 'admit', create: next, stage, index: i + 1 },
  })
}

/** The object name the request carries (attrs.GetName()): empty for a generateName create. */
function requestName(request: HttpRequest): string {
  const body = request.body
  if (!body || typeof body !== 'object' || Array.isArray(body)) return ''
  const meta = (body as { metadata?: { name?: unknown } }).metadata
  return typeof meta?.name === 'string' ? meta.name : ''
}

/** PrepareForCreate, system metadata and ValidatePodCreate (registry/core/pod/strategy.go). */
export function validateStep(w: StepWriter, ctx: SimContext, create: CreateInFlight): void {
  let rng = w.world.rng
  let name = create.pod.metadata.name ?? ''
  if (!name && create.pod.metadata.generateName) {
    const [suffix, r] = randomSuffix(rng)
    rng = r
    name = create.pod.metadata.generateName + suffix
  }
  const [uid, r2] = uuidV4(rng)
  rng = r2
  const pod: Pod = {
    ...create.pod,
    metadata: {
      ...create.pod.metadata,
      ...(name ? { name } : {}),
      uid,
      generation: 1,
      creationTimestamp: timestamp(ctx),
    },
    status: {
      phase: 'Pending',
      qosClass: podQOSClass(create.pod),
      ...schedulingGatedStatus(create.pod, timestamp(ctx)),
    },
  }
  w.update({ ...w.world, rng })
  // validatePodMetadataAndSpec: the spec as a template would be checked, then what only a pod must pass.
  const errors = [
    ...validatePod(pod),
    ...validateContainersOnlyForPod(pod.spec.containers ?? [], 'spec.containers'),
    ...validateContainersOnlyForPod(pod.spec.initContainers ?? [], 'spec.initContainers'),
  ]
  // BeforeCreate adds the strategy's warnings only once validation has passed.
  const podWarnings = errors.length ? [] : warningsOnPodCreate(pod)
  const causes = fieldCauses(errors)
  w.emit({
    kind: 'apiserver.validation',
    component: 'kube-apiserver',
    stage: 'admission',
    summary: errors.length ? `validation: ${errors.length} error(s)` : 'validation passed',
    narration: errors.length
      ? `Pod validation finds ${errors.length} problem(s); all are reported together and nothing is stored.`
      : `The registry assigns a uid and creationTimestamp, sets status.phase Pending and qosClass ${pod.status?.qosClass}, and validates the whole Pod spec: it is valid.` +
        (podWarnings.length
          ? ` It is accepted with ${podWarnings.length} warning(s), which go back to the client as Warning headers: ${podWarnings.join('; ')}`
          : ''),
    payload: { errors, causes },
  })
  if (errors.length) {
    const message = invalidMessage('Pod', name, errors)
    respond(w, {
      request: create.request,
      code: 422,
      body: failure(422, 'Invalid', message, { name, kind: 'Pod', causes }),
      audit: create.audit,
      warnings: create.warnings,
      stage: 'storage',
      summary: '422 Invalid',
      narration: `The apiserver answers 422 Unprocessable Entity: ${message}`,
    })
    return
  }
  const warnings = [...create.warnings, ...podWarnings]
  w.send(0.3, {
    to: 'kube-apiserver',
    type: 'continue',
    step: { phase: 'admit', create: { ...create, pod, warnings }, stage: 'validating', index: 0 },
  })
}

export function storeStep(w: StepWriter, ctx: SimContext, create: CreateInFlight): void {
  const ns = create.pod.metadata.namespace ?? 'default'
  const name = create.pod.metadata.name ?? ''
  const key = podKey(ns, name)
  const exists =
    w.world.etcd.keys[key] !== undefined ||
    ctx.cluster.pods.some((p) => p.metadata.name === name && p.metadata.namespace === ns)
  if (exists) {
    respond(w, {
      request: create.request,
      code: 409,
      body: alreadyExists('pods', name),
      audit: create.audit,
      warnings: create.warnings,
      stage: 'storage',
      summary: '409 AlreadyExists',
      narration: `etcd already holds ${key}; the create fails with 409 Conflict (AlreadyExists).`,
    })
    return
  }
  if (create.request.query['dryRun'] === 'All') {
    respond(w, {
      request: create.request,
      code: 201,
      body: create.pod as unknown as Json,
      audit: create.audit,
      warnings: create.warnings,
      stage: 'storage',
      summary: '201 Created (dry run: nothing stored)',
      narration: 'With dryRun=All the apiserver runs every step but does not write to etcd.',
    })
    return
  }
  const stored = writePod(
    w,
    // The deprecated spec.serviceAccount mirrors serviceAccountName in v1 (conversion).
    create.pod.spec.serviceAccountName
      ? { ...create.pod, spec: { ...create.pod.spec, serviceAccount: create.pod.spec.serviceAccountName } }
      : create.pod,
    {
      what: 'create',
      stage: 'storage',
      summary: (k, rev) => `PUT ${k} → revision ${rev}`,
      narration: (k, rev) =>
        `The apiserver writes the Pod to etcd under ${k}, encoded as protobuf. etcd's revision becomes ${rev}, which is the Pod's resourceVersion. Only the apiserver ever talks to etcd.`,
    },
  )
  respond(w, {
    request: create.request,
    code: 201,
    body: stored as unknown as Json,
    audit: create.audit,
    warnings: create.warnings,
    stage: 'storage',
    summary: `201 Created pods/${name}`,
    narration: `The apiserver answers 201 Created with the stored Pod. It exists now, but no node has been chosen: spec.nodeName is empty and the phase is Pending.`,
  })
  const node = stored.spec.nodeName
  // A nodeName naming no node: no kubelet watches for it, so the pod stays Pending (until the pod GC removes it).
  if (node && !ctx.cluster.nodes.some((n) => n.metadata.name === node)) return
  if (node) {
    // spec.nodeName set by hand: no scheduler involved; the node's kubelet sees the pod through its watch.
    w.emit({
      kind: 'watch.event',
      component: 'kube-apiserver',
      from: 'kube-apiserver',
      to: 'kubelet',
      stage: 'kubelet',
      summary: `watch ADDED pods/${name} → kubelet on ${node}`,
      narration: `spec.nodeName is already set to ${node}, so the scheduler has nothing to do (it only watches pods with an empty nodeName). The kubelet on ${node} watches pods bound to it and receives this one at once.`,
      payload: {
        type: 'ADDED',
        watcher: `kubelet/${node}`,
        resourceVersion: stored.metadata.resourceVersion ?? '',
      },
    })
    w.send(2, { to: 'kubelet', type: 'watch', node, pod: stored })
    return
  }
  w.emit({
    kind: 'watch.event',
    component: 'kube-apiserver',
    from: 'kube-apiserver',
    to: 'kube-scheduler',
    stage: 'scheduling',
    summary: `watch ADDED pods/${name} → kube-scheduler`,
    narration:
      "The scheduler keeps a watch open on pods with no spec.nodeName. The apiserver's watch cache pushes an ADDED event to it at once; nobody polls.",
    payload: {
      type: 'ADDED',
      watcher: 'kube-scheduler',
      resourceVersion: stored.metadata.resourceVersion ?? '',
    },
  })
  w.send(1.5, { to: 'kube-scheduler', type: 'watch', watchType: 'ADDED', pod: stored })
}
