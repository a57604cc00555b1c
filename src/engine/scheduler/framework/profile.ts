/**
 * The default scheduler profile: which plugin runs at which extension point, in
 * upstream order, with upstream score weights.
 * Upstream: pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins)
 */
import type { FilterPlugin, ScorePlugin } from './types'
import { NodeUnschedulable } from '../plugins/node-unschedulable'
import { NodeName } from '../plugins/node-name'
import { TaintToleration } from '../plugins/taint-toleration'
import { NodeAffinity } from '../plugins/node-affinity'
import { NodePorts } from '../plugins/node-ports'
import { NodeResourcesFit } from '../plugins/node-resources-fit'
import { NodeResourcesBalancedAllocation } from '../plugins/node-resources-balanced-allocation'
import { ImageLocality } from '../plugins/image-locality'

export interface Profile {
  readonly schedulerName: string
  readonly filters: readonly FilterPlugin<never>[]
  readonly scores: readonly { readonly plugin: ScorePlugin<never>; readonly weight: number }[]
}

/**
 * PodTopologySpread and InterPodAffinity (and the volume plugins) also run in
 * upstream's profile; they have nothing to check for a pod without spread
 * constraints, (anti-)affinity or volumes, and arrive in full with issue #4.
 */
export const DEFAULT_PROFILE: Profile = {
  schedulerName: 'default-scheduler',
  filters: [
    NodeUnschedulable,
    NodeName,
    TaintToleration,
    NodeAffinity,
    NodePorts,
    NodeResourcesFit,
  ] as FilterPlugin<never>[],
  scores: [
    { plugin: TaintToleration as ScorePlugin<never>, weight: 3 },
    { plugin: NodeAffinity as ScorePlugin<never>, weight: 2 },
    { plugin: NodeResourcesFit as ScorePlugin<never>, weight: 1 },
    { plugin: NodeResourcesBalancedAllocation as ScorePlugin<never>, weight: 1 },
    { plugin: ImageLocality as ScorePlugin<never>, weight: 1 },
  ],
}
