/**
 * Reading a JWT's header and claims (base64url JSON, RFC 7519). The signature
 * is NOT verified: the simulation has no signing keys, so a token is trusted
 * for what it says. A real apiserver checks the signature against
 * --service-account-key-file or the OIDC issuer's JWKS first.
 */
import { decodeBase64, utf8Text } from '../../model/base64'

export interface Jwt {
  readonly header: Readonly<Record<string, unknown>>
  readonly claims: Readonly<Record<string, unknown>>
}

/** null when the text is not three dot-separated base64url parts with JSON objects in the first two. */
export function decodeJwt(token: string): Jwt | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const json = (part: string): Record<string, unknown> | null => {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/')
    const bytes = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
    if (!bytes) return null
    try {
      const v: unknown = JSON.parse(utf8Text(bytes))
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  const header = json(parts[0]!)
  const claims = json(parts[1]!)
  return header && claims ? { header, claims } : null
}

/** The `iss` claim, or '' (the apiserver routes a JWT to the authenticator whose issuer it names). */
export const issuerOf = (jwt: Jwt): string => (typeof jwt.claims['iss'] === 'string' ? jwt.claims['iss'] : '')
