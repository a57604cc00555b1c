import { describe, expect, it } from 'vitest'
import type { Pod } from '../model/objects'
import { byteLength, MAX_ANNOTATION_LEN, printAnnotationsMultiline, sliceBytes } from './describe-metadata'
import { describePodAt } from './describe-pod'
import { tabbedString } from './prefix-writer'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

// Upstream: kubernetes/kubectl pkg/describe/describe.go printAnnotationsMultiline, and its
// describe_test.go TestPrintLabelsMultiline cases (kubectl v0.34.1).
describe('printAnnotationsMultiline (TestPrintLabelsMultiline)', () => {
  const key = 'MaxLenAnnotation'
  const value = 'a'.repeat(MAX_ANNOTATION_LEN - key.length - 2)
  it.each<[string, Record<string, string>, string]>([
    ['sorted, upper case first', { col1: 'asd', COL2: 'zxc' }, 'Annotations:\tCOL2: zxc\n\tcol1: asd\n'],
    ['exactly 140 bytes stays inline', { [key]: value }, `Annotations:\t${key}: ${value}\n`],
    ['141 bytes goes on its own line', { [key]: `${value}1` }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [
      'a long line is cut at 138 bytes',
      { [key]: value + value },
      `Annotations:\t${key}:\n\t  ${'a'.repeat(MAX_ANNOTATION_LEN - 2)}...\n`,
    ],
    [
      'newlines split the value; the last one is trimmed',
      { key: 'value\nwith\nnewlines\n' },
      'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n',
    ],
    ['none', {}, 'Annotations:\t<none>\n'],
  ])('%s', (_name, annotations, want) => {
    // The Go test writes through a bare PrefixWriter; the tabwriter here turns each tab into padding.
    const out = tabbedString((w) => printAnnotationsMultiline(w, 'Annotations', annotations))
    const bare = tabbedString((w) => w.write(0, want))
    expect(out).toBe(bare)
  })
})

describe('Go measures annotations in bytes', () => {
  it.each([
    ['ascii', 'abc', 3],
    ['two-byte é', 'é', 2],
    ['three-byte €', '€', 3],
    ['four-byte emoji', '😀', 4],
  ])('len(%s)', (_name, s, n) => {
    expect(byteLength(s)).toBe(n)
  })

  it('s[:n] that splits a character leaves one replacement character', () => {
    expect(sliceBytes('aé', 2)).toBe('a\uFFFD')
    expect(sliceBytes('aé', 3)).toBe('aé')
    expect(sliceBytes('a😀', 3)).toBe('a\uFFFD')
  })

  // Captured from kubectl v1.32.4 against a loopback mock apiserver (printAnnotationsMultiline is the
  // same in v0.34.1): 65 é plus the key pass 140 bytes though not 140 characters, and the cut line
  // ends inside an é.
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'ann',
      namespace: 'default',
      annotations: {
        'ascii-fits': 'a'.repeat(140 - 'ascii-fits'.length - 2),
        'ascii-over': 'a'.repeat(140 - 'ascii-over'.length - 1),
        'utf8-over': 'é'.repeat(65),
        'utf8-fits': 'é'.repeat(64),
        cut: `a${'é'.repeat(86)}\nx\n`,
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      },
    },
    spec: { containers: [] },
    status: {},
  } as unknown as Pod
  it('the whole describe text, byte for byte', () => {
    expect(describePodAt(pod, [], T0)).toBe(WANT)
  })
})

const WANT = `Name:         ann
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  ascii-fits: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ascii-over:
                aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              cut:
                aéééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\uFFFD...
                x
              utf8-fits: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
              utf8-over:
                ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`
