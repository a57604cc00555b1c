/**
 * The kube-controller-manager inspector: each controller's last decision per object, its work queue
 * when something waits in it, the replicaset controller's expectations, then what kubectl would print
 * at the cursor (`get deploy,rs,pods`, `describe deployment`). Every text and verdict comes from the
 * engine (engine/describe/workload-controllers.ts, get-workloads.ts, describe-deployment.ts).
 */
import type { Timeline, World } from '../../engine/index'
import { DEFAULT_START_TIME, runDeployments } from '../../engine/index'
import {
  controllerManagerView,
  describeDeploymentsAt,
  getWorkloadsAt,
  rolloutStatusAt,
} from '../../engine/views'
import type { Section } from './sections'

export function controllerManagerSections(timeline: Timeline, index: number, frame: World): Section[] {
  const out: Section[] = []
  const view = controllerManagerView(frame)
  if (!view || view.decisions.length === 0) {
    out.push({
      kind: 'text',
      title: 'Controllers',
      text: 'The deployment and replicaset controllers have not synced any object yet.',
    })
  } else {
    out.push({
      kind: 'table',
      title: "Each controller's last decision",
      columns: ['controller', 'object', 'decision'],
      rows: view.decisions.map((d) => [d.controller, `${d.kind} ${d.object}`, d.decision]),
    })
  }
  if (view && view.queues.length > 0) {
    out.push({
      kind: 'table',
      title: 'Work queues',
      columns: ['controller', 'key', 'state'],
      rows: view.queues.flatMap((q) => [
        ...q.processing.map((k) => [q.controller, k, 'syncing now']),
        ...q.waiting.map((k) => [q.controller, k, 'waiting']),
        ...q.failures.map((f) => [
          q.controller,
          f.key,
          `failed ${f.count}× in a row, retried after a back-off`,
        ]),
      ]),
    })
  }
  if (view && view.expectations.length > 0) {
    out.push({
      kind: 'table',
      title: 'replicaset-controller expectations',
      columns: ['replica set', 'creations not yet seen', 'deletions not yet seen', 'may create or delete'],
      rows: view.expectations.map((e) => [
        e.replicaSet,
        String(Math.max(0, e.creations)),
        e.deletions.length === 0 ? '0' : e.deletions.join(', '),
        e.satisfied ? 'yes' : 'no, waits for the informer',
      ]),
    })
  }
  // Nothing to show kubectl's views of until the run has a Deployment (and on a 150,000-pod cluster
  // `kubectl get pods` would print every pod of the namespace).
  if (runDeployments(frame).length === 0) return out
  // kubectl run at the instant of this event, as the kubectl inspector's `get pod -o wide`.
  const now = DEFAULT_START_TIME + (timeline.events[index]?.at ?? 0)
  const get = getWorkloadsAt(frame, timeline.cluster, now)
  out.push({ kind: 'text', title: '$ kubectl get deploy,rs,pods', text: get.stdout + get.stderr })
  for (const d of describeDeploymentsAt(timeline, index)) {
    const rollout = rolloutStatusAt(timeline, index, d.namespace, d.name)
    if (rollout.lines.length > 0)
      out.push({
        kind: 'text',
        title: `$ kubectl rollout status deployment/${d.name}`,
        text: rollout.lines.join('\n') + (rollout.exitCode === null ? '\n(still watching)' : ''),
      })
    out.push({ kind: 'text', title: `$ kubectl describe deployment ${d.name}`, text: d.text })
  }
  return out
}
