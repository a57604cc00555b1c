/**
 * What kubectl says about a document it refuses before sending anything, and whether it reads on.
 * With validation on (strict or warn), kubectl/pkg/validation/schema.go paramVerifyingSchema.ValidateBytes
 * first asks getObjectKind for apiVersion and kind, without the server: a document that is no mapping
 * (`hello`, `42`, a sequence) is "invalid object to validate". cli-runtime resource/visitor.go
 * StreamVisitor.Visit returns that error (ValidateSchema's wording), so the documents after it are never
 * read. With --validate=false the unstructured decoder refuses it instead (mapper.go infoForData) and the
 * error goes to the visitor function: ContinueOnErrorVisitor collects it and the stream goes on.
 */
import { goQuote } from '../model/go-quote'

/** cli-runtime resource/visitor.go stopValidateMessage. */
export const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false'
/** kubectl/pkg/validation/validation.go getObjectKind, for a document that is not a map. */
export const INVALID_OBJECT = 'invalid object to validate'

/** StreamVisitor: `error validating %q: %v` around ValidateSchema's `error validating data: %v; %s`. */
export const validationFailed = (file: string, what: string): string =>
  `error validating ${goQuote(file)}: error validating data: ${what}; ${STOP_VALIDATE}`

/** mapper.go infoForData: `unable to decode %q: %v`. */
export const decodeFailed = (file: string, err: string): string => `unable to decode ${goQuote(file)}: ${err}`

/** encoding/json's name for the type of a JSON value that is not an object, as UnmarshalTypeError prints it. */
export type GoJsonType = 'string' | 'number' | 'bool' | 'array'

/**
 * apimachinery unstructured/helpers.go unstructuredJSONScheme.decode unmarshals into its `detector`
 * struct first; sigs.k8s.io/json's UnmarshalTypeError (no field: the value is the whole document).
 */
export const cannotUnmarshal = (type: GoJsonType): string =>
  `json: cannot unmarshal ${type} into Go value of type unstructured.detector`

/** The JSON type of a YAML document's value once sigs.k8s.io/yaml has converted it; null for a mapping. */
export function goJsonTypeOf(value: unknown): GoJsonType | null {
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number' || typeof value === 'bigint') return 'number'
  if (typeof value === 'boolean') return 'bool'
  return null
}
