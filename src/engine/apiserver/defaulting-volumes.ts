/**
 * The defaults the apiserver writes into a Pod's volumes: SetDefaults_Volume
 * and the per-source defaulters zz_generated.defaults.go calls for each
 * volume in SetObjectDefaults_Pod, in its order. Upstream: kubernetes/kubernetes
 * pkg/apis/core/v1/defaults.go, zz_generated.defaults.go.
 *
 * Pointer fields (`*int32`, `*string`, `*bool`) are defaulted only when nil (a
 * JSON null or absent field), so `defaultMode: 0` stays 0; plain string fields
 * are defaulted when empty, as Go compares them with "".
 */
import type { JsonObject } from '../model/objects'
import { defaultObjectFieldSelector, defaultResourceFieldSelector } from './defaulting-containers'
import { defaultResourceRequirements } from './defaulting-resources'

type Obj = { readonly [key: string]: unknown }

const asObj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined

/** v1.SecretVolumeSourceDefaultMode and friends: 0644, which JSON shows as 420. */
export const DEFAULT_VOLUME_MODE = 0o644

/** Sets each nil pointer field to its default. */
const orNil = (o: Obj, defaults: Obj): Obj => {
  const out: Record<string, unknown> = { ...o }
  for (const [k, d] of Object.entries(defaults)) if (o[k] == null) out[k] = d
  return out
}
/** Sets each empty string field to its default. */
const orEmpty = (o: Obj, defaults: Obj): Obj => {
  const out: Record<string, unknown> = { ...o }
  for (const [k, d] of Object.entries(defaults)) if (o[k] === undefined || o[k] === '') out[k] = d
  return out
}

/** A DownwardAPIVolumeFile list: fieldRef gets apiVersion v1; a resourceFieldRef always carries its divisor. */
function defaultDownwardItems(items: unknown): unknown {
  if (!Array.isArray(items)) return items
  return items.map((raw) => {
    const item = asObj(raw)
    if (!item) return raw
    const fieldRef = asObj(item['fieldRef'])
    const resourceFieldRef = asObj(item['resourceFieldRef'])
    return {
      ...item,
      ...(fieldRef ? { fieldRef: defaultObjectFieldSelector(fieldRef) } : {}),
      ...(resourceFieldRef ? { resourceFieldRef: defaultResourceFieldSelector(resourceFieldRef) } : {}),
    }
  })
}

function defaultDownwardAPI(source: Obj): Obj {
  return source['items'] === undefined ? source : { ...source, items: defaultDownwardItems(source['items']) }
}

/** SetDefaults_ProjectedVolumeSource, then each source's downwardAPI items and SetDefaults_ServiceAccountTokenProjection. */
function defaultProjected(projected: Obj): Obj {
  const sources = projected['sources']
  return {
    ...orNil(projected, { defaultMode: DEFAULT_VOLUME_MODE }),
    ...(Array.isArray(sources)
      ? {
          sources: sources.map((raw) => {
            const source = asObj(raw)
            if (!source) return raw
            const downwardAPI = asObj(source['downwardAPI'])
            const token = asObj(source['serviceAccountToken'])
            return {
              ...source,
              ...(downwardAPI ? { downwardAPI: defaultDownwardAPI(downwardAPI) } : {}),
              ...(token ? { serviceAccountToken: orNil(token, { expirationSeconds: 3600 }) } : {}),
            }
          }),
        }
      : {}),
  }
}

/** SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem) and SetDefaults_ResourceList on the template. */
function defaultEphemeral(ephemeral: Obj): Obj {
  const template = asObj(ephemeral['volumeClaimTemplate'])
  if (!template) return ephemeral
  const spec = asObj(template['spec']) ?? {}
  const resources = asObj(spec['resources'])
  return {
    ...ephemeral,
    volumeClaimTemplate: {
      ...template,
      spec: {
        ...orNil(spec, { volumeMode: 'Filesystem' }),
        ...(resources ? { resources: defaultResourceRequirements(resources) } : {}),
      },
    },
  }
}

/** Each volume source's defaulter, keyed by its JSON name. */
const SOURCE_DEFAULTS: Readonly<Record<string, (source: Obj) => Obj>> = {
  // SetDefaults_HostPathVolumeSource: a nil type becomes HostPathUnset, the empty string.
  hostPath: (s) => orNil(s, { type: '' }),
  secret: (s) => orNil(s, { defaultMode: DEFAULT_VOLUME_MODE }),
  // ISCSIVolumeSource.Lun is an int32 without omitempty: the stored object always carries it.
  iscsi: (s) => orNil(orEmpty(s, { iscsiInterface: 'default' }), { lun: 0 }),
  rbd: (s) => orEmpty(s, { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' }),
  downwardAPI: (s) => defaultDownwardAPI(orNil(s, { defaultMode: DEFAULT_VOLUME_MODE })),
  configMap: (s) => orNil(s, { defaultMode: DEFAULT_VOLUME_MODE }),
  azureDisk: (s) => orNil(s, { cachingMode: 'ReadWrite', kind: 'Shared', fsType: 'ext4', readOnly: false }),
  projected: defaultProjected,
  scaleIO: (s) => orEmpty(s, { storageMode: 'ThinProvisioned', fsType: 'xfs' }),
  ephemeral: defaultEphemeral,
}

/** SetDefaults_Volume (a volume with no source is an emptyDir), then the source's own defaults. */
export function defaultVolume(volume: JsonObject): JsonObject {
  const hasSource = Object.entries(volume).some(([k, v]) => k !== 'name' && v != null)
  const out: Record<string, unknown> = hasSource ? { ...volume } : { ...volume, emptyDir: {} }
  for (const [field, defaulter] of Object.entries(SOURCE_DEFAULTS)) {
    const source = asObj(out[field])
    if (source) out[field] = defaulter(source)
  }
  return out as JsonObject
}
