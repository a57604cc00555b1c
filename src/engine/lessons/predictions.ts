/**
 * predictionAt(kind, timeline, eventIndex): a question asked at a cursor position, about what the
 * run does next. Choices come from the run (the cluster's nodes, their podCIDRs, kubectl's own
 * messages for this request, the checks this request went through, the back-offs the kubelet
 * reported), never from a list typed here; the answer is what the run did, and `revealIndex` is
 * where the story first shows it, always after `eventIndex`.
 */
import { DEFAULT_MANIFEST_NAME } from '../scenario/default-scenario'
import type { Timeline } from '../protocol/timeline'
import { isAnswerVisible } from './answer-visibility'
import { predictApiserverAccepts } from './predict-apiserver-accepts'
import { predictKubectlOutput } from './predict-kubectl-output'
import { predictPodIpRange } from './predict-pod-ip-range'
import { predictRestartBackoff } from './predict-restart-backoff'
import { predictSchedulerNode } from './predict-scheduler-node'
import type { PredictionKind, PredictionResult } from './types'

export interface PredictionOptions {
  /** The manifest's file name as kubectl prints it (`pod.yaml` by default). */
  readonly file?: string
}

/**
 * The question of `kind` asked at `eventIndex` (-1: before anything happened). A value, not a throw,
 * when it cannot be asked there: the answer is already visible, or nothing later reveals it.
 *
 * @example
 * const p = predictionAt('scheduler-node', runScenario('default'), 33)
 * // p.ok && p.prediction.answer === 'worker-2'; choices: control-plane, worker-1, worker-2, no node
 */
export function predictionAt(
  kind: PredictionKind,
  timeline: Timeline,
  eventIndex: number,
  options: PredictionOptions = {},
): PredictionResult {
  if (eventIndex < -1 || eventIndex >= timeline.events.length) {
    return { ok: false, error: `event index ${eventIndex} is outside the timeline` }
  }
  const r = ask(kind, timeline, eventIndex, options)
  // A question whose answer already shows (a pod Pending again after a failed cycle) is no question.
  if (r.ok && isAnswerVisible(r.prediction, timeline, eventIndex))
    return { ok: false, error: `the answer (${r.prediction.answer}) is already visible here` }
  return r
}

function ask(
  kind: PredictionKind,
  timeline: Timeline,
  eventIndex: number,
  options: PredictionOptions,
): PredictionResult {
  switch (kind) {
    case 'scheduler-node':
      return predictSchedulerNode(timeline, eventIndex)
    case 'kubectl-output':
      return predictKubectlOutput(timeline, eventIndex, options.file ?? DEFAULT_MANIFEST_NAME)
    case 'apiserver-accepts':
      return predictApiserverAccepts(timeline, eventIndex)
    case 'pod-ip-range':
      return predictPodIpRange(timeline, eventIndex)
    case 'restart-backoff':
      return predictRestartBackoff(timeline, eventIndex)
    default:
      return kind satisfies never
  }
}
