/**
 * describe.go DescribeProbe (kubernetes/kubectl pkg/describe, v0.34): one line
 * per probe, from the stored probe. The thresholds are the stored values (the
 * apiserver defaulted them, defaulting-containers.ts); an HTTP probe is
 * printed as Go's net/url URL.String() prints scheme, host and path.
 */
import { asArr, asNum, asObj, asStr, type Obj } from './prefix-writer'

const HEX = '0123456789ABCDEF'
const isAlnum = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)

/** net/url shouldEscape for encodeHost and encodePath (RFC 3986 §3.2.2, §3.3). */
function shouldEscape(c: number, mode: 'host' | 'path'): boolean {
  if (isAlnum(c)) return false
  const ch = String.fromCharCode(c)
  if (mode === 'host' && `!$&'()*+,;=:[]<>"`.includes(ch)) return false
  if ('-_.~'.includes(ch)) return false
  // Reserved characters: a path keeps all but "?"; the host escapes the ones it did not allow above.
  if ('$&+,/:;=?@'.includes(ch)) return mode === 'path' ? ch === '?' : true
  return true
}

function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return out
}

/** net/url escape: every byte that must be escaped becomes %XX (upper-case hex). */
function escape(s: string, mode: 'host' | 'path'): string {
  let out = ''
  for (const ch of s) {
    if (ch.length === 1 && ch.charCodeAt(0) < 0x80 && !shouldEscape(ch.charCodeAt(0), mode)) {
      out += ch
      continue
    }
    for (const b of utf8Bytes(ch)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`
  }
  return out
}

/** net.JoinHostPort: an IPv6-looking host (one with a colon) goes in brackets. */
const joinHostPort = (host: string, port: string): string =>
  `${host.includes(':') ? `[${host}]` : host}:${port}`

/** url.URL{Scheme, Host, Path}.String() (net/url), for the fields DescribeProbe sets. */
export function goURLString(scheme: string, host: string, path: string): string {
  let out = scheme === '' ? '' : `${scheme}:`
  if (scheme !== '' || host !== '') {
    if (host !== '' || path !== '') out += '//'
    out += escape(host, 'host')
  }
  const escaped = path === '*' ? '*' : escape(path, 'path')
  if (escaped !== '' && !escaped.startsWith('/') && host !== '') out += '/'
  // RFC 3986 §4.2: a relative path whose first segment has a colon would read as a scheme.
  if (out === '' && (escaped.split('/')[0] ?? '').includes(':')) out += './'
  return out + escaped
}

/** intstr.IntOrString.String(): a number in decimal, a name as is; absent is the int 0. */
const intOrString = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '0'

/** Go's `%v` of a []string: `[a b c]`. */
const goSlice = (items: readonly unknown[]): string => `[${items.map(asStr).join(' ')}]`

export function describeProbe(probe: Obj): string {
  const attrs =
    `delay=${asNum(probe['initialDelaySeconds'])}s timeout=${asNum(probe['timeoutSeconds'])}s ` +
    `period=${asNum(probe['periodSeconds'])}s #success=${asNum(probe['successThreshold'])} ` +
    `#failure=${asNum(probe['failureThreshold'])}`
  const exec = asObj(probe['exec'])
  const httpGet = asObj(probe['httpGet'])
  const tcp = asObj(probe['tcpSocket'])
  const grpc = asObj(probe['grpc'])
  if (exec) return `exec ${goSlice(asArr(exec['command']))} ${attrs}`
  if (httpGet) {
    const host = asStr(httpGet['host'])
    const port = intOrString(httpGet['port'])
    const url = goURLString(
      asStr(httpGet['scheme']).toLowerCase(),
      port === '' ? host : joinHostPort(host, port),
      asStr(httpGet['path']),
    )
    return `http-get ${url} ${attrs}`
  }
  if (tcp) return `tcp-socket ${asStr(tcp['host'])}:${intOrString(tcp['port'])} ${attrs}`
  if (grpc) return `grpc <pod>:${asNum(grpc['port'])} ${asStr(grpc['service'])} ${attrs}`
  return `unknown ${attrs}`
}
