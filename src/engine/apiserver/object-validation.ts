/**
 * Validation of the non-Pod core objects a manifest may create, with upstream's field paths and texts.
 * Upstream: pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret,
 * ValidateServiceAccount, ValidateNamespace, ValidateObjectMeta) and apimachinery
 * pkg/util/validation/validation.go (IsConfigMapKey). Go ranges over maps in random order; the keys
 * are taken sorted here so the output is stable.
 */
import type { KubeObject } from '../model/objects'
import { isDNS1123Label, isDNS1123Subdomain } from '../model/names'
import { invalid, required } from '../model/field-errors'

const CONFIG_KEY_RE = /^[-._a-zA-Z0-9]+$/
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

/** apimachinery IsConfigMapKey: the problems with a ConfigMap or Secret key. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = []
  if (key.length > 253) errs.push('must be no more than 253 characters')
  if (!CONFIG_KEY_RE.test(key)) errs.push(CONFIG_KEY_MESSAGE)
  // hasChDirPrefix / IsValidPathSegmentName-style checks on "." and "..".
  if (key === '.') errs.push(`must not be '.'`)
  else if (key === '..') errs.push(`must not be '..'`)
  else if (key.startsWith('..')) errs.push(`must not start with '..'`)
  return errs
}

export function validateObject(o: KubeObject): string[] {
  const errs = validateMeta(o)
  switch (o.kind) {
    case 'ConfigMap':
      return [...errs, ...validateConfigMap(o)]
    case 'Secret':
      return [...errs, ...validateSecret(o)]
    default:
      return errs
  }
}

/** ValidateObjectMeta: the name (or generateName) by the kind's rule. */
function validateMeta(o: KubeObject): string[] {
  const name = o.metadata.name ?? ''
  if (!name) return [required('metadata.name', 'name or generateName is required')]
  const check = o.kind === 'Namespace' ? isDNS1123Label : isDNS1123Subdomain
  return check(name).map((m) => invalid('metadata.name', name, m))
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : []
}

function validateConfigMap(o: KubeObject): string[] {
  const errs: string[] = []
  const binary = new Set(keysOf(o['binaryData']))
  const data = new Set(keysOf(o['data']))
  for (const key of data) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, m))
    if (binary.has(key)) errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'))
  }
  for (const key of binary) {
    // Only the data loop reports a key in both bags (ValidateConfigMap).
    for (const m of isConfigMapKey(key)) errs.push(invalid(`binaryData[${key}]`, key, m))
  }
  return errs
}

/** ValidateSecret: keys, then what each well-known type requires. */
function validateSecret(o: KubeObject): string[] {
  const errs: string[] = []
  const data = keysOf(o['data'])
  for (const key of data) for (const m of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, m))
  const has = (k: string) => data.includes(k)
  switch (o['type']) {
    case 'kubernetes.io/service-account-token': {
      const annotations = o.metadata.annotations ?? {}
      if (!annotations['kubernetes.io/service-account.name'])
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'))
      break
    }
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(required('data[.dockercfg]'))
      break
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(required('data[.dockerconfigjson]'))
      break
    // Upstream builds these two paths with field.NewPath("data[%s]").Key(…), so the `%s` is printed.
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required('data[%s][username]'))
        errs.push(required('data[%s][password]'))
      }
      break
    case 'kubernetes.io/ssh-auth':
      if (!((o['data'] as Record<string, string> | undefined)?.['ssh-privatekey'] ?? ''))
        errs.push(required('data[%s][ssh-privatekey]'))
      break
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'))
      if (!has('tls.key')) errs.push(required('data[tls.key]'))
      break
    default:
      break
  }
  return errs
}
