/**
 * Podlife's simulation engine: pure TypeScript, no DOM, deterministic for a
 * given input and seed. Runs the same in Node (tests, CLI, bench) and in the browser.
 */
export { simulate, parseClusterText, DEFAULT_START_TIME } from './simulate'
export type { SimInput, SimOptions } from './simulate'
export type { Timeline, Outcome } from './sim/timeline'
export type {
  SimEvent,
  EventKind,
  KubeEvent,
  HttpRequest,
  HttpResponse,
  SchedulingResult,
  NodeVerdict,
} from './sim/events'
export type { World, NodeRuntime, EtcdState } from './sim/world'
export { COMPONENT_IDS, COMPONENT_LABELS } from './sim/components'
export type { ComponentId } from './sim/components'
export { STAGES } from './sim/stages'
export type { StageId } from './sim/stages'
export { START, stepForward, stepBack, frameAt, seekToTime, timeAt, clampCursor } from './sim/cursor'
export type { Cursor } from './sim/cursor'
export { parseManifest, MAX_MANIFEST_BYTES } from './kubectl/parse'
export type { ManifestError, ParseResult } from './kubectl/parse'
export { podDisplayStatus } from './model/pod-display-status'
export {
  DEFAULT_MANIFEST,
  DEFAULT_MANIFEST_NAME,
  DEFAULT_CLUSTER,
  DEFAULT_KUBECONFIG,
} from './scenario/default-scenario'
export { toContractReport, type ContractReport, type ContractMeta } from './report/contract'
export { SCENARIOS } from './scenario/scenarios'
export type { Scenario } from './scenario/scenarios'
export { manifestFieldsForReason } from './scheduler/reason-fields'
export { describeOverlayPacket } from './describe/overlay'
export type { OverlayPacket } from './describe/overlay'
export { IDENTITIES } from './scenario/identities'
export type { Identity } from './scenario/identities'
export { describePod, describePodAt, podEventOccurrences } from './describe/describe-pod'
export type { DescribeOptions } from './describe/describe-pod'
export { recordEvents } from './describe/event-records'
export type { EventOccurrence, EventRecord } from './describe/event-records'
export { getPodRow, getPodTable, getPodWatchLines, POD_COLUMNS } from './describe/get-pod'
export type { PodRow } from './describe/get-pod'
export { podYaml, toKubectlYaml } from './describe/pod-yaml'
export { createTabWriter, tabwrite, DESCRIBE_TABWRITER, GET_TABWRITER } from './describe/tabwriter'
export type { TabWriter, TabWriterOptions } from './describe/tabwriter'
export { humanDuration, formatRFC1123Z } from './describe/time-format'
