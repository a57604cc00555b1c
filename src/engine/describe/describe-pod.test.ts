import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { SCENARIOS } from '../scenario/scenarios'
import { deepFreeze, makeContainer, makePod } from '../testing/builders'
import type { Pod, Toleration } from '../model/objects'
import { describePod, describePodAt } from './describe-pod'
import type { EventRecord } from './event-records'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)
const scenario = (id: string): string => SCENARIOS.find((s) => s.id === id)!.manifest

// The whole text is the behaviour (STYLE.md §7): what kubectl v1.34 prints for the default pod once it runs.
const RUNNING_NGINX = `Name:             nginx
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-2/192.168.56.12
Start Time:       Mon, 01 Sep 2025 09:00:00 +0000
Labels:           app=nginx
Annotations:      <none>
Status:           Running
IP:               10.244.2.3
IPs:
  IP:  10.244.2.3
Containers:
  nginx:
    Container ID:   containerd://f9802932a90106aacaaf0de0d89511a6088ad7c16b3dc12b0cf5eda79632fa09
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:4577a49f5d7440ca4ffb6b88583b5f4f3983e9b9ab89ff9ee29591a509b59f3d
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 01 Sep 2025 09:00:02 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  128Mi
    Requests:
      cpu:        250m
      memory:     64Mi
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-zq29j (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-zq29j:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  2s    default-scheduler  Successfully assigned default/nginx to worker-2
  Normal  Pulling    3s    kubelet            Pulling image "nginx:1.27"
  Normal  Pulled     1s    kubelet            Successfully pulled image "nginx:1.27" in 2.235s (2.235s including waiting). Image size: 72400000 bytes.
  Normal  Created    1s    kubelet            Created container: nginx
  Normal  Started    1s    kubelet            Started container nginx
`

describe('kubectl describe pod over a timeline', () => {
  const timeline = deepFreeze(simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 }))

  it('the running default pod, byte for byte (events.k8s.io Scheduled sorts first and keeps sub-second age)', () => {
    expect(describePod(timeline, timeline.events.length - 1)).toBe(RUNNING_NGINX)
  })

  it('nothing to describe before the pod is stored', () => {
    expect(describePod(timeline, 0)).toBeNull()
  })

  it('right after the create: no node, an empty IP cell padded like the others, no events', () => {
    const created = timeline.events.findIndex((e) => e.kind === 'etcd.put')
    const text = describePod(timeline, created)!
    expect(text).toContain('Node:             <none>\n')
    expect(text).toContain('IP:               \nIPs:              <none>\n')
    expect(text).not.toContain('Start Time:')
    expect(text).toContain(
      'Containers:\n  nginx:\n    Image:      nginx:1.27\n    Port:       80/TCP\n    Host Port:  0/TCP\n',
    )
    expect(text.endsWith('Events:                      <none>\n')).toBe(true)
  })

  it('a crash-looping container: Waiting with its reason, the last termination, folded repeats', () => {
    const t = simulate({ manifest: scenario('crashloop') }, { seed: 1 })
    const text = describePod(t, t.events.length - 1)!
    expect(text).toContain(
      '    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n',
    )
    expect(text).toContain('      Exit Code:    0\n')
    expect(text).toContain(
      '  Warning  BackOff    0s (x6 over 5m10s)  kubelet            Back-off restarting failed container app in pod crashy_default(',
    )
  })

  it('a pod nobody can schedule: the scheduler series stays at x2 with its first message', () => {
    const t = simulate({ manifest: scenario('insufficient-cpu') }, { seed: 1 })
    const text = describePod(t, t.events.length - 1)!
    expect(text).toContain(
      '\n  Warning  FailedScheduling  0s (x2 over 5m29s)  default-scheduler  0/3 nodes are available: ',
    )
  })
})

const pod = (extra: Partial<Pod['spec']> = {}, status: Pod['status'] = undefined): Pod => {
  const base = makePod({ name: 'app', namespace: 'default' })
  return { ...base, spec: { ...base.spec, ...extra }, ...(status ? { status } : {}) }
}

describe('kubectl describe pod sections', () => {
  it.each<[string, readonly Toleration[], string]>([
    ['no tolerations', [], 'Tolerations:      <none>'],
    ['Exists without key tolerates everything', [{ operator: 'Exists' }], 'Tolerations:      op=Exists'],
    [
      'key, value and effect',
      [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
      'Tolerations:      dedicated=gpu:NoSchedule',
    ],
    [
      'sorted by key',
      [
        { key: 'b', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
        { key: 'a', operator: 'Exists' },
      ],
      'Tolerations:      a op=Exists\n                  b:NoExecute op=Exists for 60s',
    ],
  ])('tolerations: %s (the block is as wide as "    Environment:" plus two)', (_name, tolerations, want) => {
    expect(describePodAt(pod({ tolerations }), null, T0)).toContain(`${want}\n`)
  })

  it('labels sorted one per line, annotations without last-applied-configuration', () => {
    const base = pod()
    const text = describePodAt(
      {
        ...base,
        metadata: {
          ...base.metadata,
          labels: { tier: 'web', app: 'x' },
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'blue' },
        },
      },
      null,
      T0,
    )
    expect(text).toContain('Labels:       app=x\n              tier=web\nAnnotations:  team: blue\n')
  })

  it('command, args, env and several ports', () => {
    const c = {
      ...makeContainer({ name: 'web', image: 'busybox' }),
      command: ['sh', '-c'],
      args: ['echo hi\nsleep 1'],
      ports: [
        { containerPort: 80, protocol: 'TCP', name: 'http' },
        { containerPort: 53, protocol: 'UDP' },
      ],
      env: [
        { name: 'MODE', value: 'fast' },
        { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
      ],
    }
    const text = describePodAt({ ...pod({ containers: [c], nodeName: 'n1' }) }, null, T0)
    expect(text).toContain(
      '    Ports:       80/TCP (http), 53/UDP\n    Host Ports:  0/TCP (http), 0/UDP\n' +
        '    Command:\n      sh\n      -c\n    Args:\n      echo hi\n      sleep 1\n' +
        // A line without a tab ends the column block, so the env block aligns with Mounts, not with Image.
        // kubectl resolves only metadata.name and metadata.namespace (EnvValueRetriever), so NODE is empty.
        '    Environment:\n      MODE:      fast\n      NODE:       (v1:spec.nodeName)\n' +
        "      PW:        <set to the key 'k' in secret 's'>  Optional: false\n    Mounts:      <none>\n",
    )
  })

  it('events: <none> aligned with the labels above it; a table of its own otherwise', () => {
    expect(
      describePodAt(pod(), [], T0).endsWith('\nTolerations:      <none>\nEvents:           <none>\n'),
    ).toBe(true)
    const events: EventRecord[] = [
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off  ',
        from: 'kubelet',
        count: 3,
        firstTimestamp: T0,
        lastTimestamp: T0 + 62_000,
        eventTime: null,
        series: null,
      },
    ]
    // The table is flushed apart from the text above it; the message is trimmed.
    expect(describePodAt(pod(), events, T0 + 125_000)).toContain(
      '\nEvents:\n' +
        '  Type     Reason   Age                 From     Message\n' +
        '  ----     ------   ----                ----     -------\n' +
        '  Warning  BackOff  63s (x3 over 2m5s)  kubelet  Back-off\n',
    )
  })
})
