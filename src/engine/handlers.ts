/** Hands each message to the step function of the component it is addressed to. */
import type { Message } from './protocol/messages'
import type { Step } from './protocol/step'
import type { World } from './protocol/world'
import type { SimContext } from './protocol/context'
import { kubectlStep } from './kubectl/kubectl'
import { apiserverStep } from './apiserver/apiserver'
import { schedulerStep } from './scheduler/scheduler'
import { kubeletStep } from './kubelet/kubelet'
import { containerdStep } from './cri/containerd'
import { cniStep } from './cni/bridge'
import { registryStep } from './registry/registry'
import { nodeRegistrationStep } from './node-registration/node-registration'
import { controllerManagerStep } from './controllers/controller-manager'

export function dispatch(world: World, msg: Message, ctx: SimContext): Step {
  switch (msg.to) {
    case 'kubectl':
      return kubectlStep(world, msg, ctx)
    case 'kube-apiserver':
      return apiserverStep(world, msg, ctx)
    case 'kube-scheduler':
      return schedulerStep(world, msg, ctx)
    case 'kubelet':
      return kubeletStep(world, msg, ctx)
    case 'containerd':
      return containerdStep(world, msg, ctx)
    case 'cni':
      return cniStep(world, msg, ctx.about)
    case 'registry':
      return registryStep(world, msg, ctx)
    case 'cluster':
      return nodeRegistrationStep(world, msg, ctx)
    case 'kube-controller-manager':
      return controllerManagerStep(world, msg, ctx)
    default:
      return msg satisfies never
  }
}
