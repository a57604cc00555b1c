/**
 * Pod validation on create, with upstream's field paths and texts. All errors
 * are collected and reported together (422 Invalid).
 * Upstream: pkg/apis/core/validation/validation.go (ValidatePodCreate,
 * ValidatePodSpec, validateContainers, validateInitContainers, validateContainerCommon,
 * validateContainerPorts, checkHostPortConflicts, ValidateResourceRequirements).
 */
import type { Container, Pod } from '../model/objects'
import { duplicate, invalid, required, unsupported } from '../model/field-errors'
import { isDNS1123Label, isDNS1123Subdomain } from '../model/names'
import { parseQuantity } from '../model/quantity'
import {
  checkHostPortConflicts,
  validateActiveDeadlineSeconds,
  validateContainerEnvAndMounts,
  validateContainerPorts,
  validateLabels,
  validateNonNegativeResources,
  validateVolumes,
} from './pod-spec-validation'

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never']
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

export function validatePod(pod: Pod): string[] {
  const errs: string[] = []
  const name = pod.metadata.name ?? ''
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'))
  else for (const m of isDNS1123Subdomain(name)) errs.push(invalid('metadata.name', name, m))
  errs.push(...validateLabels(pod.metadata.labels, 'metadata.labels'))

  const spec = pod.spec
  errs.push(...validateVolumes(pod))
  const containers = spec.containers ?? []
  if (containers.length === 0) errs.push(required('spec.containers'))
  const seen = new Set<string>()
  // validateContainerCommon, in upstream's order, then the name's uniqueness
  // (regular and init containers share one namespace).
  const check = (c: Container, path: string) => {
    if (!c.name) errs.push(required(`${path}.name`))
    else for (const m of isDNS1123Label(c.name)) errs.push(invalid(`${path}.name`, c.name, m))
    if (!c.image) errs.push(required(`${path}.image`))
    errs.push(...validateContainerPorts(c.ports ?? [], `${path}.ports`))
    errs.push(...validateContainerEnvAndMounts(pod, c, path))
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) {
      errs.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES))
    }
    errs.push(...validateNonNegativeResources(c, path))
    const requests = c.resources?.requests ?? {}
    const limits = c.resources?.limits ?? {}
    for (const [resource, req] of Object.entries(requests)) {
      const lim = limits[resource]
      if (lim === undefined) continue
      const rq = parseQuantity(req)
      const lq = parseQuantity(lim)
      if (rq.ok && lq.ok && rq.quantity.nanos > lq.quantity.nanos) {
        errs.push(
          invalid(
            // Upstream passes the requests map's path, not the entry's.
            `${path}.resources.requests`,
            req,
            `must be less than or equal to ${resource} limit of ${lim}`,
          ),
        )
      }
    }
    if (c.name && seen.has(c.name)) errs.push(duplicate(`${path}.name`, c.name))
    if (c.name) seen.add(c.name)
  }
  // ValidatePodSpec validates containers before init containers. Host ports must
  // be unique across the regular containers; init containers run one at a time,
  // so each is checked on its own, and upstream then passes a one-element list,
  // which is why such an error always names initContainers[0] (validateInitContainers).
  containers.forEach((c, i) => check(c, `spec.containers[${i}]`))
  errs.push(...checkHostPortConflicts(containers, 'spec.containers'))
  ;(spec.initContainers ?? []).forEach((c, i) => {
    check(c, `spec.initContainers[${i}]`)
    errs.push(...checkHostPortConflicts([c], 'spec.initContainers'))
  })
  if (spec.restartPolicy && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(unsupported('spec.restartPolicy', spec.restartPolicy, RESTART_POLICIES))
  }
  const dns = spec['dnsPolicy'] as string | undefined
  if (dns && !DNS_POLICIES.includes(dns)) errs.push(unsupported('spec.dnsPolicy', dns, DNS_POLICIES))
  errs.push(...validateActiveDeadlineSeconds(pod))
  return errs
}
