/**
 * The authentication chain: authenticators are asked in order and the first
 * that returns a user wins (union.go); an authenticated user also gets the
 * group system:authenticated (group/authenticated_group_adder.go). Anonymous
 * comes last and never gets system:authenticated.
 */
import type { AuthnAttempt, HttpRequest, UserInfo } from '../../sim/events'
import type { Cluster } from '../../model/cluster'
import type { Authenticator } from './types'
import { X509 } from './x509'
import { TokenFile } from './token-file'
import { Anonymous } from './anonymous'

export const AUTHENTICATORS: readonly Authenticator[] = [X509, TokenFile]

export interface AuthnOutcome {
  readonly authenticator: string | null
  readonly user: UserInfo | null
  readonly attempts: readonly AuthnAttempt[]
}

export function authenticate(request: HttpRequest, cluster: Cluster): AuthnOutcome {
  const attempts: AuthnAttempt[] = []
  for (const a of AUTHENTICATORS) {
    const r = a.authenticate(request, cluster)
    attempts.push({ authenticator: a.name, result: r.kind, detail: r.detail })
    if (r.kind === 'authenticated') {
      const groups = r.user.groups.includes('system:authenticated')
        ? r.user.groups
        : [...r.user.groups, 'system:authenticated']
      return { authenticator: a.name, user: { ...r.user, groups }, attempts }
    }
  }
  const anon = Anonymous.authenticate(request, cluster)
  attempts.push({ authenticator: Anonymous.name, result: anon.kind, detail: anon.detail })
  if (anon.kind === 'authenticated') return { authenticator: Anonymous.name, user: anon.user, attempts }
  return { authenticator: null, user: null, attempts }
}
