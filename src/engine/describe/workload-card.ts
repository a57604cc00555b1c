/**
 * The one-line summary on kube-controller-manager's card in the graph. Kept apart from the other
 * workload views (workload-controllers.ts, get-workloads.ts) because the graph is drawn before the
 * views load: this file imports only the object types.
 */
import { createdObjects } from '../etcd/objects'
import type { Deployment } from '../controllers/apps-types'
import type { World } from '../protocol/world'
import { desiredReplicas } from './workload-objects'

/** The Deployments the run has stored so far (created or changed by it), by name. */
export function runDeployments(world: World): Deployment[] {
  return (createdObjects(world.etcd).filter((o) => o.kind === 'Deployment') as unknown as Deployment[]).sort(
    (a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1),
  )
}

/**
 * The card's subtitle: `deploy/web 2/3 ready` (kubectl's short name, one line on the card) (READY as `kubectl get deploy` counts it: ready
 * replicas over spec.replicas), `(+1 more)` when the run has several, or what the controllers watch.
 */
export function controllerManagerDetail(world: World): string {
  const deployments = runDeployments(world)
  const first = deployments[0]
  if (!first) return 'watching Deployments'
  const ready = `deploy/${first.metadata.name ?? ''} ${first.status?.readyReplicas ?? 0}/${desiredReplicas(first)} ready`
  return deployments.length > 1 ? `${ready} (+${deployments.length - 1} more)` : ready
}
