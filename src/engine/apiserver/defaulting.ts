/**
 * The defaults the apiserver writes into a Pod when it decodes the request,
 * before admission. Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Pod,
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort) and
 * the generated zz_generated.defaults.go that calls them.
 */
import type { Container, Pod } from '../model/objects'
import { parseImageReference } from '../model/image-reference'
import { applyNestedDefaults } from './defaulting-nested'

/** Always for `:latest` or no tag, otherwise IfNotPresent (SetDefaults_Container). */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  // parsers.ParseImageName reports tag "latest" when there is neither tag nor digest;
  // an unparsable image gets IfNotPresent (validation rejects it later).
  const ref = parseImageReference(image ?? '')
  return ref?.tag === 'latest' ? 'Always' : 'IfNotPresent'
}

// Go's defaulters test strings against "" (SetDefaults_Container, _ContainerPort, _PodSpec): an empty
// string is defaulted like an absent one, hence `||` for strings and `??` for numbers and booleans.
function defaultContainer(c: Container, hostNetwork: boolean): Container {
  const resources = c.resources ?? {}
  // SetDefaults_Pod: when a limit is set and its request is not, the request defaults to the limit.
  const requests = { ...(resources.limits ?? {}), ...(resources.requests ?? {}) }
  const withRequests =
    resources.limits && Object.keys(requests).length > 0 ? { ...resources, requests } : { ...resources }
  return {
    ...c,
    ...(c.ports
      ? {
          ports: c.ports.map((p) => ({
            ...p,
            // defaultHostNetworkPorts: with hostNetwork the host port is the container port.
            ...(hostNetwork && !p.hostPort && p.containerPort !== undefined
              ? { hostPort: p.containerPort }
              : {}),
            protocol: p.protocol || 'TCP',
          })),
        }
      : {}),
    resources: withRequests,
    terminationMessagePath: c['terminationMessagePath'] || '/dev/termination-log',
    terminationMessagePolicy: c['terminationMessagePolicy'] || 'File',
    imagePullPolicy: c.imagePullPolicy || defaultImagePullPolicy(c.image),
  }
}

export function applyPodDefaults(pod: Pod): Pod {
  const s = pod.spec
  const hostNetwork = s['hostNetwork'] === true
  const defaultOne = (c: Container) => defaultContainer(c, hostNetwork)
  const ephemeral = s['ephemeralContainers']
  // Volumes, probes, lifecycle hooks, env and resource lists: the rest of SetObjectDefaults_Pod.
  return applyNestedDefaults({
    ...pod,
    spec: {
      ...s,
      containers: (s.containers ?? []).map(defaultOne),
      ...(s.initContainers ? { initContainers: s.initContainers.map(defaultOne) } : {}),
      // SetDefaults_EphemeralContainer is SetDefaults_Container (they can set neither resources nor ports).
      ...(Array.isArray(ephemeral)
        ? { ephemeralContainers: (ephemeral as readonly Container[]).map((c) => defaultContainer(c, false)) }
        : {}),
      restartPolicy: s.restartPolicy || 'Always',
      terminationGracePeriodSeconds: s['terminationGracePeriodSeconds'] ?? 30,
      dnsPolicy: s['dnsPolicy'] || 'ClusterFirst',
      securityContext: s['securityContext'] ?? {},
      schedulerName: s.schedulerName || 'default-scheduler',
      enableServiceLinks: s['enableServiceLinks'] ?? true,
    },
  })
}
