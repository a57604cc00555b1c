/**
 * The replicaset controller creates missing pods in batches that double: 1, 2, 4, … so a template
 * that cannot produce a pod (quota, admission) fails after one request instead of hundreds.
 * Upstream: pkg/controller/replicaset/replica_set.go (slowStartBatch, manageReplicas, burstReplicas)
 * and pkg/controller/controller_utils.go (SlowStartInitialBatchSize = 1).
 */

/** kube-controller-manager's --concurrent-replicaset-syncs default burst: at most 500 creates or deletes per sync. */
export const BURST_REPLICAS = 500
export const SLOW_START_INITIAL_BATCH = 1

/** The batch sizes for `count` creations: min(remaining, 1), then doubling, capped by what remains. */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH): number[] {
  const out: number[] = []
  let remaining = count
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    out.push(size)
    remaining -= size
  }
  return out
}

/**
 * Which creations of a slow start actually run when some fail: every batch up to and including
 * the first one with an error (the batch's calls run concurrently, so all of it is sent), none after.
 * `fails(i)` says whether the i-th create (0-based) is refused.
 */
export function attemptedCreations(count: number, fails: (i: number) => boolean): number {
  let sent = 0
  for (const size of slowStartBatches(count)) {
    let failed = false
    for (let i = sent; i < sent + size; i++) if (fails(i)) failed = true
    sent += size
    if (failed) break
  }
  return sent
}
