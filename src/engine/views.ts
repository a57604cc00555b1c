/**
 * Views of a simulation for people: what kubectl describe/get print at an
 * instant, the overlay packet, which manifest field caused a scheduler reason.
 * A separate entry from index.ts so the app can load these after first paint.
 */
export { manifestFieldsForReason } from './scheduler/reason-fields'
export { describeOverlayPacket } from './describe/overlay'
export type { OverlayPacket } from './describe/overlay'
export { describePod, describePodAt, podEventOccurrences } from './describe/describe-pod'
export type { DescribeOptions } from './describe/describe-pod'
export { recordEvents } from './describe/event-records'
export type { EventOccurrence, EventRecord } from './describe/event-records'
export {
  getPodRow,
  getPodWideRow,
  getPodTable,
  getPodWideTable,
  getPodsTable,
  getPodWatchLines,
  POD_COLUMNS,
  POD_WIDE_COLUMNS,
} from './describe/get-pod'
export type { PodRow, PodWideRow } from './describe/get-pod'
export type { PodRef } from './describe/stored-pod'
export { kubectlViewAt, KUBECTL_VIEWS, isKubectlView } from './describe/kubectl-views'
export type { KubectlView, KubectlViewText, KubectlViewOptions } from './describe/kubectl-views'
export { podYaml, toKubectlYaml } from './describe/pod-yaml'
// apps/v1 workloads: kubectl get deploy,rs,pods and kubectl describe deployment|replicaset at a frame,
// and kube-controller-manager's decisions, queues and expectations for the inspector (its card's
// summary, controllerManagerDetail, is in index.ts: the graph draws before these load).
export {
  getWorkloadsAt,
  getWorkloadsText,
  getDeploymentRow,
  getReplicaSetRow,
  DEPLOYMENT_COLUMNS,
  REPLICASET_COLUMNS,
} from './describe/get-workloads'
export type { WorkloadResource, GetWorkloadsOptions, GetText } from './describe/get-workloads'
export { workloadObjectsOf } from './describe/workload-objects'
export type { WorkloadObjects } from './describe/workload-objects'
export {
  describeDeploymentAt,
  describeDeploymentsAt,
  describeDeploymentText,
  replicaSetsOfDeployment,
} from './describe/describe-deployment'
export type { DescribeWorkloadOptions } from './describe/describe-deployment'
export {
  describeReplicaSetAt,
  describeReplicaSetText,
  podStatusForController,
} from './describe/describe-replicaset'
export type { PodPhaseCounts } from './describe/describe-replicaset'
export { controllerManagerView } from './describe/workload-controllers'
export type {
  ControllerManagerView,
  ControllerDecision,
  ControllerQueue,
  ReplicaSetExpectations,
} from './describe/workload-controllers'
export { createTabWriter, tabwrite, DESCRIBE_TABWRITER, GET_TABWRITER } from './describe/tabwriter'
export type { TabWriter, TabWriterOptions } from './describe/tabwriter'
export { humanDuration, formatRFC1123Z } from './describe/time-format'
export { SCENARIOS } from './scenario/scenarios'
export type { Scenario } from './scenario/scenarios'
export { containerLanes } from './describe/container-lanes'
export type {
  ContainerLanes,
  ContainerLane,
  LaneSegment,
  LaneMark,
  LaneMarkKind,
} from './describe/container-lanes'
export { containerStatesAt } from './describe/container-states'
export type { ContainerNow, ContainerKind, ContainerStateName } from './describe/container-states'
export { describeNodeView } from './describe/node-view'
export type {
  NodeView,
  NetworkView,
  SandboxView,
  SandboxNamespace,
  NamespaceName,
  NodeViewFocus,
} from './describe/node-view'
export type { NodeCpuView, CpuCell, CpuUse, CpuAssignment } from './describe/node-cpus'
export { buildStory } from './story/build-story'
export { podPill, podNotFound } from './story/pod-pill'
export { formatVirtualTime } from './story/virtual-time'
// The ending is shown only at the last step: it loads after first paint, with the other views.
export { storyEnding } from './story/ending'
export type { Story, StoryStep, StoryStepKind, Ending, EndingCause, EndingTone, PodPill } from './story/types'
// Classroom: lessons (data, resolved against a run), chapter introductions, and "what if" (fixes
// proposed by re-running the engine, and two runs aligned by stage). Loaded after first paint.
export { LESSONS } from './lessons/lessons'
export { resolveLesson } from './lessons/resolve-lesson'
export { lessonInput } from './lessons/lesson-input'
export { CHAPTER_INTROS } from './lessons/chapters'
export type { ChapterIntro } from './lessons/chapters'
export type {
  Lesson,
  LessonStop,
  LessonResolution,
  ResolvedStop,
  Prediction,
  PredictionKind,
} from './lessons/types'
export { proposeFixes, reachesRunning } from './whatif/proposals'
export type { Proposal, ProposalChange } from './whatif/types'
export { alignRuns } from './whatif/align'
export type { RunAlignment, StageAlignment, Divergence } from './whatif/align'
export { rolloutStatusAt, rolloutStatusLine, type RolloutStatus } from './describe/rollout-status'
export { locateProblems, serverFieldProblems } from './report/field-problems'
export type { FieldProblem } from './report/field-problems'
