/** Maps upstream plugin names to their implementations. Order lives in order.ts. */
import type { AdmissionPlugin } from './types'
import { NamespaceLifecycle } from './plugins/namespace-lifecycle'
import { LimitRanger } from './plugins/limit-ranger'
import { ServiceAccount } from './plugins/service-account'
import { PodSecurity } from './plugins/pod-security'
import { Priority } from './plugins/priority'
import { DefaultTolerationSeconds } from './plugins/default-toleration-seconds'
import { ResourceQuota } from './plugins/resource-quota'
import * as passive from './plugins/passive'

export const ADMISSION_PLUGINS: Readonly<Record<string, AdmissionPlugin>> = {
  NamespaceLifecycle,
  LimitRanger,
  ServiceAccount,
  PodSecurity,
  Priority,
  DefaultTolerationSeconds,
  ResourceQuota,
  TaintNodesByCondition: passive.TaintNodesByCondition,
  DefaultStorageClass: passive.DefaultStorageClass,
  StorageObjectInUseProtection: passive.StorageObjectInUseProtection,
  PersistentVolumeClaimResize: passive.PersistentVolumeClaimResize,
  RuntimeClass: passive.RuntimeClass,
  CertificateApproval: passive.CertificateApproval,
  CertificateSigning: passive.CertificateSigning,
  ClusterTrustBundleAttest: passive.ClusterTrustBundleAttest,
  CertificateSubjectRestriction: passive.CertificateSubjectRestriction,
  DefaultIngressClass: passive.DefaultIngressClass,
  PodTopologyLabels: passive.PodTopologyLabels,
  MutatingAdmissionPolicy: passive.MutatingAdmissionPolicy,
  MutatingAdmissionWebhook: passive.MutatingAdmissionWebhook,
  ValidatingAdmissionPolicy: passive.ValidatingAdmissionPolicy,
  ValidatingAdmissionWebhook: passive.ValidatingAdmissionWebhook,
}
