import { describe, expect, it } from 'vitest'
import { ERR_REASON_UNTOLERATED, TaintToleration, toleratesTaint } from './taint-toleration'
import type { Taint, Toleration } from '../../model/objects'
import { makeNode, makeNodeInfos, makePod, scoreNodes } from '../../testing/builders'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go
// (TestTaintTolerationFilter, TestTaintTolerationScore), with the 1.34 reason text
// "node(s) had untolerated taint(s)" (PR #134740 / #135023).
const nodeWith = (name: string, taints: Taint[]) => makeNodeInfos([makeNode(name, { taints })])[0]!

describe('TaintToleration Filter', () => {
  const cases: { name: string; tolerations: Toleration[]; taints: Taint[]; fits: boolean }[] = [
    {
      name: "A pod having no tolerations can't be scheduled onto a node with nonempty taints",
      tolerations: [],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule',
      tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node',
      tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: 'A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node',
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
      ],
      taints: [
        { key: 'dedicated', value: 'user2', effect: 'NoSchedule' },
        { key: 'foo', value: 'bar', effect: 'NoSchedule' },
      ],
      fits: true,
    },
    {
      name: "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node",
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: false,
    },
    {
      name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar' }],
      taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }],
      fits: true,
    },
    {
      name: "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node",
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
      fits: true,
    },
    {
      name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node',
      tolerations: [],
      taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }],
      fits: true,
    },
    {
      name: 'A NoExecute taint filters like NoSchedule',
      tolerations: [],
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      fits: false,
    },
    {
      name: 'the kubeadm control-plane taint is tolerated by an Exists toleration without a value',
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      fits: true,
    },
  ]
  it.each(cases)('$name', ({ tolerations, taints, fits }) => {
    const status = TaintToleration.filter(makePod({ tolerations }), nodeWith('nodeA', taints), undefined)
    expect(status).toEqual(
      fits
        ? { code: 'Success', reasons: [] }
        : { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint(s)'] },
    )
  })

  it('the reason text is the 1.34 patch-release form', () => {
    expect(ERR_REASON_UNTOLERATED).toBe('node(s) had untolerated taint(s)')
  })
})

describe('TaintToleration Score (reverse-normalised count of untolerated PreferNoSchedule taints)', () => {
  const prefer = (key: string, value: string): Taint => ({ key, value, effect: 'PreferNoSchedule' })
  const cases: {
    name: string
    tolerations: Toleration[]
    nodes: [string, Taint[]][]
    want: [string, number][]
  }[] = [
    {
      name: 'node with taints tolerated by the pod, gets a higher score than those node with intolerable taints',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      nodes: [
        ['nodeA', [prefer('foo', 'bar')]],
        ['nodeB', [prefer('foo', 'blah')]],
      ],
      want: [
        ['nodeA', 100],
        ['nodeB', 0],
      ],
    },
    {
      name: 'the nodes that all of their taints are tolerated by the pod, get the same score, no matter how many tolerable taints a node has',
      tolerations: [
        { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'PreferNoSchedule' },
      ],
      nodes: [
        ['nodeA', []],
        ['nodeB', [prefer('cpu-type', 'arm64')]],
        ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      ],
      want: [
        ['nodeA', 100],
        ['nodeB', 100],
        ['nodeC', 100],
      ],
    },
    {
      name: 'the more intolerable taints a node has, the lower score it gets.',
      tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }],
      nodes: [
        ['nodeA', []],
        ['nodeB', [prefer('cpu-type', 'arm64')]],
        ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      ],
      want: [
        ['nodeA', 100],
        ['nodeB', 50],
        ['nodeC', 0],
      ],
    },
    {
      name: 'only taints and tolerations that have effect PreferNoSchedule are checked by prioritizer function',
      tolerations: [
        { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
        { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
      ],
      nodes: [
        ['nodeA', []],
        ['nodeB', [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }]],
        ['nodeC', [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]],
      ],
      want: [
        ['nodeA', 100],
        ['nodeB', 100],
        ['nodeC', 0],
      ],
    },
    {
      name: 'Default behaviour No taints and tolerations, lands on node with no taints',
      tolerations: [],
      nodes: [
        ['nodeA', []],
        ['nodeB', [prefer('cpu-type', 'arm64')]],
      ],
      want: [
        ['nodeA', 100],
        ['nodeB', 0],
      ],
    },
  ]
  it.each(cases)('$name', ({ tolerations, nodes, want }) => {
    const infos = makeNodeInfos(nodes.map(([name, taints]) => makeNode(name, { taints })))
    expect(scoreNodes(TaintToleration, makePod({ tolerations }), infos)).toEqual(
      want.map(([name, score]) => ({ name, score })),
    )
  })
})

describe('toleratesTaint (Toleration.ToleratesTaint)', () => {
  it.each([
    [
      'Equal with the same value',
      { key: 'k', operator: 'Equal', value: 'v' },
      { key: 'k', value: 'v', effect: 'NoSchedule' },
      true,
    ],
    [
      'an empty operator means Equal',
      { key: 'k', value: 'v' },
      { key: 'k', value: 'w', effect: 'NoSchedule' },
      false,
    ],
    [
      'Exists ignores the value',
      { key: 'k', operator: 'Exists' },
      { key: 'k', value: 'w', effect: 'NoExecute' },
      true,
    ],
    [
      'an empty key with Exists tolerates everything',
      { operator: 'Exists' },
      { key: 'any', effect: 'NoSchedule' },
      true,
    ],
    [
      'a different effect does not tolerate',
      { key: 'k', operator: 'Exists', effect: 'NoExecute' },
      { key: 'k', effect: 'NoSchedule' },
      false,
    ],
  ] as [string, Toleration, Taint, boolean][])('%s', (_name, toleration, taint, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want)
  })
})
