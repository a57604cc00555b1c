/**
 * The chapters a learner steps through, in the order a real cluster reaches them.
 * Every timeline event belongs to exactly one stage.
 */
export const STAGES = [
  { id: 'kubectl', title: 'kubectl' },
  { id: 'authn', title: 'Authentication' },
  { id: 'authz', title: 'Authorization' },
  { id: 'admission', title: 'Admission & validation' },
  { id: 'storage', title: 'etcd' },
  { id: 'controllers', title: 'Controllers' },
  { id: 'scheduling', title: 'Scheduling' },
  { id: 'kubelet', title: 'kubelet' },
  { id: 'sandbox', title: 'Sandbox & CNI' },
  { id: 'containers', title: 'Containers' },
  { id: 'status', title: 'Status' },
] as const

export type StageId = (typeof STAGES)[number]['id']

/**
 * The chapters of a Pod sent on its own: every stage but the controllers', which only a workload
 * (a Deployment, a ReplicaSet) passes through on its way to pods.
 */
export const POD_STAGES: readonly (typeof STAGES)[number][] = STAGES.filter((s) => s.id !== 'controllers')
