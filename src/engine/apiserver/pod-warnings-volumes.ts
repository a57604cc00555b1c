/**
 * The volume part of a Pod's create warnings: deprecated and removed volume
 * plugins, and items of one volume that would be written over each other.
 * Upstream: pkg/api/pod/warnings.go (warningsForPodSpecAndMeta,
 * warningsForOverlappingVirtualPaths, checkVolumeMappingForOverlap, checkForOverlap).
 */
import { goQuote } from './go-quote'
import { isSet, rawArray, rawObject, rawString, type RawObject } from './raw-fields'
import { trimEndWhile } from '../model/text-trim'

/**
 * Volume plugins the warning names, in upstream's order: the v1 JSON key,
 * the field name in the warning's path (storageos is spelled storageOS there),
 * and the text. gitRepo's text is the one shown while the GitRepoVolumeDriver
 * feature gate is off, its default since v1.33.
 */
const DEPRECATED_VOLUME_PLUGINS: readonly (readonly [json: string, path: string, message: string])[] = [
  ['photonPersistentDisk', 'photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'gitRepo', 'deprecated in v1.11, and disabled by default in v1.33+'],
  ['scaleIO', 'scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'storageOS', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'rbd', 'deprecated in v1.28, non-functional in v1.31+'],
]

export function deprecatedVolumePluginWarnings(volumes: readonly RawObject[]): string[] {
  const warnings: string[] = []
  volumes.forEach((v, i) => {
    for (const [json, path, message] of DEPRECATED_VOLUME_PLUGINS) {
      if (isSet(v[json])) warnings.push(`spec.volumes[${i}].${path}: ${message}`)
    }
  })
  return warnings
}

/** A path and where it came from (pathAndSource). */
interface PathAndSource {
  readonly path: string
  readonly source: string
}

const describe = (p: PathAndSource) => (p.source ? `${goQuote(p.path)} (${p.source})` : goQuote(p.path))
// The check runs in the API server, which uses '/' whatever the nodes run.
// A loop, not `/\/+$/`, which is quadratic on a long run of '/' before other text (model/text-trim.ts).
const trimSlashes = (path: string) => trimEndWhile(path, (c) => c === '/')

function checkForOverlap(haystack: readonly PathAndSource[], needle: PathAndSource): PathAndSource[] {
  if (needle.path === '') return []
  return haystack.filter(
    (item) =>
      item.path !== '' &&
      ((item.path === needle.path && item.source === needle.source) ||
        `${item.path}/`.startsWith(`${needle.path}/`) ||
        `${needle.path}/`.startsWith(`${item.path}/`)),
  )
}

function checkVolumeMappingForOverlap(paths: readonly PathAndSource[]): string[] {
  const warnings: string[] = []
  const seen: PathAndSource[] = []
  for (const p of paths) {
    const ps = { ...p, path: trimSlashes(p.path) }
    for (const c of checkForOverlap(seen, ps)) warnings.push(`${describe(ps)} with ${describe(c)}`)
    seen.push(ps)
  }
  return warnings
}

const itemPaths = (items: unknown, source: string): PathAndSource[] =>
  rawArray(items).map((item) => ({ path: rawString(rawObject(item)?.['path']), source }))

const overlapping = (volume: string, desc: string, body: string) =>
  `volume ${goQuote(volume)} (${desc}): overlapping paths: ${body}`

/** The VolumeProjection fields; a source with none of them set is empty. */
const PROJECTION_SOURCES = [
  'secret',
  'downwardAPI',
  'configMap',
  'serviceAccountToken',
  'clusterTrustBundle',
  'podCertificate',
]

function projectedSourcePaths(source: RawObject): PathAndSource[] | undefined {
  const configMap = rawObject(source['configMap'])
  const secret = rawObject(source['secret'])
  const downwardAPI = rawObject(source['downwardAPI'])
  const token = rawObject(source['serviceAccountToken'])
  const bundle = rawObject(source['clusterTrustBundle'])
  if (configMap && isSet(configMap['items']))
    return itemPaths(configMap['items'], `ConfigMap ${goQuote(rawString(configMap['name']))}`)
  if (secret && isSet(secret['items']))
    return itemPaths(secret['items'], `Secret ${goQuote(rawString(secret['name']))}`)
  if (downwardAPI && isSet(downwardAPI['items'])) return itemPaths(downwardAPI['items'], 'DownwardAPI')
  if (token) return [{ path: rawString(token['path']), source: 'ServiceAccountToken' }]
  if (bundle) {
    const name = rawString(bundle['name']) || rawString(bundle['signerName'])
    return [{ path: rawString(bundle['path']), source: `ClusterTrustBundle ${goQuote(name)}` }]
  }
  return undefined
}

/** warningsForOverlappingVirtualPaths, volume by volume. */
export function overlappingPathWarnings(volumes: readonly RawObject[]): string[] {
  const warnings: string[] = []
  for (const v of volumes) {
    const name = rawString(v['name'])
    const configMap = rawObject(v['configMap'])
    const secret = rawObject(v['secret'])
    const downwardAPI = rawObject(v['downwardAPI'])
    const projected = rawObject(v['projected'])
    if (configMap && isSet(configMap['items'])) {
      const desc = `ConfigMap ${goQuote(rawString(configMap['name']))}`
      for (const body of checkVolumeMappingForOverlap(itemPaths(configMap['items'], '')))
        warnings.push(overlapping(name, desc, body))
    }
    if (secret && isSet(secret['items'])) {
      const desc = `Secret ${goQuote(rawString(secret['secretName']))}`
      for (const body of checkVolumeMappingForOverlap(itemPaths(secret['items'], '')))
        warnings.push(overlapping(name, desc, body))
    }
    if (downwardAPI && isSet(downwardAPI['items'])) {
      for (const body of checkVolumeMappingForOverlap(itemPaths(downwardAPI['items'], '')))
        warnings.push(overlapping(name, 'DownwardAPI', body))
    }
    if (!projected) continue
    // As upstream, the paths of the last source that had any carry over to a
    // following source that has none (a configMap without items, say), which
    // then collide with themselves.
    let sourcePaths: readonly PathAndSource[] = []
    const allPaths: PathAndSource[] = []
    for (const s of rawArray(projected['sources'])) {
      const source = rawObject(s) ?? {}
      if (!PROJECTION_SOURCES.some((k) => isSet(source[k]))) {
        warnings.push(`volume ${goQuote(name)} (Projected) has no sources provided`)
        continue
      }
      sourcePaths = projectedSourcePaths(source) ?? sourcePaths
      for (const p of sourcePaths) {
        const ps = { ...p, path: trimSlashes(p.path) }
        for (const c of checkForOverlap(allPaths, ps))
          warnings.push(overlapping(name, 'Projected', `${describe(ps)} with ${describe(c)}`))
        allPaths.push(ps)
      }
    }
  }
  return warnings
}
