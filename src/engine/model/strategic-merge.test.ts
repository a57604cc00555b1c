/**
 * Three-way strategic merge patches as kubectl apply computes them, and their
 * application. Upstream: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go
 * (the createThreeWayMergePatch cases: deletions from original, merge by key, $setElementOrder).
 */
import { describe, expect, it } from 'vitest'
import type { JsonObject } from './objects'
import { applyStrategicMergePatch, createThreeWayMergePatch } from './strategic-merge'

const CASES: readonly (readonly [string, JsonObject | null, JsonObject, JsonObject, JsonObject])[] = [
  [
    'nothing changed: empty patch, whatever defaults the server added',
    { metadata: { labels: { app: 'web' } } },
    { metadata: { labels: { app: 'web' } } },
    { metadata: { labels: { app: 'web' }, uid: 'u' }, spec: { restartPolicy: 'Always' } },
    {},
  ],
  [
    'a label removed from the file is deleted with null',
    { metadata: { labels: { app: 'web', tier: 'a' } } },
    { metadata: { labels: { app: 'web' } } },
    { metadata: { labels: { app: 'web', tier: 'a' } } },
    { metadata: { labels: { tier: null } } },
  ],
  [
    'a container image changes: merged by name with the element order',
    { spec: { containers: [{ name: 'a', image: 'x:1' }] } },
    { spec: { containers: [{ name: 'a', image: 'x:2' }] } },
    { spec: { containers: [{ name: 'a', image: 'x:1', imagePullPolicy: 'IfNotPresent' }] } },
    { spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ image: 'x:2', name: 'a' }] } },
  ],
  [
    'a container dropped from the file is deleted by key',
    { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
    { spec: { containers: [{ name: 'a' }] } },
    { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
    {
      spec: { '$setElementOrder/containers': [{ name: 'a' }], containers: [{ $patch: 'delete', name: 'b' }] },
    },
  ],
]

describe('createThreeWayMergePatch', () => {
  it.each(CASES)('%s', (_name, original, modified, current, want) => {
    expect(createThreeWayMergePatch(original, modified, current)).toEqual(want)
  })

  it.each(CASES)('applying the patch gives the file’s fields: %s', (_name, original, modified, current) => {
    const patched = applyStrategicMergePatch(current, createThreeWayMergePatch(original, modified, current))
    expect(createThreeWayMergePatch(modified, modified, patched)).toEqual({})
  })
})
