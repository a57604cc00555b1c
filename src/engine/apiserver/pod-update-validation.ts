/**
 * ValidatePodUpdate's rule for the spec: after an update a Pod's spec may
 * differ from the old one only in container and init container images,
 * activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds.
 * Upstream: pkg/apis/core/validation/validation.go (ValidatePodUpdate,
 * updatablePodSpecFields).
 *
 * Upstream appends `\n` and a go-cmp diff of the two specs to the message.
 * go-cmp's output is deliberately unstable (it randomly swaps spaces for
 * non-breaking ones, cmp/report_text.go), so no exact text exists; the
 * simulation prints the sentence without the diff.
 */
import type { Json, JsonObject, Pod } from '../model/objects'
import { jsonEqual } from '../model/strategic-merge'

/** updatablePodSpecFields, joined by "," as ValidatePodUpdate joins them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
] as const

/** field.Forbidden(specPath, …) as a field error string. */
export const POD_UPDATE_FORBIDDEN = `spec: Forbidden: pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`

/** The field errors of a Pod update's spec (empty when allowed). */
export function validatePodSpecUpdate(next: Pod, old: Pod): string[] {
  const oldSpec = old.spec as unknown as JsonObject
  const newSpec = next.spec as unknown as JsonObject
  // Munge the new spec back to the old one in every field that may change, then compare.
  const withOldImages = (list: Json | undefined, oldList: Json | undefined): Json | undefined =>
    Array.isArray(list) && Array.isArray(oldList)
      ? list.map((c, i) => {
          const o = oldList[i] as JsonObject | undefined
          return c && typeof c === 'object' && !Array.isArray(c) && o
            ? { ...c, image: o['image'] ?? null }
            : c
        })
      : list
  const oldTolerations = (oldSpec['tolerations'] ?? []) as readonly Json[]
  const newTolerations = (newSpec['tolerations'] ?? []) as readonly Json[]
  const tolerationsAdded = oldTolerations.every((t) => newTolerations.some((n) => jsonEqual(n, t)))
  const munged: Record<string, Json> = {
    ...newSpec,
    containers: withOldImages(newSpec['containers'], oldSpec['containers']) ?? null,
  }
  if ('initContainers' in newSpec || 'initContainers' in oldSpec)
    munged['initContainers'] = withOldImages(newSpec['initContainers'], oldSpec['initContainers']) ?? null
  for (const key of ['activeDeadlineSeconds', 'terminationGracePeriodSeconds'] as const) {
    if (key in oldSpec) munged[key] = oldSpec[key]!
    else delete munged[key]
  }
  if (tolerationsAdded) {
    if ('tolerations' in oldSpec) munged['tolerations'] = oldSpec['tolerations']!
    else delete munged['tolerations']
  }
  return jsonEqual(munged, oldSpec) ? [] : [POD_UPDATE_FORBIDDEN]
}
