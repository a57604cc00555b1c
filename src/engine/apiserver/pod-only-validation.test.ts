/**
 * validateContainersOnlyForPod: an image with leading or trailing whitespace is a 422 on pod create.
 * Upstream: kubernetes pkg/apis/core/validation/validation.go (validatePodMetadataAndSpec,
 * validateContainerOnlyForPod, strings.TrimSpace), apimachinery pkg/util/validation/field/errors.go
 * (ErrorBody quotes a string with %q); kubectl's exit code for an apiserver error:
 * kubectl/pkg/cmd/util/helpers.go checkErr (DefaultErrorExitCode 1, MultilineError for the causes).
 */
import { describe, expect, it } from 'vitest'
import { validateContainersOnlyForPod } from './pod-only-validation'
import { makeContainer } from '../testing/builders'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'

describe('validateContainersOnlyForPod', () => {
  it.each([
    ['a leading space', ' nginx', '" nginx"'],
    ['a trailing space', 'nginx ', '"nginx "'],
    ['a trailing tab, quoted as Go quotes it', 'nginx:1.27\t', '"nginx:1.27\\t"'],
    ['a trailing newline', 'nginx\n', '"nginx\\n"'],
    ['a leading no-break space (unicode.IsSpace), quoted \\u00a0', '\u00a0nginx', '"\\u00a0nginx"'],
    ['a trailing NEL (U+0085), which JavaScript’s trim keeps', 'nginx\u0085', '"nginx\\u0085"'],
  ])('%s is refused', (_what, image, quoted) => {
    expect(validateContainersOnlyForPod([makeContainer({ name: 'c', image })], 'spec.containers')).toEqual([
      `spec.containers[0].image: Invalid value: ${quoted}: must not have leading or trailing whitespace`,
    ])
  })

  it.each([
    ['a clean image', 'nginx:1.27'],
    ['whitespace inside (left to the kubelet)', 'nginx:Bad Tag'],
    ['a byte-order mark, which strings.TrimSpace keeps', '\ufeffnginx'],
    ['an empty image (Required value is validateContainers’ error)', ''],
  ])('%s passes', (_what, image) => {
    expect(validateContainersOnlyForPod([makeContainer({ name: 'c', image })], 'spec.containers')).toEqual([])
  })

  it('names the index and the list: init containers are checked too', () => {
    const list = [
      makeContainer({ name: 'a', image: 'busybox' }),
      makeContainer({ name: 'b', image: 'busybox ' }),
    ]
    expect(validateContainersOnlyForPod(list, 'spec.initContainers')).toEqual([
      'spec.initContainers[1].image: Invalid value: "busybox ": must not have leading or trailing whitespace',
    ])
  })
})

describe('kubectl against an image with whitespace', () => {
  const manifest = (image: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: init\n    image: "busybox "\n  containers:\n  - name: web\n    image: "${image}"\n    ports:\n    - containerPort: 99999\n`

  it.each(['kubectl create -f pod.yaml', 'kubectl apply -f pod.yaml'])(
    '%s: 422 after the spec’s own errors, exit code 1, nothing stored',
    (command) => {
      const r = toContractReport(
        simulate({ manifest: manifest(' nginx'), command }, { seed: 1, until: 5_000 }),
        {
          command,
        },
      )
      const post = r.requests.find((q) => q.from === 'kubectl' && q.method === 'POST')
      expect(post?.response?.code).toBe(422)
      expect(r.kubectl.exitCode).toBe(1)
      // kubectl prints a 422 with several causes one per line (cmd/util/helpers.go StandardErrorMessage).
      expect(r.kubectl.stderr).toBe(
        'The Pod "web" is invalid: \n' +
          '* spec.containers[0].ports[0].containerPort: Invalid value: 99999: must be between 1 and 65535, inclusive\n' +
          '* spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace\n' +
          '* spec.initContainers[0].image: Invalid value: "busybox ": must not have leading or trailing whitespace\n',
      )
      expect(r.pods).toEqual([])
    },
  )
})
