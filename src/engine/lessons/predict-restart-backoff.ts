/**
 * "How long will the kubelet wait before it restarts the container?" The answer is the back-off the
 * kubelet reports next in the container's CrashLoopBackOff waiting message; the choices are the
 * back-offs it reports over the whole run (10s, 20s, 40s, … capped at 5m0s).
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff), pkg/kubelet/kubelet.go
 * (backOffPeriod, MaxContainerBackOff), client-go util/flowcontrol/backoff.go.
 */
import { storyPod } from '../protocol/pods'
import { formatBackoff, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS } from '../kubelet/backoff'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { choiceList } from './choice-list'
import type { PredictionResult } from './types'

const CRASH_LOOP = 'CrashLoopBackOff'
/** The waiting message's shape: kubelet/kubelet-messages.ts MSG_BACKOFF_RESTART_WAITING. */
const BACKOFF_MESSAGE = /^back-off (\S+) restarting failed container=/

/** The back-off the pod's status shows at a frame (`10s`, `1m20s`), or null when none. */
export function visibleBackoff(world: World): string | null {
  for (const c of storyPod(world)?.status?.containerStatuses ?? []) {
    const waiting = (c.state as { waiting?: { reason?: unknown; message?: unknown } }).waiting
    if (waiting?.reason !== CRASH_LOOP || typeof waiting.message !== 'string') continue
    const m = BACKOFF_MESSAGE.exec(waiting.message)
    if (m) return m[1]!
  }
  return null
}

export function predictRestartBackoff(t: Timeline, at: number): PredictionResult {
  const now = visibleBackoff(at < 0 ? t.initial : t.frames[at]!)
  let index = -1
  for (let i = at + 1; i < t.frames.length; i++) {
    const shown = visibleBackoff(t.frames[i]!)
    if (shown && shown !== now) {
      index = i
      break
    }
  }
  if (index < 0) return { ok: false, error: 'the kubelet reports no new restart back-off after this point' }
  const answer = visibleBackoff(t.frames[index]!)!
  const all = t.frames.map(visibleBackoff).filter((b): b is string => b !== null)
  return {
    ok: true,
    prediction: {
      kind: 'restart-backoff',
      question: 'When the container next exits, how long will the kubelet wait before starting it again?',
      choices: choiceList(all, answer),
      answer,
      explanation: `${now ? `Last time the kubelet waited ${now}; each` : 'The first restart is immediate; after that, each'} further crash doubles the wait, starting at ${formatBackoff(INITIAL_BACKOFF_MS)} and capped at ${formatBackoff(MAX_BACKOFF_MS)} (pkg/kubelet/kubelet.go). This time the kubelet waits ${answer}, and says so in the container's waiting message.`,
      revealIndex: index,
    },
  }
}
