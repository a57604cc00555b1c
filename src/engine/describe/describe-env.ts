/**
 * A container's Environment and "Environment Variables from" blocks in
 * kubectl describe. Upstream: kubernetes/kubectl pkg/describe/describe.go
 * (describeContainerEnvVars, describeContainerEnvFrom, EnvValueRetriever) and
 * pkg/util/resource/resource.go (ExtractContainerResourceValue) at v0.34.
 *
 * A downward-API fieldRef is resolved the way EnvValueRetriever does it:
 * kubectl's scheme converts the field label first, and it registers no Pod
 * field-label conversion (those live in the apiserver's pkg/apis/core/v1), so
 * apimachinery's DefaultMetaV1FieldSelectorConversion answers: only
 * metadata.name and metadata.namespace resolve. Every other path (spec.nodeName,
 * status.podIP, labels…) prints an empty value before `(v1:path)`.
 */
import type { Container, Pod } from '../model/objects'
import { parseQuantity, quantityMilliValue, quantityValue, type Quantity } from '../model/quantity'
import { asArr, asBool, asObj, asStr, type PrefixWriter } from './prefix-writer'

export function describeEnvFrom(envFrom: readonly unknown[], w: PrefixWriter): void {
  w.write(2, 'Environment Variables from:\n')
  for (const raw of envFrom) {
    const e = asObj(raw) ?? {}
    const cm = asObj(e['configMapRef'])
    const secret = asObj(e['secretRef'])
    const ref = cm ?? secret
    const from = cm ? 'ConfigMap' : secret ? 'Secret' : ''
    const optional = asBool(ref?.['optional'])
    const prefix = asStr(e['prefix'])
    const what = prefix === '' ? from : `${from} with prefix '${prefix}'`
    w.write(3, `${asStr(ref?.['name'])}\t${what}\tOptional: ${optional}\n`)
  }
}

export function describeEnv(container: Container, pod: Pod | null, w: PrefixWriter): void {
  const env = asArr(container['env'])
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const raw of env) {
    const e = asObj(raw) ?? {}
    const name = asStr(e['name'])
    const valueFrom = asObj(e['valueFrom'])
    if (!valueFrom) {
      asStr(e['value'])
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`))
      continue
    }
    const fieldRef = asObj(valueFrom['fieldRef'])
    const resourceFieldRef = asObj(valueFrom['resourceFieldRef'])
    const secretKeyRef = asObj(valueFrom['secretKeyRef'])
    const configMapKeyRef = asObj(valueFrom['configMapKeyRef'])
    if (fieldRef) {
      const apiVersion = asStr(fieldRef['apiVersion'])
      const path = asStr(fieldRef['fieldPath'])
      // Without a resolver (a pod template) the value is empty (describeContainerEnvVars).
      const value = pod ? resolveFieldRef(pod, apiVersion, path) : ''
      w.write(3, `${name}:\t${value} (${apiVersion}:${path})\n`)
    } else if (resourceFieldRef) {
      const resource = asStr(resourceFieldRef['resource'])
      let value = extractContainerResourceValue(container, resource, resourceFieldRef['divisor'])
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        value = 'node allocatable'
      w.write(3, `${name}:\t${value} (${resource})\n`)
    } else if (secretKeyRef) {
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(secretKeyRef['key'])}' in secret '${asStr(secretKeyRef['name'])}'>\t` +
          `Optional: ${asBool(secretKeyRef['optional'])}\n`,
      )
    } else if (configMapKeyRef) {
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(configMapKeyRef['key'])}' of config map '${asStr(configMapKeyRef['name'])}'>\t` +
          `Optional: ${asBool(configMapKeyRef['optional'])}\n`,
      )
    }
  }
}

/** schema.ParseGroupVersion: "" and "v1" and "group/version" parse; more than one slash does not. */
const parsesAsGroupVersion = (s: string): boolean => s.split('/').length <= 2

/**
 * EnvValueRetriever: ParseGroupVersion, then scheme.ConvertFieldLabel (for
 * kubectl, DefaultMetaV1FieldSelectorConversion), then
 * fieldpath.ExtractFieldPathAsString. Any error prints as "".
 */
export function resolveFieldRef(pod: Pod, apiVersion: string, fieldPath: string): string {
  if (!parsesAsGroupVersion(apiVersion)) return ''
  if (fieldPath === 'metadata.name') return pod.metadata.name ?? ''
  if (fieldPath === 'metadata.namespace') return pod.metadata.namespace ?? ''
  return ''
}

const isHugePages = (name: string): boolean => name.startsWith('hugepages-')

/** ResourceList.Cpu()/Memory()/Name(): a missing resource is the zero quantity. */
function resourceOf(list: Readonly<Record<string, string>> | undefined, name: string): Quantity | null {
  const r = parseQuantity(list?.[name] ?? '0')
  return r.ok ? r.quantity : null
}

/**
 * resourcehelper.ExtractContainerResourceValue: the container's value divided
 * by the divisor and rounded up; a divisor equal to zero (the `"0"` every
 * stored resourceFieldRef carries by default) counts as 1. CPU divides
 * milli-values, the rest whole values. An unsupported resource is an error,
 * which describe prints as "".
 */
export function extractContainerResourceValue(
  container: Container,
  resource: string,
  divisorText: unknown,
): string {
  const parsedDivisor = parseQuantity(typeof divisorText === 'string' ? divisorText : '0')
  const divisor = parsedDivisor.ok && parsedDivisor.quantity.nanos !== 0n ? parsedDivisor.quantity : null
  const dot = resource.indexOf('.')
  const kind = resource.slice(0, dot)
  const name = resource.slice(dot + 1)
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests')) return ''
  if (name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && !isHugePages(name)) return ''
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests
  const value = resourceOf(list, name)
  if (!value) return ''
  const [num, den] =
    name === 'cpu'
      ? [quantityMilliValue(value), divisor ? quantityMilliValue(divisor) : 1000]
      : [quantityValue(value), divisor ? quantityValue(divisor) : 1]
  return String(Math.ceil(num / den))
}
