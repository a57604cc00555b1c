/**
 * An admission plugin sees one request's object and either admits it
 * (a mutating plugin may return a changed Pod) or rejects it with an API
 * status. Plugins never decide what happens to the chain; chain.ts does.
 * Upstream: staging/src/k8s.io/apiserver/pkg/admission/interfaces.go
 */
import type { Pod } from '../../model/objects'
import type { Cluster } from '../../model/cluster'
import type { UserInfo } from '../../protocol/http'
import type { Rng } from '../../sim/rng'

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT'

export interface AdmissionInput {
  readonly operation: Operation
  /** Resource (and subresource) being written, e.g. `pods` or `pods/binding`. */
  readonly resource: string
  readonly namespace: string
  /**
   * The name in the request (attrs.GetName()): the object's metadata.name as sent, empty for a
   * generateName create, so messages say `pods is forbidden:` as upstream's do.
   */
  readonly name: string
  readonly pod: Pod
  readonly user: UserInfo
  readonly cluster: Cluster
  readonly rng: Rng
  readonly dryRun: boolean
}

export type AdmissionResult =
  | {
      readonly kind: 'admit'
      readonly pod: Pod
      readonly note: string
      readonly rng?: Rng
      readonly warnings?: readonly string[]
      /** Audit annotations the plugin adds (they go to the audit log, not the object). */
      readonly auditAnnotations?: Readonly<Record<string, string>>
    }
  | {
      readonly kind: 'deny'
      readonly code: number
      readonly reason: 'Forbidden' | 'NotFound' | 'Invalid' | 'BadRequest'
      readonly message: string
      readonly note: string
      readonly auditAnnotations?: Readonly<Record<string, string>>
    }

export interface AdmissionPlugin {
  readonly name: string
  /** Whether the plugin is called for this operation at all (admission.Handler looks at the operation only). */
  handles(operation: Operation): boolean
  /** MutationInterface.Admit */
  admit?(input: AdmissionInput): AdmissionResult
  /** ValidationInterface.Validate */
  validate?(input: AdmissionInput): AdmissionResult
}

export const admitUnchanged = (input: AdmissionInput, note: string): AdmissionResult => ({
  kind: 'admit',
  pod: input.pod,
  note,
})

/** admission.NewForbidden → apierrors.NewForbidden: `pods "x" is forbidden: …`, or `pods is forbidden: …` without a name. */
export const forbidden = (input: AdmissionInput, message: string, note = message): AdmissionResult => ({
  kind: 'deny',
  code: 403,
  reason: 'Forbidden',
  message: `${input.name ? `pods ${JSON.stringify(input.name)}` : 'pods'} is forbidden: ${message}`,
  note,
})
