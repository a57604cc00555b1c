/**
 * Strategic merge patch for Pods: the three-way patch kubectl apply computes
 * (last-applied, new, live) and the apiserver's application of it.
 *
 * Lists with a patch merge key (containers by name, ports by containerPort, …)
 * merge element by element; other lists are replaced whole. A null deletes a
 * field; `$setElementOrder/<list>` carries the order of a merged list;
 * `{"$patch": "delete", <key>: …}` deletes one element.
 * Upstream: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
 * (CreateThreeWayMergePatch, StrategicMergePatch), merge keys from the
 * `patchMergeKey` tags of staging/src/k8s.io/api/core/v1/types.go.
 *
 * Simplifications: merge keys are looked up by field name (right for the Pod
 * type only); `$retainKeys` and primitive-list directives are not produced.
 */
import type { Json, JsonObject } from './objects'

/** patchMergeKey of the Pod's merged lists, by field name. */
export const POD_MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  resourceClaims: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  conditions: 'type',
  ownerReferences: 'uid',
}

const SET_ELEMENT_ORDER = '$setElementOrder/'

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]))
  }
  return false
}

/**
 * The patch that turns `current` into `modified` for every field `modified`
 * sets, plus deletions of fields `original` set and `modified` no longer does.
 * An empty object means nothing would change (kubectl then prints `unchanged`).
 */
export function createThreeWayMergePatch(
  original: JsonObject | null,
  modified: JsonObject,
  current: JsonObject,
): JsonObject {
  const patch: Record<string, Json> = {}
  for (const [key, value] of Object.entries(modified)) {
    const live = current[key]
    const before = original?.[key]
    const mergeKey = POD_MERGE_KEYS[key]
    if (isObject(value) && isObject(live)) {
      const sub = createThreeWayMergePatch(isObject(before) ? before : null, value, live)
      if (Object.keys(sub).length) patch[key] = sub
    } else if (mergeKey && Array.isArray(value) && Array.isArray(live)) {
      const entries = threeWayList(mergeKey, Array.isArray(before) ? before : [], value, live)
      if (entries) {
        patch[SET_ELEMENT_ORDER + key] = value.map((v) =>
          isObject(v) ? { [mergeKey]: v[mergeKey] ?? null } : v,
        )
        patch[key] = entries
      }
    } else if (!jsonEqual(value, live)) {
      patch[key] = value
    }
  }
  for (const key of Object.keys(original ?? {})) {
    if (!(key in modified) && key in current) patch[key] = null
  }
  return patch
}

function threeWayList(
  mergeKey: string,
  original: readonly Json[],
  modified: readonly Json[],
  current: readonly Json[],
): Json[] | null {
  const find = (list: readonly Json[], k: Json | undefined) =>
    list.find((x) => isObject(x) && jsonEqual(x[mergeKey], k)) as JsonObject | undefined
  const out: Json[] = []
  for (const item of modified) {
    if (!isObject(item)) continue
    const live = find(current, item[mergeKey])
    if (!live) {
      out.push(item)
      continue
    }
    const sub = createThreeWayMergePatch(find(original, item[mergeKey]) ?? null, item, live)
    if (Object.keys(sub).length) out.push({ ...sub, [mergeKey]: item[mergeKey] ?? null })
  }
  for (const item of original) {
    if (!isObject(item) || find(modified, item[mergeKey])) continue
    if (find(current, item[mergeKey])) out.push({ $patch: 'delete', [mergeKey]: item[mergeKey] ?? null })
  }
  return out.length ? out : null
}

/** Applies a strategic merge patch to a Pod-shaped object; the input is not changed. */
export function applyStrategicMergePatch(doc: JsonObject, patch: JsonObject): JsonObject {
  const out: Record<string, Json> = { ...doc }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue
    const mergeKey = POD_MERGE_KEYS[key]
    if (value === null) delete out[key]
    else if (isObject(value) && isObject(out[key])) out[key] = applyStrategicMergePatch(out[key], value)
    else if (mergeKey && Array.isArray(value) && Array.isArray(out[key]))
      out[key] = mergeList(mergeKey, out[key], value, patch[SET_ELEMENT_ORDER + key])
    else out[key] = value
  }
  return out
}

function mergeList(
  mergeKey: string,
  list: readonly Json[],
  patch: readonly Json[],
  order: Json | undefined,
): Json[] {
  let result = [...list]
  for (const item of patch) {
    if (!isObject(item)) continue
    const i = result.findIndex((x) => isObject(x) && jsonEqual(x[mergeKey], item[mergeKey]))
    if (item['$patch'] === 'delete') {
      if (i >= 0) result = result.filter((_, j) => j !== i)
    } else if (i >= 0) result[i] = applyStrategicMergePatch(result[i] as JsonObject, item)
    else result.push(item)
  }
  if (!Array.isArray(order)) return result
  // Elements named in $setElementOrder come in that order; the others keep theirs, after them.
  const keyOf = (x: Json) => (isObject(x) ? x[mergeKey] : x)
  const rank = (x: Json) => {
    const i = order.findIndex((o) => jsonEqual(keyOf(o), keyOf(x)))
    return i < 0 ? order.length : i
  }
  return result
    .map((x, i) => [x, i] as const)
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([x]) => x)
}
