import { describe, expect, it } from 'vitest'
import {
  containerProcess,
  effectiveArgv,
  isRootUser,
  QUICK_EXIT_MS,
  type Behaviour,
  type ProcessUser,
} from './container-behaviour'
import type { Container } from '../model/objects'

// Rules: docs/container-behaviour.md. Image defaults: the docker-library Dockerfiles
// (nginx, httpd, redis, postgres, busybox, alpine, python, node). Command/args override:
// kubernetes.io "Define a Command and Arguments for a Container".
const cases: { name: string; c: Container; want: Partial<Behaviour> }[] = [
  {
    name: 'nginx with no command serves port 80 until stopped',
    c: { name: 'web', image: 'nginx:1.27' },
    want: { kind: 'runs', ports: [80] },
  },
  {
    name: 'httpd serves port 80',
    c: { name: 'web', image: 'httpd:2.4' },
    want: { kind: 'runs', ports: [80] },
  },
  { name: 'redis serves 6379', c: { name: 'cache', image: 'redis' }, want: { kind: 'runs', ports: [6379] } },
  {
    name: 'postgres without POSTGRES_PASSWORD exits 1 at once',
    c: { name: 'db', image: 'postgres:17' },
    want: { kind: 'exits', exitCode: 1 },
  },
  {
    name: 'postgres with POSTGRES_PASSWORD serves 5432',
    c: { name: 'db', image: 'postgres:17', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }] },
    want: { kind: 'runs', ports: [5432] },
  },
  {
    name: 'busybox with no command (sh, no tty) exits 0 at once',
    c: { name: 'bb', image: 'busybox' },
    want: { kind: 'exits', exitCode: 0, afterMs: QUICK_EXIT_MS },
  },
  {
    name: 'alpine with no command exits 0 at once',
    c: { name: 'a', image: 'alpine:3.20' },
    want: { kind: 'exits', exitCode: 0 },
  },
  {
    name: 'python with no command (REPL, no stdin) exits 0 at once',
    c: { name: 'py', image: 'python:3.12' },
    want: { kind: 'exits', exitCode: 0 },
  },
  {
    name: 'node with no command (REPL, no stdin) exits 0 at once',
    c: { name: 'n', image: 'node:22' },
    want: { kind: 'exits', exitCode: 0 },
  },
  {
    name: 'sleep 30 exits 0 after 30 seconds',
    c: { name: 's', image: 'busybox', command: ['sleep', '30'] },
    want: { kind: 'exits', exitCode: 0, afterMs: 30_000 + QUICK_EXIT_MS },
  },
  {
    name: 'sleep given in args keeps busybox running for that long',
    c: { name: 's', image: 'busybox', args: ['sleep', '5'] },
    want: { kind: 'exits', exitCode: 0, afterMs: 5000 + QUICK_EXIT_MS },
  },
  {
    name: 'sleep infinity never ends',
    c: { name: 's', image: 'busybox', command: ['sleep', 'infinity'] },
    want: { kind: 'runs' },
  },
  {
    name: 'sh -c "exit 3" exits 3 at once',
    c: { name: 'x', image: 'busybox', command: ['sh', '-c', 'exit 3'] },
    want: { kind: 'exits', exitCode: 3 },
  },
  {
    name: 'sh -c "sleep 2; exit 1" exits 1 after 2 seconds',
    c: { name: 'x', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 1'] },
    want: { kind: 'exits', exitCode: 1 },
  },
  {
    name: 'sh -c with a while true loop runs forever',
    c: { name: 'x', image: 'busybox', command: ['sh', '-c', 'while true; do echo hi; sleep 5; done'] },
    want: { kind: 'runs' },
  },
  {
    name: 'true exits 0',
    c: { name: 'x', image: 'busybox', command: ['true'] },
    want: { kind: 'exits', exitCode: 0 },
  },
  {
    name: 'false exits 1',
    c: { name: 'x', image: 'busybox', command: ['false'] },
    want: { kind: 'exits', exitCode: 1 },
  },
  {
    name: 'a command that is not in the image fails to start (StartError)',
    c: { name: 'x', image: 'nginx', command: ['nginxx'] },
    want: { kind: 'start-error' },
  },
  {
    name: 'a typo inside sh -c is "not found" with status 127',
    c: { name: 'x', image: 'busybox', command: ['sh', '-c', 'slep 10'] },
    want: { kind: 'exits', exitCode: 127 },
  },
  {
    name: 'stress --vm-bytes 250M above a 100Mi limit is OOMKilled (Kubernetes docs memory example)',
    c: {
      name: 'hog',
      image: 'polinux/stress',
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
      resources: { limits: { memory: '100Mi' } },
    },
    want: { kind: 'oom' },
  },
  {
    name: 'stress --vm-bytes 150M within a 200Mi limit keeps running',
    c: {
      name: 'hog',
      image: 'polinux/stress',
      command: ['stress'],
      args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'],
      resources: { limits: { memory: '200Mi' } },
    },
    want: { kind: 'runs' },
  },
  {
    name: 'a private image outside the catalog runs as a server on its declared ports',
    c: { name: 'app', image: 'registry.example.com/team/app:1.0', ports: [{ containerPort: 8080 }] },
    want: { kind: 'runs', ports: [8080] },
  },
]

describe('container behaviour: what the process does', () => {
  it.each(cases)('$name', ({ c, want }) => {
    expect(containerProcess(c).behaviour).toMatchObject(want)
  })
})

describe('command and args override the image ENTRYPOINT and CMD', () => {
  const nginx = {
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    binaries: [],
    servers: {},
  }
  it.each([
    {
      name: 'neither: ENTRYPOINT + CMD',
      c: { name: 'n' },
      want: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    },
    {
      name: 'args only: ENTRYPOINT + args',
      c: { name: 'n', args: ['nginx-debug'] },
      want: ['/docker-entrypoint.sh', 'nginx-debug'],
    },
    {
      name: 'command only: command, CMD dropped',
      c: { name: 'n', command: ['sleep', '1'] },
      want: ['sleep', '1'],
    },
    { name: 'both: command + args', c: { name: 'n', command: ['sleep'], args: ['1'] }, want: ['sleep', '1'] },
  ])('$name', ({ c, want }) => {
    expect(effectiveArgv(c, nginx)).toEqual(want)
  })
})

// The official nginx image keeps its temp paths under the root-owned /var/cache/nginx, so as any other
// user nginx stops at `nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)`
// and exits 1 (the reason nginxinc/docker-nginx-unprivileged exists). docs/container-behaviour.md §2.
describe('the user the process runs as', () => {
  const uid = (n: number): ProcessUser => ({ uid: n, username: '' })
  it.each<{ name: string; c: Container; user?: ProcessUser; want: Partial<Behaviour> }>([
    {
      name: 'nginx as root (no USER) serves 80',
      c: { name: 'web', image: 'nginx:1.27' },
      want: { kind: 'runs', ports: [80] },
    },
    {
      name: 'nginx as uid 101 exits 1: mkdir /var/cache/nginx/client_temp is denied',
      c: { name: 'web', image: 'nginx:1.27' },
      user: uid(101),
      want: { kind: 'exits', exitCode: 1 },
    },
    {
      name: 'nginx:alpine as uid 1000 exits 1 the same way',
      c: { name: 'web', image: 'nginx:alpine' },
      user: uid(1000),
      want: { kind: 'exits', exitCode: 1 },
    },
    {
      name: 'nginx run directly as a command, non-root: exits 1',
      c: { name: 'web', image: 'nginx:1.27', command: ['nginx', '-g', 'daemon off;'] },
      user: uid(1000),
      want: { kind: 'exits', exitCode: 1 },
    },
    {
      name: 'the nginx image sleeping as uid 1000 runs (only nginx itself needs root)',
      c: { name: 'web', image: 'nginx:1.27', command: ['sleep', 'infinity'] },
      user: uid(1000),
      want: { kind: 'runs' },
    },
    {
      name: 'redis as uid 999 still serves 6379',
      c: { name: 'cache', image: 'redis:7.4' },
      user: uid(999),
      want: { kind: 'runs', ports: [6379] },
    },
  ])('$name', ({ c, user, want }) => {
    expect(containerProcess(c, user).behaviour).toMatchObject(want)
  })

  it("says why, with nginx's own error", () => {
    expect(containerProcess({ name: 'web', image: 'nginx:1.27' }, uid(101)).explanation).toBe(
      'nginx runs as uid 101, not root, and cannot create what it needs ("nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)"), so it exits 1.',
    )
  })

  it.each<[ProcessUser | undefined, boolean]>([
    [undefined, true],
    [uid(0), true],
    [{ uid: null, username: '' }, true],
    [{ uid: null, username: 'root' }, true],
    [uid(65535), false],
    [{ uid: null, username: 'nginx' }, false],
  ])('isRootUser(%j) is %s', (user, root) => {
    expect(isRootUser(user)).toBe(root)
  })
})
