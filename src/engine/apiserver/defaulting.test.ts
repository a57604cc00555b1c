import { describe, expect, it } from 'vitest'
import { applyPodDefaults, defaultImagePullPolicy } from './defaulting'
import { makeContainer, makePod } from '../testing/builders'

// Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Container, SetDefaults_Pod) and defaults_test.go.
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

describe('default imagePullPolicy (SetDefaults_Container)', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    [`nginx@${DIGEST}`, 'IfNotPresent'],
    [`nginx:latest@${DIGEST}`, 'Always'],
    ['nginx:Latest', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    // An image ParseImageName refuses: SetDefaults_Container ignores the error and sees tag "", not
    // "latest" (distribution/reference v0.6.0 ParseNormalizedNamed errors).
    ['Nginx', 'IfNotPresent'],
    ['Nginx:latest', 'IfNotPresent'],
    ['f'.repeat(64), 'IfNotPresent'],
    [`example.com/${'a'.repeat(256)}`, 'IfNotPresent'],
    ['a'.repeat(248), 'IfNotPresent'],
    ['nginx:Bad Tag', 'IfNotPresent'],
    [`nginx@sha256:${'f'.repeat(40)}`, 'IfNotPresent'],
  ])('%s defaults to %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy)
  })

  it('a policy the user set is kept', () => {
    const pod = applyPodDefaults(
      makePod({ containers: [{ ...makeContainer({ image: 'nginx' }), imagePullPolicy: 'Never' }] }),
    )
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe('Never')
  })
})

describe('resource defaults (SetDefaults_Pod)', () => {
  it('limits without requests are copied to requests', () => {
    const pod = applyPodDefaults(
      makePod({
        containers: [makeContainer({ image: 'nginx:1.27', limits: { cpu: '1', memory: '128Mi' } })],
      }),
    )
    expect(pod.spec.containers[0]!.resources).toEqual({
      limits: { cpu: '1', memory: '128Mi' },
      requests: { cpu: '1', memory: '128Mi' },
    })
  })

  it('a request the user set wins over the limit; missing ones come from the limits', () => {
    const pod = applyPodDefaults(
      makePod({
        containers: [
          makeContainer({
            image: 'nginx:1.27',
            requests: { cpu: '250m' },
            limits: { cpu: '1', memory: '128Mi' },
          }),
        ],
      }),
    )
    expect(pod.spec.containers[0]!.resources?.requests).toEqual({ cpu: '250m', memory: '128Mi' })
  })

  it('requests without limits stay as they are', () => {
    const pod = applyPodDefaults(
      makePod({ containers: [makeContainer({ image: 'nginx:1.27', requests: { cpu: '250m' } })] }),
    )
    expect(pod.spec.containers[0]!.resources).toEqual({ requests: { cpu: '250m' } })
  })

  it('init containers get the same defaults', () => {
    const pod = applyPodDefaults(
      makePod({
        initContainers: [makeContainer({ name: 'init', image: 'busybox', limits: { cpu: '100m' } })],
      }),
    )
    expect(pod.spec.initContainers?.[0]).toMatchObject({
      imagePullPolicy: 'Always',
      resources: { requests: { cpu: '100m' } },
    })
  })
})

describe('pod and container defaults', () => {
  it('a bare Pod gets the upstream defaults', () => {
    const pod = applyPodDefaults(
      makePod({ containers: [makeContainer({ image: 'nginx:1.27', ports: [{ containerPort: 80 }] })] }),
    )
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    })
  })

  it('the input Pod is not modified', () => {
    const pod = Object.freeze(makePod())
    const before = JSON.stringify(pod)
    applyPodDefaults(pod)
    expect(JSON.stringify(pod)).toBe(before)
  })
})

describe('ports and empty strings (SetDefaults_ContainerPort, defaultHostNetworkPorts)', () => {
  it('with hostNetwork the host port defaults to the container port; without it, it stays unset', () => {
    const c = {
      ...makeContainer({ image: 'nginx' }),
      ports: [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353 }],
    }
    const base = makePod({ containers: [c] })
    const host = applyPodDefaults({ ...base, spec: { ...base.spec, hostNetwork: true } })
    expect(host.spec.containers[0]!.ports).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'TCP' },
      { containerPort: 53, hostPort: 5353, protocol: 'TCP' },
    ])
    const plain = applyPodDefaults(makePod({ containers: [c] }))
    expect(plain.spec.containers[0]!.ports![0]).toEqual({ containerPort: 80, protocol: 'TCP' })
  })

  it('an empty string is defaulted as if it were absent', () => {
    const c = {
      ...makeContainer({ image: 'nginx:1.27' }),
      imagePullPolicy: '' as const as 'Always',
      ports: [{ containerPort: 80, protocol: '' }],
    }
    const base = makePod({ containers: [c] })
    const pod = applyPodDefaults({
      ...base,
      spec: { ...base.spec, restartPolicy: '' as 'Always', dnsPolicy: '' },
    })
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent')
    expect(pod.spec.containers[0]!.ports![0]!.protocol).toBe('TCP')
    expect(pod.spec.restartPolicy).toBe('Always')
    expect(pod.spec['dnsPolicy']).toBe('ClusterFirst')
  })
})
