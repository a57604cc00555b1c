/**
 * Default plugins that look at pod creation but have nothing to do unless the
 * cluster configures them (no webhooks, no policies, no RuntimeClass), and
 * default plugins that never handle pods. They still appear in the chain,
 * because a real apiserver runs them.
 */
import type { AdmissionPlugin, Operation } from '../types'
import { admitUnchanged } from '../types'

type Phases = { admit?: boolean; validate?: boolean }

function idle(name: string, ops: readonly Operation[], note: string, phases: Phases): AdmissionPlugin {
  const run = (input: Parameters<NonNullable<AdmissionPlugin['admit']>>[0]) => admitUnchanged(input, note)
  return {
    name,
    handles: (op: Operation) => ops.includes(op),
    ...(phases.admit ? { admit: run } : {}),
    ...(phases.validate ? { validate: run } : {}),
  }
}

/**
 * A plugin that acts on other resources (nodes, PVCs, CSRs, ingresses…). Like
 * upstream, Handles() looks only at the operation, so on a matching operation
 * it is called and returns without touching the pod.
 */
function other(name: string, ops: readonly Operation[], resources: string, phases: Phases): AdmissionPlugin {
  const run = (input: Parameters<NonNullable<AdmissionPlugin['admit']>>[0]) =>
    admitUnchanged(input, `acts on ${resources} only`)
  return {
    name,
    handles: (op: Operation) => ops.includes(op),
    ...(phases.admit ? { admit: run } : {}),
    ...(phases.validate ? { validate: run } : {}),
  }
}

const C: readonly Operation[] = ['CREATE']
const CU: readonly Operation[] = ['CREATE', 'UPDATE']
const U: readonly Operation[] = ['UPDATE']
const ALL: readonly Operation[] = ['CONNECT', 'CREATE', 'DELETE', 'UPDATE']

export const RuntimeClass = idle(
  'RuntimeClass',
  C,
  'no runtimeClassName: no overhead or node scheduling to add',
  { admit: true, validate: true },
)
export const MutatingAdmissionWebhook = idle(
  'MutatingAdmissionWebhook',
  ALL,
  'no MutatingWebhookConfiguration matches pods',
  { admit: true },
)
export const ValidatingAdmissionPolicy = idle(
  'ValidatingAdmissionPolicy',
  ALL,
  'no ValidatingAdmissionPolicyBinding matches pods',
  { validate: true },
)
export const ValidatingAdmissionWebhook = idle(
  'ValidatingAdmissionWebhook',
  ALL,
  'no ValidatingWebhookConfiguration matches pods',
  { validate: true },
)

// Feature-gated off by default in 1.34 (PodTopologyLabelsAdmission alpha; MutatingAdmissionPolicy beta, off).
export const PodTopologyLabels: AdmissionPlugin = {
  name: 'PodTopologyLabels',
  handles: () => false,
  admit: (i) => admitUnchanged(i, ''),
}
export const MutatingAdmissionPolicy: AdmissionPlugin = {
  name: 'MutatingAdmissionPolicy',
  handles: () => false,
  admit: (i) => admitUnchanged(i, ''),
}

export const TaintNodesByCondition = other('TaintNodesByCondition', C, 'nodes', { admit: true })
export const DefaultStorageClass = other('DefaultStorageClass', C, 'persistentvolumeclaims', { admit: true })
export const StorageObjectInUseProtection = other(
  'StorageObjectInUseProtection',
  C,
  'persistentvolumes and persistentvolumeclaims',
  { admit: true },
)
export const PersistentVolumeClaimResize = other('PersistentVolumeClaimResize', U, 'persistentvolumeclaims', {
  validate: true,
})
export const CertificateApproval = other('CertificateApproval', U, 'certificatesigningrequests', {
  validate: true,
})
export const CertificateSigning = other('CertificateSigning', U, 'certificatesigningrequests', {
  validate: true,
})
export const ClusterTrustBundleAttest = other('ClusterTrustBundleAttest', CU, 'clustertrustbundles', {
  validate: true,
})
export const CertificateSubjectRestriction = other(
  'CertificateSubjectRestriction',
  C,
  'certificatesigningrequests',
  { validate: true },
)
export const DefaultIngressClass = other('DefaultIngressClass', C, 'ingresses', { admit: true })
