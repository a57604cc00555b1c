/**
 * The checks ValidatePodCreate makes on a pod but not on a pod template, after ValidatePodSpec: an image
 * with leading or trailing whitespace is refused (a template keeps it, for backward compatibility), for
 * regular containers first, then init containers.
 * Upstream: pkg/apis/core/validation/validation.go (validatePodMetadataAndSpec,
 * validateContainersOnlyForPod, validateContainerOnlyForPod).
 */
import type { Container } from '../model/objects'
import { goQuote, isGoSpace } from '../model/go-quote'

export const MSG_IMAGE_WHITESPACE = 'must not have leading or trailing whitespace'

/** `len(ctr.Image) != len(strings.TrimSpace(ctr.Image))`, with Go's unicode.IsSpace, not JavaScript's trim. */
function hasOuterSpace(image: string): boolean {
  const chars = [...image]
  return chars.length > 0 && (isGoSpace(chars[0]!) || isGoSpace(chars[chars.length - 1]!))
}

export function validateContainersOnlyForPod(containers: readonly Container[], path: string): string[] {
  return containers.flatMap((c, i) =>
    typeof c.image === 'string' && hasOuterSpace(c.image)
      ? // field.Invalid prints a string value with %q (apimachinery field/errors.go ErrorBody).
        [`${path}[${i}].image: Invalid value: ${goQuote(c.image)}: ${MSG_IMAGE_WHITESPACE}`]
      : [],
  )
}
