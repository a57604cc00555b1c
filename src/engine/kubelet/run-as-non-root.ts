/**
 * runAsNonRoot, as the kubelet checks it when it generates a container's config: the effective
 * securityContext (the container's fields over the pod's), the user the image runs as (from
 * containerd's ImageStatus), and the verdict with upstream's exact error text.
 *
 * The check runs after the image is present and the environment is built, before CreateContainer
 * (kuberuntime_container.go generateContainerConfig: GenerateRunContainerOptions, getImageUser,
 * verifyRunAsNonRoot). Its error is a CreateContainerConfigError, like a missing Secret.
 * Upstream: pkg/kubelet/kuberuntime/security_context_others.go (verifyRunAsNonRoot),
 * pkg/kubelet/kuberuntime/helpers.go (getImageUser), pkg/securitycontext/util.go
 * (DetermineEffectiveSecurityContext), k8s.io/apimachinery/pkg/util/validation (IsValidUserID).
 */
import type { Container, Pod } from '../model/objects'
import { formatPod } from './kubelet-messages'

/** The two securityContext fields verifyRunAsNonRoot reads, after the container's override the pod's. */
export interface EffectiveRunAs {
  readonly runAsNonRoot?: boolean
  readonly runAsUser?: number
}

type SecurityContextLike = { readonly runAsNonRoot?: unknown; readonly runAsUser?: unknown } | undefined

function runAsFields(sc: SecurityContextLike): EffectiveRunAs {
  return {
    ...(typeof sc?.runAsNonRoot === 'boolean' ? { runAsNonRoot: sc.runAsNonRoot } : {}),
    ...(typeof sc?.runAsUser === 'number' ? { runAsUser: sc.runAsUser } : {}),
  }
}

/** DetermineEffectiveSecurityContext, for runAsNonRoot and runAsUser: each container field wins when set. */
export function effectiveRunAs(pod: Pod, c: Container): EffectiveRunAs {
  return {
    ...runAsFields(pod.spec['securityContext'] as SecurityContextLike),
    ...runAsFields(c['securityContext'] as SecurityContextLike),
  }
}

/** True when the kubelet must verify the container's user (runAsNonRoot: true, effective). */
export function requiresNonRoot(pod: Pod, c: Container): boolean {
  return effectiveRunAs(pod, c).runAsNonRoot === true
}

/** What getImageUser returns: exactly one of a uid or a user name. */
export interface KubeletImageUser {
  readonly uid: number | null
  readonly username: string
}

/**
 * getImageUser: the ImageStatus answer's uid, else its username, else root ("If non of them is set,
 * treat it as root": an image without a USER, or no image at all, is uid 0).
 */
export function imageUserOf(response: unknown): KubeletImageUser {
  const image = (response as { image?: { uid?: { value?: number }; username?: string } | null } | null)?.image
  if (image?.uid != null) return { uid: image.uid.value ?? 0, username: '' }
  if (image?.username) return { uid: null, username: image.username }
  return { uid: 0, username: '' }
}

/** math.MaxInt32: validation.IsValidUserID allows 0 to this, inclusive. */
const MAX_USER_ID = 2147483647

// pkg/kubelet/kuberuntime/security_context_others.go (verifyRunAsNonRoot). format.Pod is `name_namespace(uid)`,
// quoted by %q; names, namespaces and uids are DNS-1123 and UUID text, which Go's %q and JSON quote alike.
export const MSG_RUN_AS_USER_BREAKS_NON_ROOT = (pod: string, container: string): string =>
  `container's runAsUser breaks non-root policy (pod: ${JSON.stringify(pod)}, container: ${container})`
export const MSG_NON_NUMERIC_USER = (username: string, pod: string, container: string): string =>
  `container has runAsNonRoot and image has non-numeric user (${username}), cannot verify user is non-root (pod: ${JSON.stringify(pod)}, container: ${container})`
export const MSG_IMAGE_RUNS_AS_ROOT = (pod: string, container: string): string =>
  `container has runAsNonRoot and image will run as root (pod: ${JSON.stringify(pod)}, container: ${container})`
/** The detail is validation.InclusiveRangeError(0, math.MaxInt32). */
export const MSG_INVALID_IMAGE_UID = (uid: number, pod: string, container: string): string =>
  `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(${MAX_USER_ID})): must be between 0 and ${MAX_USER_ID}, inclusive (pod: ${JSON.stringify(pod)}, container: ${container})`

/**
 * verifyRunAsNonRoot: null when the container may run, else the error the kubelet reports. A set
 * runAsUser decides alone (0 breaks the policy, anything else passes); otherwise the image's user
 * must be a numeric, non-zero uid.
 */
export function verifyRunAsNonRoot(pod: Pod, c: Container, user: KubeletImageUser): string | null {
  const sc = effectiveRunAs(pod, c)
  if (sc.runAsNonRoot !== true) return null
  const name = formatPod(pod.metadata.name ?? '', pod.metadata.namespace ?? 'default', pod.metadata.uid ?? '')
  if (sc.runAsUser !== undefined)
    return sc.runAsUser === 0 ? MSG_RUN_AS_USER_BREAKS_NON_ROOT(name, c.name) : null
  if (user.uid === null) return user.username ? MSG_NON_NUMERIC_USER(user.username, name, c.name) : null
  if (user.uid === 0) return MSG_IMAGE_RUNS_AS_ROOT(name, c.name)
  if (user.uid < 0 || user.uid > MAX_USER_ID) return MSG_INVALID_IMAGE_UID(user.uid, name, c.name)
  return null
}
