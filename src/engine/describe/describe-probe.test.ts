import { describe, expect, it } from 'vitest'
import type { Pod } from '../model/objects'
import { applyPodDefaults } from '../apiserver/defaulting'
import { makePod } from '../testing/builders'
import { describePodAt } from './describe-pod'
import { describeProbe, goURLString } from './describe-probe'

// Whole texts captured from kubectl v1.32.4 (Debian) describing these objects served by a loopback mock
// apiserver; the printers involved are the same in kubectl v0.34.1 (git diff v0.32.4 v0.34.1 -- pkg/describe:
// only the projected Optional lines and the named ports changed). Bytes kubectl cut inside a UTF-8 character
// are shown as U+FFFD. Upstream: kubernetes/kubectl pkg/describe/describe.go.

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

const PROBES_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'probes', namespace: 'default' },
  spec: {
    containers: [
      {
        name: 'a',
        image: 'x',
        livenessProbe: {
          httpGet: { path: "/a b?c#d%e!*'()é$&+,;=:@[]", port: 8080, scheme: 'HTTPS', host: 'my host/x' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        readinessProbe: { httpGet: { path: 'healthz', port: 'http', host: '::1', scheme: 'HTTP' } },
        startupProbe: { grpc: { port: 9090, service: '' } },
      },
      {
        name: 'b',
        image: 'x',
        livenessProbe: {
          exec: { command: ['cat', '/tmp/ok'] },
          initialDelaySeconds: 5,
          timeoutSeconds: 2,
          periodSeconds: 7,
          successThreshold: 1,
          failureThreshold: 4,
        },
        readinessProbe: {
          tcpSocket: { port: 'http' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        startupProbe: {
          httpGet: { path: '/', port: 80, scheme: 'HTTP' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
      },
      {
        name: 'c',
        image: 'x',
        livenessProbe: {
          httpGet: { path: '/a b', port: 8080, scheme: 'HTTP' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        readinessProbe: {
          httpGet: { path: '', port: 8080, scheme: '' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        startupProbe: {
          httpGet: { path: 'x:y/z', port: '', scheme: '', host: '' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
      },
    ],
  },
  status: {},
} as unknown as Pod

const PROBES_WANT = `Name:         probes
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers:
  a:
    Image:        x
    Port:         <none>
    Host Port:    <none>
    Liveness:     http-get https://my%20host%2Fx:8080/a%20b%3Fc%23d%25e%21%2A%27%28%29%C3%A9$&+,;=:@%5B%5D delay=0s timeout=1s period=10s #success=1 #failure=3
    Readiness:    http-get http://[::1]:http/healthz delay=0s timeout=0s period=0s #success=0 #failure=0
    Startup:      grpc <pod>:9090  delay=0s timeout=0s period=0s #success=0 #failure=0
    Environment:  <none>
    Mounts:       <none>
  b:
    Image:        x
    Port:         <none>
    Host Port:    <none>
    Liveness:     exec [cat /tmp/ok] delay=5s timeout=2s period=7s #success=1 #failure=4
    Readiness:    tcp-socket :http delay=0s timeout=1s period=10s #success=1 #failure=3
    Startup:      http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:  <none>
    Mounts:       <none>
  c:
    Image:        x
    Port:         <none>
    Host Port:    <none>
    Liveness:     http-get http://:8080/a%20b delay=0s timeout=1s period=10s #success=1 #failure=3
    Readiness:    http-get //:8080 delay=0s timeout=1s period=10s #success=1 #failure=3
    Startup:      http-get ./x:y/z delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:  <none>
    Mounts:       <none>
Volumes:          <none>
QoS Class:        BestEffort
Node-Selectors:   <none>
Tolerations:      <none>
Events:           <none>
`

describe('kubectl describe: probes (DescribeProbe)', () => {
  it('prints the stored thresholds and HTTP URLs as net/url escapes them, byte for byte', () => {
    expect(describePodAt(PROBES_POD, [], T0)).toBe(PROBES_WANT)
  })

  /** The probe as the apiserver stores it, then as describe prints it. */
  const stored = (probe: object): string => {
    const pod = applyPodDefaults(makePod({ containers: [{ name: 'c', image: 'x:1', livenessProbe: probe }] }))
    return describeProbe(pod.spec.containers[0]!['livenessProbe'] as Record<string, unknown>)
  }
  it.each([
    [
      'a path with a space',
      { httpGet: { path: '/a b', port: 8080 } },
      'http-get http://:8080/a%20b delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      'no path: the stored "/"',
      { httpGet: { port: 80 } },
      'http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      'HTTPS, a host and a named port',
      { httpGet: { host: '10.0.0.1', port: 'web', scheme: 'HTTPS', path: '/q?x=1' } },
      'http-get https://10.0.0.1:web/q%3Fx=1 delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      'user-set thresholds',
      {
        exec: { command: ['cat', '/tmp/ok'] },
        initialDelaySeconds: 3,
        periodSeconds: 5,
        failureThreshold: 1,
      },
      'exec [cat /tmp/ok] delay=3s timeout=1s period=5s #success=1 #failure=1',
    ],
    [
      'tcp-socket',
      { tcpSocket: { port: 5432 } },
      'tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      'grpc: the stored empty service',
      { grpc: { port: 9090 } },
      'grpc <pod>:9090  delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
  ])('%s', (_name, probe, want) => {
    expect(stored(probe)).toBe(want)
  })

  // Go's net/url url.go (URL.String, EscapedPath, escape/shouldEscape) for the three fields DescribeProbe sets.
  it.each([
    ['http', ':8080', '/a b', 'http://:8080/a%20b'],
    ['http', 'my host', '/', 'http://my%20host/'],
    ['http', '[::1]:80', 'x', 'http://[::1]:80/x'],
    ['http', ':80', "/!*'()", 'http://:80/%21%2A%27%28%29'],
    ['http', ':80', '/$&+,;=:@', 'http://:80/$&+,;=:@'],
    ['http', ':80', '/é', 'http://:80/%C3%A9'],
    ['http', '', '', 'http:'],
    ['', ':80', '', '//:80'],
    ['', '', 'a:b', './a:b'],
    ['', '', '*', '*'],
  ])('scheme %j host %j path %j', (scheme, host, path, want) => {
    expect(goURLString(scheme, host, path)).toBe(want)
  })
})
