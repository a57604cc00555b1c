/** What every step may read besides the world: the cluster, the clock, the command. */
import type { Cluster } from '../model/cluster'
import type { KubectlCommand } from '../kubectl/command'
import type { About } from './pods'

/** What the user typed: the manifest, the kubeconfig and the command line. */
export interface KubectlInput {
  readonly manifest: string
  readonly kubeconfig: string
  /** The kubeconfig's file name, for kubectl's `error loading config file "<name>"`. */
  readonly kubeconfigName?: string
  readonly context?: string
  readonly command: KubectlCommand
  /** The discovery cache is empty (--cold-cache). */
  readonly coldCache?: boolean
}

export interface SimContext {
  readonly cluster: Cluster
  /** The current virtual instant, in ms after Enter. */
  readonly at: number
  /** Wall-clock time of Enter (epoch ms), used only to print timestamps. */
  readonly startTime: number
  readonly input: KubectlInput
  /** What the delivered message is about: its pod and manifest document (protocol/pods.ts). */
  readonly about: About
}

/** RFC 3339 with second precision, as metav1.Time serialises. */
export function timestamp(ctx: SimContext, at: number = ctx.at): string {
  return new Date(ctx.startTime + Math.floor(at)).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
