import { describe, expect, it } from 'vitest'
import type { PodTemplateSpec } from '../controllers/apps-types'
import { describePodTemplate } from './describe-pod-template'
import { tabbedString } from './prefix-writer'

const text = (template: PodTemplateSpec | undefined): string =>
  tabbedString((w) => describePodTemplate(template, w))

describe('Pod Template: (kubectl pkg/describe/describe.go DescribePodTemplate)', () => {
  it('prints every part a template can have, each title two spaces in, container names three', () => {
    const template = {
      metadata: { labels: { app: 'web' }, annotations: { 'prometheus.io/scrape': 'true' } },
      spec: {
        serviceAccountName: 'web-sa',
        priorityClassName: 'high',
        initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            // No resolver for a template: the value is empty (describeContainerEnvVars).
            env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          },
        ],
        nodeSelector: { disk: 'ssd' },
        tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      },
    } as unknown as PodTemplateSpec
    expect(text(template)).toBe(
      [
        'Pod Template:',
        '  Labels:           app=web',
        '  Annotations:      prometheus.io/scrape: true',
        '  Service Account:  web-sa',
        '  Init Containers:',
        '   init:',
        '    Image:      busybox:1.36',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      true',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        '  Containers:',
        '   nginx:',
        '    Image:      nginx:1.27',
        '    Port:       80/TCP',
        '    Host Port:  0/TCP',
        '    Environment:',
        '      POD:                       (v1:metadata.name)',
        '    Mounts:                     <none>',
        '  Volumes:                      <none>',
        '  Topology Spread Constraints:  kubernetes.io/hostname:ScheduleAnyway when max skew 1 is exceeded for selector app=web',
        '  Priority Class Name:          high',
        '  Node-Selectors:               disk=ssd',
        '  Tolerations:                  gpu:NoSchedule op=Exists',
        '',
      ].join('\n'),
    )
  })

  it('a missing template prints <unset>, with no line break after it', () => {
    expect(text(undefined)).toBe('Pod Template:\n  <unset>')
  })
})
