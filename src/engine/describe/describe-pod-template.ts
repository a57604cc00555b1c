/**
 * The `Pod Template:` section of `kubectl describe deployment|replicaset`, reimplemented from
 * kubernetes/kubectl pkg/describe/describe.go DescribePodTemplate at v0.34: the pod describer's
 * container and volume printing with `space` "  " and no container statuses nor env resolver,
 * then topology spread constraints, priority class, node selectors and tolerations, each titled
 * with two leading spaces.
 */
import type { PodTemplateSpec } from '../controllers/apps-types'
import type { LabelSelector } from '../model/label-selector'
import { describeContainers } from './describe-containers'
import { printTolerations } from './describe-pod'
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-metadata'
import { describeVolumes } from './describe-volumes'
import { asArr, asObj, asStr, compareStrings, type PrefixWriter } from './prefix-writer'
import { formatLabelSelector } from './workload-selector'

const SPACE = '  '

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n')
  if (!template) {
    // Upstream writes no newline after it.
    w.write(1, '<unset>')
    return
  }
  const spec = template.spec
  printLabelsMultiline(w, `${SPACE}Labels`, template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, `${SPACE}Annotations`, template.metadata?.annotations)
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  const initContainers = spec.initContainers ?? []
  if (initContainers.length > 0) describeContainers('Init Containers', initContainers, [], null, w, SPACE)
  describeContainers('Containers', spec.containers, [], null, w, SPACE)
  describeVolumes(spec.volumes ?? [], w, SPACE)
  describeTopologySpreadConstraints(asArr(spec['topologySpreadConstraints']), w)
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`)
  printLabelsMultiline(w, `${SPACE}Node-Selectors`, spec.nodeSelector)
  printTolerations(w, spec.tolerations ?? [], `${SPACE}Tolerations`)
}

/** describeTopologySpreadConstraints with space "  ", sorted by topologyKey. */
function describeTopologySpreadConstraints(constraints: readonly unknown[], w: PrefixWriter): void {
  if (constraints.length === 0) return
  const sorted = constraints
    .map((c) => asObj(c) ?? {})
    .sort((a, b) => compareStrings(asStr(a['topologyKey']), asStr(b['topologyKey'])))
  w.write(0, `${SPACE}Topology Spread Constraints:\t`)
  sorted.forEach((c, i) => {
    if (i > 0) {
      w.write(0, SPACE)
      w.write(0, '\t')
    }
    let line = `${asStr(c['topologyKey'])}:${asStr(c['whenUnsatisfiable'])} when max skew ${asStr(c['maxSkew'])} is exceeded`
    const selector = asObj(c['labelSelector'])
    if (selector) line += ` for selector ${formatLabelSelector(selector as LabelSelector)}`
    w.write(0, `${line}\n`)
  })
}
