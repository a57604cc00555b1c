/**
 * Fixes for a request the apiserver would not let through: nobody was authenticated (401), or no
 * authorizer allowed it (403 from the authorization chain). Run as kubeadm's admin, or, for a named
 * user, bind the built-in `edit` ClusterRole to them in the namespace.
 *
 * The chain's rule: the first Allow or Deny wins, NoOpinion passes on, and no opinion at all is a
 * denial (staging/src/k8s.io/apiserver/pkg/authorization/union/union.go); `edit` is a default
 * user-facing role (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go).
 */
import type { KubeObject } from '../model/objects'
import { DEFAULT_KUBECONFIG } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { addClusterObject, type FixContext, type FixFamily } from './fix-context'
import type { Candidate } from './types'

const ANONYMOUS = 'system:anonymous'
const RBAC_GROUP = 'rbac.authorization.k8s.io'

function accessFixes(ctx: FixContext): Candidate[] {
  const r = ctx.refusal
  if (!r) return []
  const authz = r.verdicts.find((e) => e.kind === 'authz.verdict')
  const authn = r.verdicts.find((e) => e.kind === 'authn.verdict')
  const denied = r.code === 403 && authz?.kind === 'authz.verdict' && !authz.payload.allowed
  if (!denied && r.code !== 401) return []
  const why = `The apiserver answered ${r.code} ${r.reason}: "${r.message}".`
  const out: Candidate[] = []
  const admin = IDENTITIES.find((i) => i.id === 'admin')?.kubeconfig ?? DEFAULT_KUBECONFIG
  if ((ctx.input.kubeconfig ?? DEFAULT_KUBECONFIG) !== admin)
    out.push({
      id: 'access:run-as-admin',
      title: 'Run kubectl as kubernetes-admin',
      why,
      change: { kubeconfig: admin },
    })
  const user = authn?.kind === 'authn.verdict' ? authn.payload.user?.name : undefined
  if (denied && user && user !== ANONYMOUS && r.namespace) {
    const binding: KubeObject = {
      apiVersion: `${RBAC_GROUP}/v1`,
      kind: 'RoleBinding',
      metadata: { name: `${user.replace(/[^a-z0-9.-]/g, '-')}-edit`, namespace: r.namespace },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: 'edit' },
      subjects: [{ apiGroup: RBAC_GROUP, kind: 'User', name: user }],
    }
    out.push({
      id: `access:bind-edit:${user}`,
      title: `Bind ${user} to the edit ClusterRole in ${r.namespace}`,
      why,
      change: addClusterObject(ctx, binding),
    })
  }
  return out
}

export const AccessFixes: FixFamily = { name: 'Authorization', candidates: accessFixes }
