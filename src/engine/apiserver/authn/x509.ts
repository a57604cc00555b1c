/**
 * Client certificates: the TLS layer has already verified the chain against
 * --client-ca-file; the user is the subject's CommonName and the groups its
 * Organizations. Upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go
 *
 * In the simulation the certificate travels as the `X-Podlife-Client-Certificate`
 * pseudo-header (the TLS handshake is not an HTTP header in reality).
 */
import type { Authenticator } from './types'
import { readClientCertificate } from '../../kubectl/certificate'

export const CLIENT_CERT_HEADER = 'X-Podlife-Client-Certificate'
/**
 * Control-plane components and kubelets present certificates issued by the
 * cluster CA too; the simulation carries only their verified subject
 * (`CN=system:kube-scheduler` or `CN=system:node:worker-1,O=system:nodes`).
 */
export const CLIENT_SUBJECT_HEADER = 'X-Podlife-Client-Subject'

function parseSubject(subject: string): { cn: string; orgs: string[] } {
  let cn = ''
  const orgs: string[] = []
  for (const part of subject.split(',')) {
    const [k, v = ''] = part.split('=')
    if (k === 'CN') cn = v
    if (k === 'O') orgs.push(v)
  }
  return { cn, orgs }
}

export const X509: Authenticator = {
  name: 'x509',
  authenticate(request) {
    const subject = request.headers[CLIENT_SUBJECT_HEADER]
    if (subject) {
      const { cn, orgs } = parseSubject(subject)
      return {
        kind: 'authenticated',
        user: { name: cn, uid: '', groups: orgs },
        detail: `client certificate ${subject}, issued by CN=kubernetes`,
      }
    }
    const data = request.headers[CLIENT_CERT_HEADER]
    if (!data) return { kind: 'no-credentials', detail: 'no client certificate in the TLS handshake' }
    const cert = readClientCertificate(data)
    if (!cert.ok) return { kind: 'error', detail: cert.error }
    if (cert.identity.issuerCommonName !== 'kubernetes') {
      return { kind: 'error', detail: 'x509: certificate signed by unknown authority' }
    }
    return {
      kind: 'authenticated',
      user: { name: cert.identity.commonName, uid: '', groups: [...cert.identity.organizations] },
      detail: `client certificate CN=${cert.identity.commonName}, O=${cert.identity.organizations.join(',')}, issued by CN=${cert.identity.issuerCommonName}`,
    }
  },
}
