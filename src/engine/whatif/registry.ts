/**
 * The families of fixes, in the order a request meets the parts they answer: kubectl's credentials
 * and the apiserver (authorization, decoding and validation, admission), then the scheduler, then the
 * kubelet (images, the objects a pod needs, its containers). A list, like upstream's plugin lists
 * (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins; pkg/scheduler/apis/config/v1/default_plugins.go):
 * nothing registers itself; tests may run any list they like.
 */
import type { FixFamily } from './fix-context'
import { AccessFixes } from './fixes-access'
import { ValidationFixes } from './fixes-validation'
import { PodSecurityFixes } from './fixes-pod-security'
import { ResourceFixes } from './fixes-resources'
import { PlacementFixes } from './fixes-placement'
import { ImageFixes } from './fixes-image'
import { ConfigFixes } from './fixes-config'
import { ContainerFixes } from './fixes-containers'

export const FIX_FAMILIES: readonly FixFamily[] = [
  AccessFixes,
  ValidationFixes,
  PodSecurityFixes,
  ResourceFixes,
  PlacementFixes,
  ImageFixes,
  ConfigFixes,
  ContainerFixes,
]
