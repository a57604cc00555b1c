/**
 * The default scheduler profile: which plugin runs at which extension point, in
 * upstream order, with upstream score weights. In 1.34 the MultiPoint list is
 * SchedulingGates, PrioritySort, NodeUnschedulable, NodeName, TaintToleration,
 * NodeAffinity, NodePorts, NodeResourcesFit, VolumeRestrictions,
 * NodeVolumeLimits, VolumeBinding, VolumeZone, PodTopologySpread,
 * InterPodAffinity, DynamicResources (DRA is GA, inserted before
 * DefaultPreemption), DefaultPreemption, NodeResourcesBalancedAllocation,
 * ImageLocality, DefaultBinder. EBSLimits, GCEPDLimits and AzureDiskLimits left
 * the default profile in 1.31 (deprecated, kubernetes/kubernetes PR #124500) and
 * the code afterwards (PR #124003); NodeVolumeLimits covers them through CSI.
 * Upstream: pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins, applyFeatureGates)
 */
import type { FilterPlugin, PreEnqueuePlugin, ScorePlugin } from './types'
import { SchedulingGates } from '../plugins/scheduling-gates'
import { PRIORITY_SORT } from '../plugins/priority-sort'
import { NodeUnschedulable } from '../plugins/node-unschedulable'
import { NodeName } from '../plugins/node-name'
import { TaintToleration } from '../plugins/taint-toleration'
import { NodeAffinity } from '../plugins/node-affinity'
import { NodePorts } from '../plugins/node-ports'
import { NodeResourcesFit } from '../plugins/node-resources-fit'
import { VolumeRestrictions } from '../plugins/volume-restrictions'
import { NodeVolumeLimits } from '../plugins/node-volume-limits'
import { VolumeBinding } from '../plugins/volume-binding'
import { VolumeZone } from '../plugins/volume-zone'
import { PodTopologySpread } from '../plugins/pod-topology-spread'
import { InterPodAffinity } from '../plugins/inter-pod-affinity'
import { DynamicResources } from '../plugins/dynamic-resources'
import { NodeResourcesBalancedAllocation } from '../plugins/node-resources-balanced-allocation'
import { ImageLocality } from '../plugins/image-locality'

export interface Profile {
  readonly schedulerName: string
  readonly preEnqueue: readonly PreEnqueuePlugin[]
  readonly queueSort: string
  /** PreFilter and Filter, in order. */
  readonly filters: readonly FilterPlugin<never>[]
  /** PostFilter, in order: DynamicResources, then DefaultPreemption. */
  readonly postFilters: readonly string[]
  readonly scores: readonly { readonly plugin: ScorePlugin<never>; readonly weight: number }[]
  readonly bind: string
}

export const DEFAULT_PROFILE: Profile = {
  schedulerName: 'default-scheduler',
  preEnqueue: [SchedulingGates],
  queueSort: PRIORITY_SORT,
  filters: [
    NodeUnschedulable,
    NodeName,
    TaintToleration,
    NodeAffinity,
    NodePorts,
    NodeResourcesFit,
    VolumeRestrictions,
    NodeVolumeLimits,
    VolumeBinding,
    VolumeZone,
    PodTopologySpread,
    InterPodAffinity,
    DynamicResources,
  ] as FilterPlugin<never>[],
  postFilters: ['DynamicResources', 'DefaultPreemption'],
  scores: [
    { plugin: TaintToleration as ScorePlugin<never>, weight: 3 },
    { plugin: NodeAffinity as ScorePlugin<never>, weight: 2 },
    { plugin: NodeResourcesFit as ScorePlugin<never>, weight: 1 },
    { plugin: PodTopologySpread as ScorePlugin<never>, weight: 2 },
    { plugin: InterPodAffinity as ScorePlugin<never>, weight: 2 },
    { plugin: NodeResourcesBalancedAllocation as ScorePlugin<never>, weight: 1 },
    { plugin: ImageLocality as ScorePlugin<never>, weight: 1 },
  ],
  bind: 'DefaultBinder',
}
