/**
 * The admission chain's plan: every enabled plugin that implements the phase,
 * in order; mutating first, validating after (with field validation between
 * them, in the apiserver). A plugin whose Handles() rejects the operation is
 * recorded as skipped. Upstream: staging/src/k8s.io/apiserver/pkg/admission/chain.go
 */
import type { AdmissionPlugin, Operation } from './types'
import { ADMISSION_PLUGINS } from './registry'
import { enabledPlugins } from './order'
import type { APIServerConfig } from '../../model/cluster'

export type AdmissionPhase = 'mutating' | 'validating'

export interface ChainEntry {
  readonly plugin: AdmissionPlugin
  readonly phase: AdmissionPhase
  readonly handles: boolean
}

export function admissionPlan(config: APIServerConfig, phase: AdmissionPhase, op: Operation): ChainEntry[] {
  const names = enabledPlugins(config.enableAdmissionPlugins, config.disableAdmissionPlugins)
  const out: ChainEntry[] = []
  for (const name of names) {
    const plugin = ADMISSION_PLUGINS[name]
    if (!plugin) continue
    const implementsPhase = phase === 'mutating' ? !!plugin.admit : !!plugin.validate
    if (!implementsPhase) continue
    out.push({ plugin, phase, handles: plugin.handles(op) })
  }
  return out
}
