import { describe, expect, it } from 'vitest'
import { ERR_REASON_POD, NodeAffinity } from './node-affinity'
import type { NodeAffinity as Affinity, NodeSelectorTerm } from '../../model/objects'
import { makeNode, makeNodeInfos, makePod, scoreNodes } from '../../testing/builders'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go
// (TestNodeAffinity, TestNodeAffinityPriority).
const required = (...nodeSelectorTerms: NodeSelectorTerm[]): Affinity => ({
  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms },
})

describe('NodeAffinity Filter', () => {
  const cases: {
    name: string
    nodeSelector?: Record<string, string>
    affinity?: Affinity
    labels?: Record<string, string>
    nodeName?: string
    fits: boolean
  }[] = [
    { name: 'no selector', fits: true },
    { name: 'missing labels', nodeSelector: { foo: 'bar' }, fits: false },
    { name: 'same labels', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar' }, fits: true },
    {
      name: 'node labels are superset',
      nodeSelector: { foo: 'bar' },
      labels: { foo: 'bar', baz: 'blah' },
      fits: true,
    },
    {
      name: 'node labels are subset',
      nodeSelector: { foo: 'bar', baz: 'blah' },
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: 'Pod with matchExpressions using In operator that matches the existing node',
      affinity: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with matchExpressions using Gt operator that matches the existing node',
      affinity: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }),
      labels: { 'kernel-version': '0206' },
      fits: true,
    },
    {
      name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
      affinity: required({
        matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }],
      }),
      labels: { 'mem-type': 'DDR3' },
      fits: true,
    },
    {
      name: 'Pod with matchExpressions using Exists operator that matches the existing node',
      affinity: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: true,
    },
    {
      name: "Pod with affinity that don't match node's labels won't schedule onto the node",
      affinity: required({
        matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }],
      }),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels and won't schedule onto the node",
      affinity: required(),
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
      affinity: required({ matchExpressions: [] }),
      labels: { foo: 'bar' },
      fits: false,
    },
    { name: 'Pod with no Affinity will schedule onto a node', labels: { foo: 'bar' }, fits: true },
    {
      name: 'Pod with Affinity but nil NodeSelector will schedule onto a node',
      affinity: {},
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
      affinity: required({
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] },
        ],
      }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: true,
    },
    {
      name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
      affinity: required({
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] },
        ],
      }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      fits: false,
    },
    {
      name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
      affinity: required(
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
        { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
      ),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node',
      nodeSelector: { foo: 'bar' },
      affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }),
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: "Pod with an Affinity matches node's labels but the old thing that we are deprecating (PodSpec.NodeSelector) is not satisfied, won't schedule onto the node",
      nodeSelector: { foo: 'bar' },
      affinity: required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }),
      labels: { foo: 'barrrrrr' },
      fits: false,
    },
    {
      name: 'Pod with matchFields using In operator that matches the existing node',
      affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }),
      nodeName: 'node1',
      fits: true,
    },
    {
      name: 'Pod with matchFields using In operator that does not match the existing node',
      affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }),
      nodeName: 'node2',
      fits: false,
    },
    {
      name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
      affinity: required(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
      ),
      nodeName: 'node2',
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
      affinity: required({
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }],
        matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }],
      }),
      nodeName: 'node2',
      labels: { foo: 'bar' },
      fits: false,
    },
    {
      name: 'Pod with one term: both matchFields and matchExpressions match',
      affinity: required({
        matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }],
        matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }],
      }),
      nodeName: 'node1',
      labels: { foo: 'bar' },
      fits: true,
    },
    {
      name: 'Pod with two terms: both matchFields and matchExpressions do not match',
      affinity: required(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] },
      ),
      nodeName: 'node2',
      labels: { foo: 'bar' },
      fits: false,
    },
  ]
  it.each(cases)('$name', ({ nodeSelector, affinity, labels, nodeName, fits }) => {
    const pod = makePod({
      ...(nodeSelector ? { nodeSelector } : {}),
      ...(affinity ? { nodeAffinity: affinity } : {}),
    })
    const node = makeNodeInfos([makeNode(nodeName ?? 'node1', { labels: labels ?? {} })])[0]!
    expect(NodeAffinity.filter(pod, node, undefined)).toEqual(
      fits
        ? { code: 'Success', reasons: [] }
        : {
            code: 'UnschedulableAndUnresolvable',
            reasons: ["node(s) didn't match Pod's node affinity/selector"],
          },
    )
  })

  it('the reason text is upstream’s ErrReasonPod', () => {
    expect(ERR_REASON_POD).toBe("node(s) didn't match Pod's node affinity/selector")
  })
})

describe('NodeAffinity Score (TestNodeAffinityPriority)', () => {
  const label1 = { foo: 'bar' }
  const label2 = { key: 'value' }
  const label3 = { az: 'az1' }
  const label4 = { abc: 'az11', def: 'az22' }
  const label5 = { foo: 'bar', key: 'value', az: 'az1' }
  const affinity1: Affinity = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
    ],
  }
  const affinity2: Affinity = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } },
      { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
      {
        weight: 5,
        preference: {
          matchExpressions: [
            { key: 'foo', operator: 'In', values: ['bar'] },
            { key: 'key', operator: 'In', values: ['value'] },
            { key: 'az', operator: 'In', values: ['az1'] },
          ],
        },
      },
    ],
  }
  const cases: {
    name: string
    affinity?: Affinity
    nodes: [string, Record<string, string>][]
    want: [string, number][] | null
  }[] = [
    {
      name: 'all nodes are same priority as NodeAffinity is nil (PreScore skips)',
      nodes: [
        ['node1', label1],
        ['node2', label2],
        ['node3', label3],
      ],
      want: null,
    },
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      affinity: affinity1,
      nodes: [
        ['node1', label4],
        ['node2', label2],
        ['node3', label3],
      ],
      want: [
        ['node1', 0],
        ['node2', 0],
        ['node3', 0],
      ],
    },
    {
      name: 'only node1 matches the preferred scheduling requirements of pod',
      affinity: affinity1,
      nodes: [
        ['node1', label1],
        ['node2', label2],
        ['node3', label3],
      ],
      want: [
        ['node1', 100],
        ['node2', 0],
        ['node3', 0],
      ],
    },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      affinity: affinity2,
      nodes: [
        ['node1', label1],
        ['node5', label5],
        ['node2', label2],
      ],
      want: [
        ['node1', 18],
        ['node5', 100],
        ['node2', 36],
      ],
    },
  ]
  it.each(cases)('$name', ({ affinity, nodes, want }) => {
    const infos = makeNodeInfos(nodes.map(([name, labels]) => makeNode(name, { labels })))
    const pod = makePod(affinity ? { nodeAffinity: affinity } : {})
    expect(scoreNodes(NodeAffinity, pod, infos)).toEqual(
      want && want.map(([name, score]) => ({ name, score })),
    )
  })
})
