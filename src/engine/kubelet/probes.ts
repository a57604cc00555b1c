/**
 * Probe and lifecycle-handler results, decided from the container behaviour
 * model (docs/container-behaviour.md, "Probes and hooks"):
 * - httpGet succeeds when the process serves HTTP on that port and the path
 *   exists (static servers such as nginx and httpd have only `/`); a port
 *   nobody listens on is refused, a path the server lacks is a 404.
 * - tcpSocket succeeds when the process listens on the port.
 * - exec runs the command through the same model: status 0 is success.
 * Texts: pkg/probe/http/http.go ("HTTP probe failed with statuscode: %d"),
 * Go net/http and net dial errors as the prober reports them
 * (`Get "http://…": dial tcp …: connect: connection refused`).
 */
import type { Container } from '../model/objects'
import { containerProcess, execStatus } from './container-behaviour'

export interface ProbeSpec {
  readonly httpGet?: { readonly path?: string; readonly port: number | string; readonly scheme?: string }
  readonly tcpSocket?: { readonly port: number | string }
  readonly exec?: { readonly command?: readonly string[] }
  readonly grpc?: { readonly port: number }
  readonly initialDelaySeconds?: number
  readonly periodSeconds?: number
  readonly timeoutSeconds?: number
  readonly failureThreshold?: number
  readonly successThreshold?: number
}

export interface HandlerResult {
  readonly ok: boolean
  /** What the prober reports: the failure text of an HTTP/TCP probe, an exec command's output. */
  readonly output: string
}

/** Defaults. Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Probe */
export function probeTiming(p: ProbeSpec): {
  initialDelayMs: number
  periodMs: number
  failureThreshold: number
  successThreshold: number
} {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds ?? 10) * 1000,
    failureThreshold: p.failureThreshold ?? 3,
    successThreshold: p.successThreshold ?? 1,
  }
}

function resolvePort(c: Container, port: number | string): number | null {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return c.ports?.find((p) => p.name === port)?.containerPort ?? null
}

export const HTTP_STATUS_FAILED = (code: number): string => `HTTP probe failed with statuscode: ${code}`
export const CONNECTION_REFUSED = (ip: string, port: number): string =>
  `dial tcp ${ip}:${port}: connect: connection refused`

/** The result of running an httpGet, tcpSocket, exec or grpc handler against the container. */
export function runHandler(c: Container, h: ProbeSpec, podIP: string): HandlerResult {
  const b = containerProcess(c).behaviour
  const ports = b.kind === 'runs' ? b.ports : []
  if (h.httpGet) {
    const port = resolvePort(c, h.httpGet.port)
    const path = h.httpGet.path ?? '/'
    const url = `${(h.httpGet.scheme ?? 'HTTP').toLowerCase()}://${podIP}:${port ?? h.httpGet.port}${path}`
    if (port === null || !ports.includes(port))
      return { ok: false, output: `Get "${url}": ${CONNECTION_REFUSED(podIP, port ?? 0)}` }
    const http = b.kind === 'runs' ? (b.http ?? 'any') : 'none'
    if (http === 'none') return { ok: false, output: `Get "${url}": EOF` }
    if (http === 'static' && path !== '/' && path !== '/index.html')
      return { ok: false, output: HTTP_STATUS_FAILED(404) }
    return { ok: true, output: '' }
  }
  if (h.tcpSocket || h.grpc) {
    const port = resolvePort(c, (h.tcpSocket?.port ?? h.grpc?.port)!)
    if (port === null || !ports.includes(port))
      return { ok: false, output: CONNECTION_REFUSED(podIP, port ?? 0) }
    return { ok: true, output: '' }
  }
  if (h.exec) {
    const status = execStatus(c, h.exec.command ?? [])
    if (status === 0) return { ok: true, output: '' }
    if (status === null)
      return { ok: false, output: `command ${JSON.stringify((h.exec.command ?? []).join(' '))} timed out` }
    return { ok: false, output: '' }
  }
  return { ok: true, output: '' }
}
