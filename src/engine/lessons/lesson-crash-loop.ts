/** busybox with no command: it exits, the kubelet restarts it, and each wait doubles up to the cap. */
import type { Lesson } from './types'

export const CRASH_LOOP: Lesson = {
  id: 'crash-loop-back-off',
  title: 'CrashLoopBackOff and its back-off',
  summary:
    'A container that exits at once is restarted again and again, each time after a longer wait, capped at five minutes.',
  scenario: { scenarioId: 'crashloop' },
  stops: [
    {
      id: 'starts',
      at: { event: 'cri.call', match: { callName: 'StartContainer' } },
      title: 'busybox starts',
      text: 'The busybox image runs sh when no command is given (docker-library/busybox: CMD ["sh"]). With no terminal attached, sh reads an empty input and exits at once. Nothing is wrong with the image or the node.',
      open: 'containerd',
      field: 'spec.containers.0.image',
    },
    {
      id: 'exits',
      at: { event: 'runtime.step', match: { action: 'container exited' } },
      title: 'It exits',
      text: 'The process ends with exit code 0, reason Completed. restartPolicy defaults to Always (pkg/apis/core/v1/defaults.go), so even a clean exit is a reason to start the container again.',
      open: 'containerd',
    },
    {
      id: 'restart-now',
      at: { event: 'cri.call', match: { callName: 'CreateContainer' }, nth: 2 },
      title: 'The first restart is immediate',
      text: 'The kubelet notices the exit at its next PLEG relist and creates the container again straight away: there is no back-off before the first restart (pkg/kubelet/kuberuntime/kuberuntime_manager.go). The image is already on the node, so nothing is pulled.',
      open: 'kubelet',
    },
    {
      id: 'back-off',
      at: { event: 'k8s.event', match: { reason: 'BackOff' } },
      title: 'Back-off',
      text: 'It exits again, and now the kubelet holds back: it records a Warning BackOff Event and will not start the container until a back-off has passed (pkg/kubelet/kuberuntime/kuberuntime_manager.go, doBackOff). How long is the question.',
      open: 'kubelet',
      predict: 'restart-backoff',
    },
    {
      id: 'waited',
      at: { event: 'kubelet.sync', match: { action: 'back-off expired' } },
      title: 'The wait is over',
      text: "When the back-off expires the kubelet syncs the pod and starts the container again (client-go util/flowcontrol/backoff.go). Meanwhile kubectl get pod showed CrashLoopBackOff: that is the container's waiting reason, while the pod's phase stays Running (pkg/kubelet/kubelet_pods.go, getPhase).",
      open: 'kubelet',
    },
    {
      id: 'doubling',
      at: { event: 'kubelet.sync', match: { action: 'back-off expired' }, nth: 4 },
      title: 'Each wait doubles',
      text: 'The same cycle repeats: start, exit, wait. Each wait is twice the one before, so 20 s, then 40 s, then 80 s (pkg/kubelet/kubelet.go sets the initial backOffPeriod to 10 s).',
      open: 'kubelet',
      predict: 'restart-backoff',
    },
    {
      id: 'cap',
      at: { event: 'kubelet.sync', match: { action: 'back-off expired' }, nth: 5 },
      title: 'Up to the cap',
      text: 'After 2 min 40 s the kubelet starts the container once more. Doubling again would give 5 min 20 s, but MaxContainerBackOff caps every wait at 5 minutes (pkg/kubelet/kubelet.go).',
      open: 'kubelet',
    },
    {
      id: 'still-looping',
      at: 'end',
      title: 'Still looping',
      text: 'The run ends with the container waiting out a 5m0s back-off and the pod still Running, with several restarts. The back-off is forgotten only after the container has gone 10 minutes without a crash, twice the cap (client-go util/flowcontrol/backoff.go). The fix is in the manifest: give busybox a command that keeps running.',
      open: 'kubelet',
      field: 'spec.containers.0.image',
    },
  ],
}
