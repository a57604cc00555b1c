/**
 * Whether a prediction's answer can be seen at a cursor position, judged from the frame and the
 * events up to it (not from `revealIndex`), so the app can tell when a question has been answered
 * and tests can check that a question is asked before its answer shows and revealed where it says.
 */
import { storyPod } from '../protocol/pods'
import { frameAt } from '../sim/cursor'
import type { Timeline } from '../protocol/timeline'
import { isDecisive, podExchanges } from './kubectl-exchanges'
import { printedText } from './predict-kubectl-output'
import { cidrContains, podIpShownAt } from './predict-pod-ip-range'
import { visibleBackoff } from './predict-restart-backoff'
import { NO_NODE } from './predict-scheduler-node'
import { isAboutPrimaryPod } from './primary-pod'
import type { Prediction } from './types'

/** True when the story, with its cursor on `index` (-1: before Enter), shows the prediction's answer. */
export function isAnswerVisible(p: Prediction, t: Timeline, index: number): boolean {
  const world = frameAt(t, { index })
  switch (p.kind) {
    case 'scheduler-node': {
      const bound = storyPod(world)?.spec.nodeName
      if (bound) return bound === p.answer
      for (let i = index; i >= 0; i--) {
        const e = t.events[i]!
        if (e.kind === 'scheduler.cycle' && isAboutPrimaryPod(t, e))
          return (e.payload.selected ?? NO_NODE) === p.answer
      }
      return false
    }
    case 'kubectl-output':
      return world.kubectl !== null && printedText(world.kubectl) === p.answer
    case 'apiserver-accepts': {
      const code = Number(/^(?:Yes|No): (\d+)/.exec(p.answer)?.[1])
      return podExchanges(t).some(
        (x) => isDecisive(x) && x.responseIndex <= index && x.response?.code === code,
      )
    }
    case 'pod-ip-range': {
      const ip = podIpShownAt(t, index)
      return ip !== null && cidrContains(p.answer, ip)
    }
    case 'restart-backoff':
      return visibleBackoff(world) === p.answer
    default:
      return p.kind satisfies never
  }
}
