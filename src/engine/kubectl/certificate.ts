/**
 * Reads the identity out of a kubeconfig client certificate: the apiserver's
 * x509 authenticator takes the user name from the subject's CommonName and the
 * groups from its Organization values.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/x509/x509.go (CommonNameUserConversion)
 */
import { AsnConvert } from '@peculiar/asn1-schema'
import { Certificate, type Name } from '@peculiar/asn1-x509'
import { decodeBase64, utf8Text } from '../model/base64'

const OID_COMMON_NAME = '2.5.4.3'
const OID_ORGANIZATION = '2.5.4.10'

export interface CertificateIdentity {
  readonly commonName: string
  readonly organizations: readonly string[]
  readonly issuerCommonName: string
  readonly notAfter: string
  readonly serialNumber: string
}

export type CertificateResult = { ok: true; identity: CertificateIdentity } | { ok: false; error: string }

/**
 * Parsing is pure, and the same certificate is read by kubectl and by the apiserver's authenticator
 * for every request; a small cache keeps that off the simulation's hot path.
 */
const cache = new Map<string, CertificateResult>()
const CACHE_LIMIT = 32

/** `data` is kubeconfig's `client-certificate-data`: base64 of a PEM file. */
export function readClientCertificate(data: string): CertificateResult {
  const hit = cache.get(data)
  if (hit) return hit
  const result = parseClientCertificate(data)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(data, result)
  return result
}

function parseClientCertificate(data: string): CertificateResult {
  const pemBytes = decodeBase64(data)
  if (!pemBytes) return { ok: false, error: 'client-certificate-data is not valid base64' }
  const pem = utf8Text(pemBytes)
  const body = firstPemBody(pem)
  if (!body) return { ok: false, error: 'client-certificate-data does not contain a PEM certificate' }
  const der = decodeBase64(body)
  if (!der) return { ok: false, error: 'the PEM certificate is not valid base64' }
  try {
    const cert = AsnConvert.parse(der, Certificate)
    const tbs = cert.tbsCertificate
    const notAfter = tbs.validity.notAfter.getTime()
    return {
      ok: true,
      identity: {
        commonName: attributes(tbs.subject, OID_COMMON_NAME)[0] ?? '',
        organizations: attributes(tbs.subject, OID_ORGANIZATION),
        issuerCommonName: attributes(tbs.issuer, OID_COMMON_NAME)[0] ?? '',
        notAfter: notAfter.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        serialNumber: [...new Uint8Array(tbs.serialNumber)]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join(''),
      },
    }
  } catch (e) {
    return { ok: false, error: `failed to parse certificate: ${e instanceof Error ? e.message : String(e)}` }
  }
}

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----'
const PEM_END = '-----END CERTIFICATE-----'

/**
 * What `/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/` captures, by two searches:
 * the expression scans to the end of the text from every BEGIN line, so 40,000 of them without an END
 * took 11 s. The first BEGIN with an END after it is the first BEGIN, and its body ends at the first END.
 * (Go's pem.Decode reads blocks in order too; encoding/pem/pem.go.)
 */
function firstPemBody(pem: string): string | undefined {
  const begin = pem.indexOf(PEM_BEGIN)
  if (begin < 0) return undefined
  const end = pem.indexOf(PEM_END, begin + PEM_BEGIN.length)
  return end < 0 ? undefined : pem.slice(begin + PEM_BEGIN.length, end)
}

function attributes(name: Name, oid: string): string[] {
  const out: string[] = []
  for (const rdn of name) {
    for (const atv of rdn) {
      if (atv.type === oid) out.push(atv.value.toString())
    }
  }
  return out
}
