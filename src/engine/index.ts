/**
 * Podlife's simulation engine: pure TypeScript, no DOM, deterministic for a
 * given input and seed. Runs the same in Node (tests, CLI, bench) and in the browser.
 */
export { simulate, parseClusterText, DEFAULT_START_TIME } from './simulate'
export type { ClusterParse, SimInput, SimOptions } from './simulate'
export { etcdEntries } from './etcd/store'
export { etcdKeyRows, type EtcdKeyRow } from './etcd/key-rows'
export { controllerManagerDetail, runDeployments } from './describe/workload-card'
export type { KubeObject } from './model/objects'
export type { Timeline, Outcome } from './protocol/timeline'
export type { SimEvent, EventKind, KubeEvent, SchedulingResult, NodeVerdict } from './protocol/events'
export type { HttpRequest, HttpResponse } from './protocol/http'
export type { World, NodeRuntime, EtcdState } from './protocol/world'
export { COMPONENT_IDS, COMPONENT_LABELS } from './protocol/components'
export type { ComponentId } from './protocol/components'
export { POD_STAGES, STAGES } from './protocol/stages'
export type { StageId } from './protocol/stages'
export { START, stepForward, stepBack, frameAt, seekToTime, timeAt, clampCursor } from './sim/cursor'
export type { Cursor } from './sim/cursor'
export { parseManifest, MAX_MANIFEST_BYTES } from './kubectl/parse'
export type { ManifestError, ParseResult } from './kubectl/parse'
export { podDisplayStatus } from './model/pod-display-status'
export {
  DEFAULT_MANIFEST,
  DEFAULT_MANIFEST_NAME,
  DEFAULT_SCENARIO,
  DEFAULT_CLUSTER,
  DEFAULT_KUBECONFIG,
} from './scenario/default-scenario'
export { toContractReport, type ContractReport, type ContractMeta } from './report/contract'
export { IDENTITIES } from './scenario/identities'
// The pods of a frame: the one the app shows, and every pod the run created (protocol/pods.ts).
export { storyPod, storyRecord, allPods, otherPods, keyOfPod } from './protocol/pods'
export type { PodKey, PodRecord } from './protocol/pods'
// What etcd holds, read as an informer would (etcd/objects.ts).
export { getObject, listPods, createdObjects, podDeletions } from './etcd/objects'
export type { Identity } from './scenario/identities'
// Views of a timeline (kubectl describe/get, the overlay packet, reason → field) live in ./views,
// a separate entry so the app can load them after first paint.
// The story a class follows (steps, ending) and the status pill, needed at first paint.
export { buildStory, storyFromSteps } from './story/build-story'
export { travels } from './story/event-classes'
export { podPill } from './story/pod-pill'
export type { Story, StoryStep, StoryStepKind, Ending, EndingCause, EndingTone, PodPill } from './story/types'
export { locateProblems, serverFieldProblems } from './report/field-problems'
export type { FieldProblem } from './report/field-problems'
