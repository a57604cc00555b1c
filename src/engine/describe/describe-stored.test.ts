import { storyPod } from '../protocol/pods'
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { describePod } from './describe-pod'
import { podYaml } from './pod-yaml'

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    env:
    - name: MY_NODE
      valueFrom:
        fieldRef:
          fieldPath: spec.nodeName
    - name: MY_CPU
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
    readinessProbe:
      httpGet:
        port: 80
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    hostPath:
      path: /srv/data
  - name: info
    downwardAPI:
      items:
      - path: name
        fieldRef:
          fieldPath: metadata.name
`

// The apiserver defaults the pod when it decodes it (kubernetes/kubernetes pkg/apis/core/v1/defaults.go,
// zz_generated.defaults.go); kubectl describe (kubernetes/kubectl pkg/describe/describe.go) and -o yaml then
// print what is stored, so both show the same defaults.
describe('describe and -o yaml read the object as the apiserver stored it', () => {
  const t = simulate({ manifest: MANIFEST }, { seed: 1 })
  const last = t.events.length - 1
  const text = describePod(t, last)!
  const yaml = podYaml(storyPod(t.frames[last]!)!)

  it.each([
    [
      'the probe with its stored thresholds and path',
      'Readiness:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3\n',
    ],
    ['spec.nodeName is not resolved by kubectl', '      MY_NODE:   (v1:spec.nodeName)\n'],
    [
      'the stored divisor "0" counts as 1; no limit is node allocatable',
      '      MY_CPU:   node allocatable (limits.cpu)\n',
    ],
    ['the stored empty hostPath type', '    HostPathType:  \n'],
  ])('describe: %s', (_name, line) => {
    expect(text).toContain(line)
  })

  it.each([
    [
      'probe defaults (SetDefaults_Probe, SetDefaults_HTTPGetAction)',
      '    readinessProbe:\n      failureThreshold: 3\n      httpGet:\n        path: /\n        port: 80\n        scheme: HTTP\n' +
        '      periodSeconds: 10\n      successThreshold: 1\n      timeoutSeconds: 1\n',
    ],
    [
      'fieldRef apiVersion (SetDefaults_ObjectFieldSelector)',
      '        fieldRef:\n          apiVersion: v1\n          fieldPath: spec.nodeName\n',
    ],
    [
      'the divisor a resource.Quantity value always carries',
      '        resourceFieldRef:\n          divisor: "0"\n          resource: limits.cpu\n',
    ],
    [
      'hostPath type (SetDefaults_HostPathVolumeSource)',
      '  - hostPath:\n      path: /srv/data\n      type: ""\n',
    ],
    [
      'downwardAPI defaultMode 0644',
      '  - downwardAPI:\n      defaultMode: 420\n      items:\n      - fieldRef:\n          apiVersion: v1\n',
    ],
  ])('-o yaml: %s', (_name, snippet) => {
    expect(yaml).toContain(snippet)
  })
})
