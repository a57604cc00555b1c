/**
 * The defaults zz_generated.defaults.go (SetObjectDefaults_Pod) applies inside
 * each container, on top of SetDefaults_Container: probes (SetDefaults_Probe,
 * SetDefaults_HTTPGetAction, the `+default=""` of GRPCAction.service), the
 * lifecycle hooks' HTTPGetAction, env fieldRef apiVersion
 * (SetDefaults_ObjectFieldSelector) and the resource lists
 * (SetDefaults_ResourceList). Upstream: kubernetes/kubernetes
 * pkg/apis/core/v1/defaults.go and zz_generated.defaults.go.
 *
 * Go's defaulters test ints against 0 and strings against "", so a probe
 * written with `timeoutSeconds: 0` is stored with 1, and `path: ""` with "/".
 */
import type { Container } from '../model/objects'
import { defaultResourceRequirements } from './defaulting-resources'

type Obj = { readonly [key: string]: unknown }

const asObj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined

/** Go's `if x == 0 { x = d }` for an int field; absent decodes to 0. */
const orInt = (v: unknown, d: number): unknown => (v === undefined || v === 0 ? d : v)
/** Go's `if s == "" { s = d }` for a string field; absent decodes to "". */
const orStr = (v: unknown, d: string): unknown => (v === undefined || v === '' ? d : v)

/**
 * SetDefaults_HTTPGetAction: path "/" and scheme HTTP. HTTPHeader.Value has no
 * omitempty, so a header stored without a value shows `value: ""`.
 */
export function defaultHTTPGetAction(action: Obj): Obj {
  const headers = action['httpHeaders']
  return {
    ...action,
    ...(Array.isArray(headers)
      ? { httpHeaders: headers.map((h: unknown) => (asObj(h) ? { value: '', ...asObj(h) } : h)) }
      : {}),
    path: orStr(action['path'], '/'),
    scheme: orStr(action['scheme'], 'HTTP'),
  }
}

/** SetDefaults_Probe, then the handler's own defaults. */
export function defaultProbe(probe: Obj): Obj {
  const httpGet = asObj(probe['httpGet'])
  const grpc = asObj(probe['grpc'])
  return {
    ...probe,
    ...(httpGet ? { httpGet: defaultHTTPGetAction(httpGet) } : {}),
    // GRPCAction.Service is a *string with `+default=""`: only a missing one is set (a null decodes to nil).
    ...(grpc ? { grpc: grpc['service'] == null ? { ...grpc, service: '' } : grpc } : {}),
    timeoutSeconds: orInt(probe['timeoutSeconds'], 1),
    periodSeconds: orInt(probe['periodSeconds'], 10),
    successThreshold: orInt(probe['successThreshold'], 1),
    failureThreshold: orInt(probe['failureThreshold'], 3),
  }
}

/** Lifecycle.postStart / preStop: only an httpGet handler has defaults (no probe thresholds). */
function defaultLifecycle(lifecycle: Obj): Obj {
  const out: Record<string, unknown> = { ...lifecycle }
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = asObj(lifecycle[hook])
    const httpGet = asObj(handler?.['httpGet'])
    if (handler && httpGet) out[hook] = { ...handler, httpGet: defaultHTTPGetAction(httpGet) }
  }
  return out
}

/**
 * SetDefaults_ObjectFieldSelector: apiVersion "v1". A resourceFieldRef has no
 * defaulter, but its divisor is a resource.Quantity value (not a pointer), so
 * the stored object always carries it: `divisor: "0"` when none was given.
 */
export function defaultEnvVarSource(valueFrom: Obj): Obj {
  const fieldRef = asObj(valueFrom['fieldRef'])
  const resourceFieldRef = asObj(valueFrom['resourceFieldRef'])
  return {
    ...valueFrom,
    ...(fieldRef ? { fieldRef: defaultObjectFieldSelector(fieldRef) } : {}),
    ...(resourceFieldRef ? { resourceFieldRef: defaultResourceFieldSelector(resourceFieldRef) } : {}),
  }
}

export const defaultObjectFieldSelector = (ref: Obj): Obj => ({
  ...ref,
  apiVersion: orStr(ref['apiVersion'], 'v1'),
})

export const defaultResourceFieldSelector = (ref: Obj): Obj => ({
  ...ref,
  divisor: ref['divisor'] ?? '0',
})

/** Everything zz_generated.defaults.go defaults inside one container besides SetDefaults_Container. */
export function defaultContainerNested(c: Container): Container {
  const out: Record<string, unknown> = { ...c }
  for (const field of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = asObj(c[field])
    if (probe) out[field] = defaultProbe(probe)
  }
  const lifecycle = asObj(c['lifecycle'])
  if (lifecycle) out['lifecycle'] = defaultLifecycle(lifecycle)
  if (Array.isArray(c['env'])) {
    out['env'] = (c['env'] as readonly unknown[]).map((raw) => {
      const e = asObj(raw)
      const valueFrom = asObj(e?.['valueFrom'])
      return e && valueFrom ? { ...e, valueFrom: defaultEnvVarSource(valueFrom) } : raw
    })
  }
  if (c.resources) out['resources'] = defaultResourceRequirements(c.resources)
  return out as Container
}
