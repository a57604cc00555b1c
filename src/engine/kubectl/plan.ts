/**
 * What kubectl makes of the manifest before it sends anything: the objects to send, in order, and
 * the documents it refuses on the client side, each in its place. Upstream: cli-runtime
 * resource/visitor.go (StreamVisitor, infoForData, ValidateSchema, RequireNamespace),
 * kubectl/pkg/validation/schema.go (getObjectKind) and the REST mapper's NoKindMatchError.
 */
import type { JsonObject } from '../model/objects'
import type { KubectlCommand } from './command'
import type { ManifestEntry, ParseResult } from './parse'
import type { KubectlFailure } from './output'
import { sortedJson } from './json'
import { INVALID_OBJECT, cannotUnmarshal, decodeFailed, validationFailed } from './client-validation'
import { resourceOfManifest } from '../model/core-resources'

export type PlanItem =
  | { readonly type: 'object'; readonly object: JsonObject; readonly namespace: string }
  | { readonly type: 'failure'; readonly failure: KubectlFailure }

/** Kinds of the core group that kubectl would map but Podlife's apiserver does not serve. */
const KNOWN_CORE_KINDS = new Set([
  'Service',
  'Node',
  'PersistentVolumeClaim',
  'Endpoints',
  'LimitRange',
  'ResourceQuota',
])

/**
 * Each document in file order. A YAML error ends the stream (the documents before it stay), and so does
 * a document client-side validation refuses (cli-runtime StreamVisitor returns ValidateSchema's error);
 * any other document kubectl cannot use becomes a failure in its place, and the others still go out.
 */
export function planObjects(
  parsed: ParseResult,
  command: KubectlCommand,
  defaultNamespace: string,
): PlanItem[] {
  const items: PlanItem[] = []
  const validating = command.validate !== 'Ignore'
  for (const entry of entriesOf(parsed)) {
    if (entry.type === 'unreadable') {
      items.push(client(entry.error.kubectl))
      break
    }
    if (entry.type === 'not-an-object') {
      // client-validation.ts: with validation on the stream stops here; without, the decoder refuses it.
      if (validating) {
        items.push(client(validationFailed(command.file, INVALID_OBJECT)))
        break
      }
      items.push(client(decodeFailed(command.file, cannotUnmarshal(entry.jsonType))))
      continue
    }
    const doc = entry.document.object
    items.push(planDocument(doc, command, defaultNamespace))
    // StreamVisitor returns a validation error (apiVersion or kind not set): later documents are not read.
    if (validating && objectKindErrors(doc).length > 0) break
  }
  return items
}

/** The documents in file order; a result from before entries existed ends with its one error. */
function entriesOf(parsed: ParseResult): readonly ManifestEntry[] {
  const objects = (parsed.documents ?? []).map((document) => ({ type: 'object' as const, document }))
  if (parsed.ok) return objects
  return parsed.entries ?? [...objects, { type: 'unreadable', error: parsed.errors[0]! }]
}

/** kubectl/pkg/validation/validation.go getObjectKind: apiVersion first, then kind. */
function objectKindErrors(doc: JsonObject): string[] {
  const missing: string[] = []
  if (typeof doc['apiVersion'] !== 'string' || doc['apiVersion'] === '') missing.push('apiVersion not set')
  if (typeof doc['kind'] !== 'string' || doc['kind'] === '') missing.push('kind not set')
  return missing
}

function planDocument(doc: JsonObject, command: KubectlCommand, defaultNamespace: string): PlanItem {
  const file = command.file
  const metadata = (doc['metadata'] ?? {}) as JsonObject
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : ''
  // schema.go getObjectKind: apiVersion first, then kind; several problems print as an aggregate.
  const missing = objectKindErrors(doc)
  if (missing.length > 0) {
    if (command.validate === 'Ignore') {
      // No client-side schema: the decoder refuses it (apimachinery json serializer, kind checked first).
      const field = missing.includes('kind not set') ? 'Kind' : 'apiVersion'
      return client(decodeFailed(file, `Object '${field}' is missing in '${sortedJson(doc)}'`))
    }
    const what = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`
    return client(validationFailed(file, what))
  }
  const kind = String(doc['kind'] ?? '')
  const apiVersion = String(doc['apiVersion'] ?? '')
  const resource = resourceOfManifest(kind, apiVersion)
  if (!resource) {
    if (KNOWN_CORE_KINDS.has(kind) && apiVersion === 'v1')
      return client(`Podlife simulates Pods; ${kind} objects are not simulated`)
    return client(
      `resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
    )
  }
  if (!resource.namespaced) return { type: 'object', object: doc, namespace: '' }
  const own =
    typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '' ? metadata['namespace'] : null
  // RequireNamespace: with -n given, an object naming another namespace is refused.
  if (command.namespace && own && own !== command.namespace) {
    return client(
      `the namespace from the provided object "${own}" does not match the namespace "${command.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
    )
  }
  return { type: 'object', object: doc, namespace: own ?? command.namespace ?? defaultNamespace }
}

function client(text: string): PlanItem {
  return { type: 'failure', failure: { type: 'client', text } }
}
