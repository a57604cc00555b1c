/**
 * kubectl's messages for broken YAML. Every expected text is what go-yaml v2
 * (go.yaml.in/yaml/v2 v2.4, the parser under sigs.k8s.io/yaml that kubectl
 * v1.34 uses) returns for the same input, split into documents the way
 * apimachinery pkg/util/yaml/decoder.go YAMLReader does; kubectl wraps it as
 * `error parsing <file>: error converting YAML to JSON: <go-yaml error>`
 * (cli-runtime pkg/resource/visitor.go, sigs.k8s.io/yaml yaml.go).
 * Why a line is what it is: go-yaml decode.go (*parser).fail, scannerc.go, parserc.go.
 */
import { describe, expect, it } from 'vitest'
import { parseManifest } from './parse'

// [what the user did, manifest, go-yaml's error]
const CASES: readonly (readonly [string, string, string])[] = [
  [
    'a colon and space inside an unquoted image value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx: latest\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'a key indented one space more than its siblings',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n   labels:\n    app: web\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'a key indented one space less than its siblings',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n labels:\n    app: web\n',
    'yaml: line 4: did not find expected key',
  ],
  [
    'a container field indented past its siblings',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n     image: nginx\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'a container field indented short of its siblings',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n   image: nginx\n',
    'yaml: line 7: did not find expected key',
  ],
  [
    'a tab as the indentation after a plain value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n\timage: nginx\n',
    'yaml: line 8: found a tab character that violates indentation',
  ],
  [
    'spaces then a tab as the indentation after a plain value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    \timage: nginx\n',
    'yaml: line 8: found a tab character that violates indentation',
  ],
  [
    'a tab starting the line after a plain annotation value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  annotations:\n    a: first\n\tsecond\n',
    'yaml: line 7: found a tab character that violates indentation',
  ],
  [
    'a tab starting the line after a quoted value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "nginx"\n\tlabels: x\n',
    'yaml: line 5: found character that cannot start any token',
  ],
  [
    'a double quote never closed',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: "nginx\n',
    'yaml: line 9: found unexpected end of stream',
  ],
  [
    'a single quote never closed',
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: 'nginx\n",
    'yaml: line 9: found unexpected end of stream',
  ],
  [
    'a quote never closed, no final newline',
    'apiVersion: v1\nkind: "Pod',
    'yaml: line 2: found unexpected end of stream',
  ],
  [
    'a flow sequence never closed',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    args: [a, b\n',
    "yaml: line 9: did not find expected ',' or ']'",
  ],
  [
    'a flow mapping never closed',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels: {app: web\nspec:\n  containers: []\n',
    "yaml: line 5: did not find expected ',' or '}'",
  ],
  [
    'a flow sequence value left open before the next key',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n  labels: x\n',
    "yaml: line 4: did not find expected ',' or ']'",
  ],
  [
    'a key without its colon',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels\n  app: web\n',
    "yaml: line 6: could not find expected ':'",
  ],
  [
    'kind without its colon',
    'apiVersion: v1\nkind Pod\nmetadata:\n  name: nginx\n',
    "yaml: line 3: could not find expected ':'",
  ],
  [
    'metadata without its colon before its block',
    'apiVersion: v1\nkind: Pod\nmetadata\n  name: nginx\n',
    "yaml: line 4: could not find expected ':'",
  ],
  [
    'a key without its colon at the end of the file',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels\n',
    "yaml: line 6: could not find expected ':'",
  ],
  [
    'a key without its colon followed by a blank line and a comment',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels\n\n  # note\n  app: web\n',
    "yaml: line 7: could not find expected ':'",
  ],
  [
    'a literal block scalar line dedented',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  annotations:\n    a: |\n      one\n    two\n',
    "yaml: line 9: could not find expected ':'",
  ],
  [
    'a list item indented one space more than the first',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: a\n    image: nginx\n   - name: b\n    image: nginx\n',
    'yaml: line 8: did not find expected key',
  ],
  [
    'a list after a key that already has a value',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx - x\nspec:\n  containers: nginx\n  - name: b\n',
    'yaml: line 6: did not find expected key',
  ],
  [
    'a list item on the same line as its key',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers: - name: nginx\n',
    'yaml: line 6: block sequence entries are not allowed in this context',
  ],
  [
    'an empty entry in a flow sequence',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    args: [a, , b]\n',
    'yaml: line 8: did not find expected node content',
  ],
  [
    'a closing bracket with no opening one',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx]\n    args: ]\n',
    'yaml: line 8: did not find expected node content',
  ],
  [
    'a value starting with @',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: @nginx\n',
    'yaml: line 8: found character that cannot start any token',
  ],
  [
    'a value starting with a backtick',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: `nginx`\n',
    'yaml: line 8: found character that cannot start any token',
  ],
  [
    'an alias to an anchor never defined',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: *img\n',
    "yaml: unknown anchor 'img' referenced",
  ],
  [
    'a fault in the second document counts lines from that document',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n   labels: x\n',
    'yaml: line 5: mapping values are not allowed in this context',
  ],
  [
    'a fault in the third document after a leading separator',
    '---\napiVersion: v1\nkind: Pod\n---\nkind: Pod\n---\na: 1\nb: c: d\n',
    'yaml: line 2: mapping values are not allowed in this context',
  ],
  [
    'a fault on the first line prints no line number',
    'apiVersion: v1: x\nkind: Pod\n',
    'yaml: mapping values are not allowed in this context',
  ],
  [
    'a key indented under a flow mapping value',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: nginx}\n  labels: x\n',
    'yaml: line 3: did not find expected key',
  ],
  [
    'a list dash without a space',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  -name: nginx\n    image: nginx\n',
    'yaml: line 8: mapping values are not allowed in this context',
  ],
  [
    'a scalar value followed by an indented mapping',
    'apiVersion: v1\nkind: Pod\nmetadata: x\n  name: nginx\n',
    'yaml: line 4: mapping values are not allowed in this context',
  ],
]

describe('kubectl prints go-yaml errors for broken manifests', () => {
  it.each(CASES)('%s', (_name, manifest, goError) => {
    const result = parseManifest(manifest, 'pod.yaml')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]!.kubectl).toBe(
      `error parsing pod.yaml: error converting YAML to JSON: ${goError}`,
    )
  })

  it('marks the offending line in the file, not the document-relative one', () => {
    const result = parseManifest(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n   labels: x\n',
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]!.line).toBe(10)
  })

  it.each([
    ['a question-mark key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels: x\n  ? y\n'],
    [
      'a doubled colon inside a key',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    app:: web\n',
    ],
    ['JSON with a trailing comma', '{"apiVersion": "v1", "kind": "Pod",}\n'],
  ])('accepts what go-yaml accepts: %s', (_name, manifest) => {
    expect(parseManifest(manifest).ok).toBe(true)
  })
})
