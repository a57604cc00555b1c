/**
 * Resolving a kubeconfig the way client-go's clientcmd does: the context
 * (given or current-context) names a cluster, a user and a namespace; the
 * user's credentials become TLS client certificates or an Authorization
 * header. Over plain http:// no credentials are sent at all
 * ("only try to read the auth information if we are secure", client_config.go).
 */
import { parse } from 'yaml'
import { encodeBase64, utf8Bytes } from '../model/base64'
import { readClientCertificate } from './certificate'
import { checkShape, goJsonMessage } from '../model/go-json-shape'
import { KUBECONFIG_SHAPE } from './kubeconfig-shape'
import {
  DEPTH_MESSAGE,
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  STACK_MESSAGE,
  isNestedDeeperThan,
  isStackOverflow,
} from './parse-limits'

export type Credential =
  | { readonly kind: 'client-certificate'; readonly data: string; readonly subject: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'oidc'; readonly idToken: string }
  | { readonly kind: 'exec'; readonly command: string; readonly token: string }
  | { readonly kind: 'none'; readonly why: string }

export interface ResolvedKubeconfig {
  readonly context: string
  readonly cluster: string
  readonly server: string
  readonly user: string
  readonly namespace: string
  readonly credential: Credential
}

export type KubeconfigResult = { ok: true; config: ResolvedKubeconfig } | { ok: false; error: string }

interface Named<T> {
  readonly name: string
  readonly [key: string]: unknown
  readonly value?: T
}

function find(list: unknown, name: string, field: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined
  const entry = (list as Named<unknown>[]).find((e) => e?.name === name)
  return entry?.[field] as Record<string, unknown> | undefined
}

/** Where kubectl reads its kubeconfig when neither --kubeconfig nor KUBECONFIG names one (clientcmd.RecommendedHomeFile). */
export const DEFAULT_KUBECONFIG_PATH = '/root/.kube/config'

/**
 * The kubeconfig `text` (read from `fileName`) resolved for `contextName` or its current-context. A
 * file that does not decode fails as clientcmd's loader fails it: `error loading config file "<file>": …`.
 */
export function resolveKubeconfig(
  text: string,
  contextName?: string,
  fileName: string = DEFAULT_KUBECONFIG_PATH,
): KubeconfigResult {
  const loadError = (why: string): KubeconfigResult => ({
    ok: false,
    error: `error loading config file "${fileName}": ${why}`,
  })
  let value: unknown
  try {
    value = parse(text, { maxAliasCount: MAX_ALIAS_COUNT })
  } catch (e) {
    if (isStackOverflow(e)) return loadError(STACK_MESSAGE)
    return loadError(`yaml: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`)
  }
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value)))
    return loadError(
      `json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string'} into Go value of type v1.Config`,
    )
  if (isNestedDeeperThan(value, MAX_DEPTH)) return loadError(DEPTH_MESSAGE)
  const doc = (value ?? {}) as Record<string, unknown>
  const bad = checkShape(doc, KUBECONFIG_SHAPE, 'Config')
  if (bad) return loadError(goJsonMessage(bad))
  const ctxName = contextName ?? (doc['current-context'] as string | undefined) ?? ''
  if (!ctxName) {
    return {
      ok: false,
      error:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
    }
  }
  const ctx = find(doc['contexts'], ctxName, 'context')
  if (!ctx) return { ok: false, error: `context was not found for specified context: ${ctxName}` }
  const clusterName = String(ctx['cluster'] ?? '')
  const userName = String(ctx['user'] ?? '')
  const cluster = find(doc['clusters'], clusterName, 'cluster')
  if (!cluster) return { ok: false, error: `cluster has no server defined` }
  const server = String(cluster['server'] ?? '')
  const user = find(doc['users'], userName, 'user') ?? {}
  const secure = server.startsWith('https://')
  return {
    ok: true,
    config: {
      context: ctxName,
      cluster: clusterName,
      server,
      user: userName,
      namespace: String(ctx['namespace'] ?? 'default'),
      credential: secure
        ? credentialOf(user)
        : { kind: 'none', why: 'plain http:// server: kubectl sends no credentials' },
    },
  }
}

function credentialOf(user: Record<string, unknown>): Credential {
  const cert = user['client-certificate-data']
  if (typeof cert === 'string') {
    const r = readClientCertificate(cert)
    const subject = r.ok
      ? `CN=${r.identity.commonName}${r.identity.organizations.map((o) => `,O=${o}`).join('')}`
      : 'unreadable'
    return { kind: 'client-certificate', data: cert, subject }
  }
  if (typeof user['token'] === 'string') return { kind: 'token', token: user['token'] }
  if (typeof user['username'] === 'string') {
    return { kind: 'basic', username: user['username'], password: String(user['password'] ?? '') }
  }
  const authProvider = user['auth-provider'] as { name?: string; config?: Record<string, string> } | undefined
  if (authProvider?.name === 'oidc' && authProvider.config?.['id-token']) {
    return { kind: 'oidc', idToken: authProvider.config['id-token'] }
  }
  const exec = user['exec'] as
    { command?: string; podlifeOutput?: { status?: { token?: string } } } | undefined
  if (exec?.command) {
    return { kind: 'exec', command: exec.command, token: exec.podlifeOutput?.status?.token ?? '' }
  }
  return { kind: 'none', why: 'the kubeconfig user has no credentials' }
}

/** The request headers that carry a credential. */
export function credentialHeaders(c: Credential): Record<string, string> {
  switch (c.kind) {
    case 'client-certificate':
      return { 'X-Podlife-Client-Certificate': c.data }
    case 'token':
      return { Authorization: `Bearer ${c.token}` }
    case 'basic':
      return { Authorization: `Basic ${encodeBase64(utf8Bytes(`${c.username}:${c.password}`))}` }
    case 'oidc':
      return { Authorization: `Bearer ${c.idToken}` }
    case 'exec':
      return c.token ? { Authorization: `Bearer ${c.token}` } : {}
    case 'none':
      return {}
    default:
      return c satisfies never
  }
}
