/**
 * Volume warnings on Pod create. Cases follow kubernetes/kubernetes
 * pkg/api/pod/warnings_test.go (TestWarnings: "overlapping paths in …" and the
 * deprecated plugin cases; TestCheckForOverLap).
 */
import { describe, expect, it } from 'vitest'
import { getWarningsForPod } from './pod-warnings'
import { applyPodDefaults } from './defaulting'
import { makePod } from '../testing/builders'
import type { JsonObject } from '../model/objects'

const podWithVolumes = (volumes: readonly JsonObject[]) => {
  const pod = makePod()
  return applyPodDefaults({ ...pod, spec: { ...pod.spec, volumes } })
}

describe('overlapping volume paths (warningsForOverlappingVirtualPaths)', () => {
  const volumeCases: readonly { name: string; volume: JsonObject; warnings: string[] }[] = [
    {
      name: 'overlapping paths in a configmap volume',
      volume: {
        name: 'Test',
        configMap: {
          name: 'foo',
          items: [
            { key: 'foo', path: 'test' },
            { key: 'bar', path: 'test' },
          ],
        },
      },
      warnings: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test" with "test"'],
    },
    {
      name: 'overlapping paths in a configmap volume - try to mount dir path into a file',
      volume: {
        name: 'Test',
        configMap: {
          name: 'foo',
          items: [
            { key: 'foo', path: 'test' },
            { key: 'bar', path: 'test/app' },
          ],
        },
      },
      warnings: ['volume "Test" (ConfigMap "foo"): overlapping paths: "test/app" with "test"'],
    },
    {
      name: 'overlapping paths in a secret volume',
      volume: {
        name: 'Test',
        secret: {
          secretName: 'foo',
          items: [
            { key: 'foo', path: 'test' },
            { key: 'bar', path: 'test' },
          ],
        },
      },
      warnings: ['volume "Test" (Secret "foo"): overlapping paths: "test" with "test"'],
    },
    {
      name: 'similar prefixes are not overlaps (dir/path1 vs dir/path345)',
      volume: {
        name: 'v',
        configMap: {
          name: 'c',
          items: [
            { key: 'a', path: 'dir/path1' },
            { key: 'b', path: 'dir/path345' },
          ],
        },
      },
      warnings: [],
    },
    {
      name: 'overlapping paths in projected volume - service account and config',
      volume: {
        name: 'foo',
        projected: {
          sources: [
            { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test' }] } },
            { serviceAccountToken: { path: 'test' } },
          ],
        },
      },
      warnings: [
        'volume "foo" (Projected): overlapping paths: "test" (ServiceAccountToken) with "test" (ConfigMap "Test")',
      ],
    },
    {
      name: 'overlapping paths in projected volume - service account dir and config file (trailing slash trimmed)',
      volume: {
        name: 'foo',
        projected: {
          sources: [
            { configMap: { name: 'Test', items: [{ key: 'foo', path: 'test/' }] } },
            { serviceAccountToken: { path: 'test/file' } },
          ],
        },
      },
      warnings: [
        'volume "foo" (Projected): overlapping paths: "test/file" (ServiceAccountToken) with "test" (ConfigMap "Test")',
      ],
    },
    {
      name: 'a projected volume with an empty source',
      volume: { name: 'foo', projected: { sources: [{}] } },
      warnings: ['volume "foo" (Projected) has no sources provided'],
    },
    {
      name: 'the kube-api-access volume ServiceAccount admission adds has no overlaps',
      volume: {
        name: 'kube-api-access-abcde',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [
                  { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                ],
              },
            },
          ],
        },
      },
      warnings: [],
    },
    {
      // Upstream keeps the previous source's paths for a source that has none.
      name: 'a configMap source without items re-checks the previous source’s paths (upstream quirk)',
      volume: {
        name: 'p',
        projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'c' } }] },
      },
      warnings: [
        'volume "p" (Projected): overlapping paths: "token" (ServiceAccountToken) with "token" (ServiceAccountToken)',
      ],
    },
  ]
  it.each(volumeCases)('$name', ({ volume, warnings }) => {
    expect(getWarningsForPod(podWithVolumes([volume]))).toEqual(warnings)
  })
})
