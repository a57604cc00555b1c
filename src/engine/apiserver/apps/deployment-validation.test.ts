/**
 * apps/v1 Deployment validation texts, against kubernetes pkg/apis/apps/validation/validation_test.go
 * (TestValidateDeployment's error cases) and a Deployment sent through kubectl apply.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment } from '../../controllers/apps-types'
import { applyDeploymentDefaults } from './deployment-defaults'
import { validateDeployment, validateDeploymentUpdate } from './deployment-validation'
import { simulate } from '../../simulate'

function d(spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }): Deployment {
  return applyDeploymentDefaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      ...spec,
    },
  } as Deployment)
}

describe('ValidateDeployment', () => {
  it('accepts the tutorial Deployment, defaulted', () => {
    const x = d()
    expect(validateDeployment(x)).toEqual([])
    expect(x.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    })
    expect(x.spec.template.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
    })
  })

  it.each([
    [
      'a selector that does not match the template labels',
      d({}, { app: 'other' }),
      'spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    ],
    [
      'negative replicas',
      d({ replicas: -1 }),
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    ['no selector', d({ selector: undefined }), 'spec.selector: Required value'],
    [
      'an empty selector',
      d({ selector: {} }),
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ],
    [
      'a restartPolicy other than Always',
      d({
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { restartPolicy: 'Never', containers: [{ name: 'nginx', image: 'nginx' }] },
        },
      }),
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'maxSurge and maxUnavailable both 0',
      d({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxUnavailable over 100%',
      d({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '110%' } } }),
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%',
    ],
    [
      'a percentage that is not one',
      d({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 'abc', maxUnavailable: 1 } } }),
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: abc: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
    [
      'progressDeadlineSeconds not above minReadySeconds',
      d({ minReadySeconds: 10, progressDeadlineSeconds: 10 }),
      'spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
  ])('refuses %s', (_what, x, message) => {
    expect(validateDeployment(x)).toContain(message)
  })

  it('keeps the selector immutable on update (registry/apps/deployment/strategy.go)', () => {
    const next = d({ selector: { matchLabels: { app: 'web', tier: 'x' } } }, { app: 'web', tier: 'x' })
    expect(validateDeploymentUpdate(next, d())).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable',
    ])
  })
})

describe('kubectl apply of a Deployment', () => {
  const manifest = (labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: ${labels}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`
  it('prints deployment.apps/web created', () => {
    const t = simulate({ manifest: manifest('web'), manifestName: 'web.yaml' }, { seed: 1, until: 1000 })
    expect(t.frames[t.frames.length - 1]!.kubectl).toMatchObject({
      exitCode: 0,
      stdout: 'deployment.apps/web created\n',
    })
  })

  it('prints the 422 as kubectl does when the selector does not match', () => {
    const t = simulate({ manifest: manifest('other'), manifestName: 'web.yaml' }, { seed: 1, until: 1000 })
    expect(t.frames[t.frames.length - 1]!.kubectl).toMatchObject({
      exitCode: 1,
      stderr:
        'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`\n',
    })
  })
})
