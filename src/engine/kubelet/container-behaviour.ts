/**
 * What a container's process does once started, worked out from its image's
 * default ENTRYPOINT/CMD and the pod's `command`/`args`. The rules are in
 * docs/container-behaviour.md; every classic failure (busybox that "completes",
 * `sh -c "exit 3"`, a memory hog above its limit) follows from them.
 *
 * Nothing here reads the world: the input is one container spec, the output a
 * plain verdict the runtime turns into an exit at a virtual instant.
 *
 * How command and args combine follows the Kubernetes rules
 * (kubernetes.io "Define a Command and Arguments for a Container"; kubelet
 * pkg/kubelet/kuberuntime/kuberuntime_container.go passes them to the CRI, and
 * containerd internal/cri/opts/spec_opts.go WithProcessArgs merges them with the image config).
 */
import type { Container } from '../model/objects'
import { parseImageReference } from '../model/image-reference'
import { parseQuantity, quantityValue } from '../model/quantity'
import { catalogImageDefaults, SHELL_TOOLS, type ImageDefaults } from '../model/image-catalog'

export type HttpServer = 'static' | 'any' | 'none'

/** What a process does when it gets SIGTERM. */
export type StopBehaviour = 'graceful' | 'ignores-sigterm'

export type Behaviour =
  /** Runs until stopped; serves HTTP/TCP on `ports` (empty for `sleep infinity`, `pause`, …). */
  | {
      readonly kind: 'runs'
      readonly ports: readonly number[]
      readonly onStop: StopBehaviour
      /** What an HTTP GET on a served port answers: a static site (200 on `/` only), any path 200, or not HTTP. */
      readonly http?: HttpServer
    }
  /** Exits on its own `afterMs` after start with `exitCode`. */
  | {
      readonly kind: 'exits'
      readonly afterMs: number
      readonly exitCode: number
      readonly onStop: StopBehaviour
    }
  /** Allocates memory above its limit; the kernel OOM killer ends it with SIGKILL (exit 137). */
  | { readonly kind: 'oom'; readonly afterMs: number; readonly usesBytes: number }
  /** runc cannot exec the program: StartContainer fails, state terminated StartError, exit 128. */
  | { readonly kind: 'start-error'; readonly message: string }

export interface ContainerProcess {
  /** The argv the runtime executes (entrypoint + cmd after the Kubernetes override rules). */
  readonly argv: readonly string[]
  readonly behaviour: Behaviour
  /** One sentence for the narration: why this process behaves so. */
  readonly explanation: string
}

/**
 * Who the process runs as: the effective runAsUser, else the image config's USER (a uid, or a name
 * resolved in the image's /etc/passwd). Absent means root, as for an image without USER.
 */
export interface ProcessUser {
  readonly uid: number | null
  readonly username: string
}

/** True for uid 0, the name root, or no user at all (the image's default). */
export function isRootUser(user: ProcessUser | undefined): boolean {
  if (!user) return true
  if (user.uid !== null) return user.uid === 0
  return user.username === '' || user.username === 'root'
}

/** Entrypoint wrappers that set things up and then `exec "$@"` (docker-library images). */
const EXEC_WRAPPERS = new Set(['/docker-entrypoint.sh', 'docker-entrypoint.sh'])
/** REPLs that read stdin; without `stdin`/`tty` it is /dev/null, so they exit 0 at once. */
const REPLS = new Set(['python', 'python3', 'node', 'sh', '/bin/sh', 'bash', '/bin/bash'])

/** A process that ends "at once" still takes a few milliseconds to start and exit. */
export const QUICK_EXIT_MS = 15
/** How fast a memory hog allocates (bytes per virtual ms) before the OOM killer fires. */
const ALLOC_BYTES_PER_MS = 500_000
/** runc's error when the program is not on PATH (opencontainers/runc libcontainer/standard_init_linux.go). */
export const EXEC_NOT_FOUND = (bin: string): string =>
  `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${bin}": executable file not found in $PATH: unknown`

function basename(p: string): string {
  return p.split('/').pop() ?? p
}

/** Kubernetes command/args override: command replaces ENTRYPOINT (and drops CMD); args replace CMD. */
export function effectiveArgv(c: Container, d: ImageDefaults): string[] {
  if (c.command && c.command.length > 0) return [...c.command, ...(c.args ?? [])]
  return [...d.entrypoint, ...(c.args && c.args.length > 0 ? c.args : d.cmd)]
}

function envNames(c: Container): Set<string> {
  const env = (c['env'] as readonly { name: string }[] | undefined) ?? []
  return new Set(env.map((e) => e.name))
}

/** The container's memory limit in bytes, or null when absent or invalid. */
export function memoryLimit(c: Container): number | null {
  const l = c.resources?.limits?.['memory']
  if (l === undefined) return null
  const q = parseQuantity(l)
  return q.ok ? quantityValue(q.quantity) : null
}

function declaredPorts(c: Container): number[] {
  return (c.ports ?? []).map((p) => p.containerPort)
}

/** `250M` as stress reads it: decimal suffixes are powers of 1024 (stress.c atoll_b). */
function stressBytes(s: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s)
  if (!m) return 0
  const n = Number(m[1])
  const unit = (m[2] ?? '').toLowerCase()
  return n * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1)
}

function durationSeconds(s: string | undefined): number | null {
  if (s === undefined) return null
  if (s === 'infinity' || s === 'inf') return Infinity
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s)
  if (!m) return null
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Number(m[1]) * mult
}

interface Ctx {
  readonly c: Container
  readonly d: ImageDefaults
  readonly imageName: string
}

function runs(ports: readonly number[], onStop: StopBehaviour = 'graceful', http?: HttpServer): Behaviour {
  return { kind: 'runs', ports, onStop, ...(http ? { http } : {}) }
}

/** Static web servers answer 200 on `/` only; the database servers do not speak HTTP. */
const HTTP_KIND: Readonly<Record<string, HttpServer>> = {
  nginx: 'static',
  'httpd-foreground': 'static',
  httpd: 'static',
  'redis-server': 'none',
  postgres: 'none',
  mysqld: 'none',
}

function exits(afterMs: number, exitCode: number, onStop: StopBehaviour = 'ignores-sigterm'): Behaviour {
  return { kind: 'exits', afterMs, exitCode, onStop }
}

/** Splits a shell script into simple commands on `;`, `&&`, `||` and newlines (no quoting inside). */
function splitScript(script: string): { cmd: string[]; op: ';' | '&&' | '||' }[] {
  const out: { cmd: string[]; op: ';' | '&&' | '||' }[] = []
  let op: ';' | '&&' | '||' = ';'
  for (const part of script.split(/(&&|\|\||;|\n)/)) {
    if (part === '&&' || part === '||') op = part
    else if (part === ';' || part === '\n') op = ';'
    else {
      const words = (part.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''))
      if (words.length) out.push({ cmd: words, op })
    }
  }
  return out
}

/** A tiny model of `sh -c SCRIPT`: enough for exit, sleep, echo, true/false, loops and tail -f. */
function shellScript(ctx: Ctx, script: string): { behaviour: Behaviour; why: string } {
  if (/\bwhile\s+(true|:)\b/.test(script) || /tail\s+-f\s/.test(script))
    return { behaviour: runs([], 'ignores-sigterm'), why: 'the script loops forever' }
  let elapsed = QUICK_EXIT_MS
  let last = 0
  for (const { cmd, op } of splitScript(script)) {
    if (op === '&&' && last !== 0) continue
    if (op === '||' && last === 0) continue
    const r = simpleCommand(ctx, cmd, true)
    if (r.behaviour.kind === 'exits') {
      elapsed += r.behaviour.afterMs
      last = r.behaviour.exitCode
      if (cmd[0] === 'exit') return { behaviour: exits(elapsed, last), why: r.why }
      continue
    }
    if (r.behaviour.kind === 'start-error') {
      last = 127
      continue
    }
    if (r.behaviour.kind === 'oom')
      return { behaviour: { ...r.behaviour, afterMs: elapsed + r.behaviour.afterMs }, why: r.why }
    return { behaviour: r.behaviour, why: r.why }
  }
  return { behaviour: exits(elapsed, last), why: `the script ends with status ${last}` }
}

function simpleCommand(
  ctx: Ctx,
  argv: readonly string[],
  inShell: boolean,
): { behaviour: Behaviour; why: string } {
  const [bin0 = '', ...rest] = argv
  const bin = basename(bin0)
  const known = ctx.d.binaries.some((b) => b === bin0 || basename(b) === bin)
  if (bin0 === '' || bin === 'true' || bin === ':')
    return { behaviour: exits(QUICK_EXIT_MS, 0), why: '`true` exits 0 at once' }
  if (bin === 'false') return { behaviour: exits(QUICK_EXIT_MS, 1), why: '`false` exits 1 at once' }
  if (bin === 'exit') {
    const code = Number(rest[0] ?? 0)
    return {
      behaviour: exits(0, Number.isFinite(code) ? code & 255 : 2),
      why: `the script runs \`exit ${rest[0] ?? 0}\``,
    }
  }
  if (bin === 'echo' || bin === 'printf' || bin === 'env' || bin === 'date' || bin === 'ls')
    return { behaviour: exits(QUICK_EXIT_MS, 0), why: `\`${bin}\` prints and exits 0` }
  if (bin === 'sleep') {
    const s = durationSeconds(rest[0])
    if (s === Infinity) return { behaviour: runs([], 'ignores-sigterm'), why: '`sleep infinity` never ends' }
    if (s === null) return { behaviour: exits(QUICK_EXIT_MS, 1), why: '`sleep` with a bad argument exits 1' }
    return {
      behaviour: exits(Math.round(s * 1000) + QUICK_EXIT_MS, 0),
      why: `\`sleep ${rest[0]}\` ends after ${rest[0]} s with status 0`,
    }
  }
  if (bin === 'tail' && rest.includes('/dev/zero'))
    return memoryHog(ctx, Infinity, '`tail /dev/zero` buffers an endless line in memory')
  if (bin === 'tail' && rest.includes('-f'))
    return { behaviour: runs([], 'ignores-sigterm'), why: '`tail -f` never ends' }
  if (bin === 'stress') return stress(ctx, rest)
  if (inShell && !known)
    return { behaviour: exits(QUICK_EXIT_MS, 127), why: `sh: ${bin0}: not found (status 127)` }
  if (REPLS.has(bin0) || REPLS.has(bin)) {
    if (rest.length === 0)
      return {
        behaviour: exits(QUICK_EXIT_MS, 0),
        why: `${bin} with no script reads standard input, which is empty without stdin/tty, so it exits 0 at once`,
      }
    if (rest[0] === '-c' && (bin === 'sh' || bin === 'bash')) return shellScript(ctx, rest[1] ?? '')
    if (rest[0] === '-c' || rest[0] === '-e')
      return { behaviour: exits(QUICK_EXIT_MS * 10, 0), why: `${bin} runs the inline script and exits 0` }
    return {
      behaviour: runs([], 'graceful'),
      why: `${bin} runs the program ${rest[0]} (assumed to be a long-running service)`,
    }
  }
  const server = ctx.d.servers[bin0] ?? ctx.d.servers[bin]
  if (server) {
    const ports =
      declaredPorts(ctx.c).length && ctx.imageName.endsWith('/busybox') ? declaredPorts(ctx.c) : server
    return {
      behaviour: runs(ports, 'graceful', HTTP_KIND[bin] ?? 'any'),
      why: `${bin} is a server: it runs until stopped and listens on ${ports.join(', ')}`,
    }
  }
  if (bin === 'pause') return { behaviour: runs([], 'graceful'), why: '/pause sleeps until it gets a signal' }
  if (bin === 'agnhost') return agnhost(rest)
  if (!known)
    return {
      behaviour: { kind: 'start-error', message: EXEC_NOT_FOUND(bin0) },
      why: `${bin0} is not in the image`,
    }
  return { behaviour: exits(QUICK_EXIT_MS, 0), why: `${bin} does its work and exits 0` }
}

function agnhost(args: readonly string[]): { behaviour: Behaviour; why: string } {
  const sub = args[0]
  if (sub === 'netexec' || sub === 'serve-hostname') {
    const flag = args.find((a) => a.startsWith('--http-port=') || a.startsWith('--port='))
    const port = flag ? Number(flag.split('=')[1]) : sub === 'netexec' ? 8080 : 9376
    return { behaviour: runs([port], 'graceful', 'any'), why: `agnhost ${sub} serves HTTP on ${port}` }
  }
  if (sub === 'pause') return { behaviour: runs([], 'graceful'), why: 'agnhost pause waits for a signal' }
  return {
    behaviour: exits(QUICK_EXIT_MS, 0),
    why: 'agnhost without a subcommand prints its usage and exits 0',
  }
}

function stress(ctx: Ctx, args: readonly string[]): { behaviour: Behaviour; why: string } {
  const at = (flag: string) => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const workers = Number(at('--vm') ?? at('-m') ?? 0)
  const bytes = workers * stressBytes(at('--vm-bytes') ?? '256M')
  const timeout = durationSeconds(at('--timeout') ?? at('-t'))
  if (workers > 0) {
    const limit = memoryLimit(ctx.c)
    if (limit !== null && bytes > limit)
      return memoryHog(ctx, bytes, `stress allocates ${workers} × ${at('--vm-bytes') ?? '256M'}`)
  }
  if (timeout !== null && timeout !== Infinity)
    return {
      behaviour: exits(Math.round(timeout * 1000), 0),
      why: `stress runs for --timeout ${timeout}s and exits 0`,
    }
  return { behaviour: runs([], 'graceful'), why: 'stress keeps its workers busy until stopped' }
}

function memoryHog(ctx: Ctx, bytes: number, what: string): { behaviour: Behaviour; why: string } {
  const limit = memoryLimit(ctx.c)
  if (limit === null)
    return {
      behaviour: runs([], 'graceful'),
      why: `${what}; with no memory limit the cgroup never fills here`,
    }
  if (bytes <= limit)
    return { behaviour: runs([], 'graceful'), why: `${what}, which fits in its memory limit` }
  return {
    behaviour: {
      kind: 'oom',
      afterMs: Math.max(QUICK_EXIT_MS, Math.round(limit / ALLOC_BYTES_PER_MS)),
      usesBytes: bytes,
    },
    why: `${what}, more than its memory limit (${ctx.c.resources?.limits?.['memory']}): the kernel OOM killer kills it (exit 137)`,
  }
}

const UNKNOWN_IMAGE: ImageDefaults = {
  entrypoint: [],
  cmd: ['/app'],
  binaries: [...SHELL_TOOLS, '/app'],
  servers: { '/app': [] },
}

/**
 * What the container's process will do, run as `user` (root when absent).
 * Images outside the default catalog (a Registry repository) are modelled as a
 * long-running server listening on the container's declared ports.
 */
export function containerProcess(c: Container, user?: ProcessUser): ContainerProcess {
  const ref = parseImageReference(c.image ?? '')
  const imageName = ref?.repository ?? ''
  const known = catalogImageDefaults(imageName)
  const d: ImageDefaults = known ?? { ...UNKNOWN_IMAGE, servers: { '/app': declaredPorts(c) } }
  const argv = effectiveArgv(c, d)
  const ctx: Ctx = { c, d, imageName }
  // docker-library entrypoints exec their arguments; postgres/mysql first refuse to initialise without a password.
  let run = argv
  if (run[0] && EXEC_WRAPPERS.has(run[0])) {
    const isMain = Object.keys(d.servers).includes(run[1] ?? '')
    if (isMain && d.requiresEnv && !d.requiresEnv.some((e) => envNames(c).has(e)))
      return {
        argv,
        behaviour: exits(QUICK_EXIT_MS * 8, 1),
        explanation: `The image's entrypoint refuses to initialise the database without one of ${d.requiresEnv.join(', ')} ("${d.requiresEnvError}") and exits 1.`,
      }
    run = run.slice(1)
  }
  const program = run[0] ?? ''
  if (d.rootOnly && !isRootUser(user) && d.rootOnly.programs.includes(basename(program)))
    return {
      argv,
      behaviour: exits(QUICK_EXIT_MS * 8, 1),
      explanation: `${basename(program)} runs as ${user?.uid != null ? `uid ${user.uid}` : `user ${user?.username ?? ''}`}, not root, and cannot create what it needs ("${d.rootOnly.error}"), so it exits 1.`,
    }
  if (!known && !(c.command && c.command.length)) {
    return {
      argv,
      behaviour: runs(declaredPorts(c), 'graceful', 'any'),
      explanation: `${c.image} is not a catalog image; Podlife runs it as a long-running server on its declared ports.`,
    }
  }
  const r = simpleCommand(ctx, run, false)
  return { argv, behaviour: r.behaviour, explanation: `${argv.join(' ') || '(no command)'}: ${r.why}.` }
}

/**
 * The exit status of a command run inside the container (an exec probe or hook),
 * or null when it would not end on its own.
 */
export function execStatus(c: Container, argv: readonly string[]): number | null {
  const ref = parseImageReference(c.image ?? '')
  const d = catalogImageDefaults(ref?.repository ?? '') ?? UNKNOWN_IMAGE
  const r = simpleCommand({ c, d, imageName: ref?.repository ?? '' }, argv, true)
  if (r.behaviour.kind === 'exits') return r.behaviour.exitCode
  if (r.behaviour.kind === 'start-error') return 127
  if (r.behaviour.kind === 'oom') return 137
  return null
}

/**
 * A command run inside the container (an exec hook): its exit status and how long it takes, or
 * status null and `afterMs` Infinity when it would not end on its own (`sleep infinity`, a loop).
 */
export function execRun(c: Container, argv: readonly string[]): { status: number | null; afterMs: number } {
  const ref = parseImageReference(c.image ?? '')
  const d = catalogImageDefaults(ref?.repository ?? '') ?? UNKNOWN_IMAGE
  const b = simpleCommand({ c, d, imageName: ref?.repository ?? '' }, argv, true).behaviour
  switch (b.kind) {
    case 'exits':
      return { status: b.exitCode, afterMs: b.afterMs }
    case 'start-error':
      return { status: 127, afterMs: QUICK_EXIT_MS }
    case 'oom':
      return { status: 137, afterMs: b.afterMs }
    case 'runs':
      return { status: null, afterMs: Infinity }
    default:
      return b satisfies never
  }
}
