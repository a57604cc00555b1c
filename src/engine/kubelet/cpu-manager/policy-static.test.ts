import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../model/objects'
import { cpuSetOf, type CPUSet } from './cpuset'
import { createStaticPolicy } from './policy-static'
import { admitPodCPUs } from './cpu-manager'
import type { CPUPolicy } from './policy'
import type { ContainerCPUAssignments, CPUManagerState } from './state'
import { removeContainer } from './state'
import type { CPUTopology } from './topology'
import { topoDualSocketHT, topoDualSocketNoHT, topoSingleSocketHT } from './test-topologies'

/** policy_static_test.go makePod: one container with cpu and memory requests and limits. */
function makePod(uid: string, container: string, request: string, limit: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: uid, namespace: 'default', uid },
    spec: {
      containers: [
        {
          name: container,
          resources: { requests: { cpu: request, memory: '1G' }, limits: { cpu: limit, memory: '1G' } },
        },
      ],
    },
  }
}

function policyOf(topo: CPUTopology, numReserved: number, reserved: CPUSet = [], full = false): CPUPolicy {
  const r = createStaticPolicy(topo, numReserved, reserved, { fullPhysicalCPUsOnly: full })
  if (!r.ok) throw new Error(r.error)
  return r.policy
}

const stateOf = (
  defaultCpuSet: readonly number[],
  entries: ContainerCPUAssignments = {},
): CPUManagerState => ({
  policyName: 'static',
  defaultCpuSet: cpuSetOf(...defaultCpuSet),
  entries,
})

interface Case {
  readonly name: string
  readonly topo: CPUTopology
  readonly numReserved?: number
  readonly reserved?: CPUSet
  readonly full?: boolean
  readonly assigned?: CPUSet
  readonly defaultCpuSet: readonly number[]
  readonly pod: Pod
  readonly expect: CPUSet | null | { readonly type?: string; readonly message: string }
}

// pkg/kubelet/cm/cpumanager/policy_static_test.go (TestStaticPolicyAdd), numReservedCPUs 1 unless said.
const cases: Case[] = [
  {
    name: 'GuPodMultipleCores, SingleSocketHT, ExpectAllocOneCore',
    topo: topoSingleSocketHT,
    assigned: [2, 3, 6, 7],
    defaultCpuSet: [0, 1, 4, 5],
    pod: makePod('fakePod', 'fakeContainer3', '2000m', '2000m'),
    expect: [1, 5],
  },
  {
    name: 'GuPodMultipleCores, DualSocketHT, ExpectAllocOneSocket',
    topo: topoDualSocketHT,
    assigned: [2],
    defaultCpuSet: [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainer3', '6000m', '6000m'),
    expect: [1, 3, 5, 7, 9, 11],
  },
  {
    name: 'GuPodMultipleCores, DualSocketHT, ExpectAllocThreeCores',
    topo: topoDualSocketHT,
    assigned: [1, 5],
    defaultCpuSet: [0, 2, 3, 4, 6, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainer3', '6000m', '6000m'),
    expect: [2, 3, 4, 8, 9, 10],
  },
  {
    name: 'GuPodMultipleCores, DualSocketNoHT, ExpectAllocOneSocket',
    topo: topoDualSocketNoHT,
    assigned: [],
    defaultCpuSet: [0, 1, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer1', '4000m', '4000m'),
    expect: [4, 5, 6, 7],
  },
  {
    name: 'GuPodMultipleCores, DualSocketNoHT, ExpectAllocFourCores',
    topo: topoDualSocketNoHT,
    assigned: [4, 5],
    defaultCpuSet: [0, 1, 3, 6, 7],
    pod: makePod('fakePod', 'fakeContainer1', '4000m', '4000m'),
    expect: [1, 3, 6, 7],
  },
  {
    name: 'GuPodMultipleCores, DualSocketHT, ExpectAllocOneSocketOneCore',
    topo: topoDualSocketHT,
    assigned: [2],
    defaultCpuSet: [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainer3', '8000m', '8000m'),
    expect: [1, 3, 4, 5, 7, 9, 10, 11],
  },
  {
    name: 'NonGuPod, SingleSocketHT, NoAlloc',
    topo: topoSingleSocketHT,
    defaultCpuSet: [0, 1, 2, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer1', '1000m', '2000m'),
    expect: null,
  },
  {
    name: 'GuPodNonIntegerCore, SingleSocketHT, NoAlloc',
    topo: topoSingleSocketHT,
    defaultCpuSet: [0, 1, 2, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer4', '977m', '977m'),
    expect: null,
  },
  {
    name: 'GuPodSingleCore, SingleSocketHT, ExpectAllocOneCPU (the sibling of the partly used core)',
    topo: topoSingleSocketHT,
    defaultCpuSet: [0, 1, 2, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer2', '1000m', '1000m'),
    expect: [4],
  },
  {
    name: 'GuPodSingleCore, SingleSocketHT, ExpectError',
    topo: topoSingleSocketHT,
    defaultCpuSet: [0, 1, 2, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer2', '8000m', '8000m'),
    expect: { message: 'not enough cpus available to satisfy request: requested=8, available=7' },
  },
  {
    name: 'GuPodMultipleCores, DualSocketHT, NoAllocExpectError',
    topo: topoDualSocketHT,
    assigned: [1, 2, 3],
    defaultCpuSet: [0, 4, 5, 6, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainer5', '10000m', '10000m'),
    expect: { message: 'not enough cpus available to satisfy request: requested=10, available=8' },
  },
  {
    name: 'GuPodMultipleCores, SingleSocketHT, NoAllocExpectError',
    topo: topoSingleSocketHT,
    assigned: [1, 2, 3, 4, 5, 6],
    defaultCpuSet: [0, 7],
    pod: makePod('fakePod', 'fakeContainer5', '2000m', '2000m'),
    expect: { message: 'not enough cpus available to satisfy request: requested=2, available=1' },
  },
  // smtalignOptionTestCases (full-pcpus-only)
  {
    name: 'full-pcpus-only: GuPodSingleCore, SingleSocketHT, one CPU is half a core',
    topo: topoSingleSocketHT,
    full: true,
    defaultCpuSet: [0, 1, 2, 3, 4, 5, 6, 7],
    pod: makePod('fakePod', 'fakeContainer2', '1000m', '1000m'),
    expect: {
      type: 'SMTAlignmentError',
      message: 'SMT Alignment Error: requested 1 cpus not multiple cpus per core = 2',
    },
  },
  {
    name: 'full-pcpus-only: GuPodManyCores, topoDualSocketHT, ExpectDoNotAllocPartialCPU',
    topo: topoDualSocketHT,
    full: true,
    numReserved: 2,
    reserved: [1, 6],
    defaultCpuSet: [0, 2, 3, 4, 5, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainerBug113537_1', '10000m', '10000m'),
    expect: {
      type: 'SMTAlignmentError',
      message:
        'SMT Alignment Error: not enough free physical CPUs: available physical CPUs = 8, requested CPUs = 10, CPUs per core = 2',
    },
  },
  {
    name: 'full-pcpus-only: GuPodManyCores, topoDualSocketHT, AutoReserve, ExpectAllocAllCPUs',
    topo: topoDualSocketHT,
    full: true,
    numReserved: 2,
    defaultCpuSet: [1, 2, 3, 4, 5, 7, 8, 9, 10, 11],
    pod: makePod('fakePod', 'fakeContainerBug113537_2', '10000m', '10000m'),
    expect: [1, 2, 3, 4, 5, 7, 8, 9, 10, 11],
  },
]

describe('the static policy pins integer CPU requests of Guaranteed pods', () => {
  it.each(cases)('$name', (c) => {
    const policy = policyOf(c.topo, c.numReserved ?? 1, c.reserved ?? [], c.full)
    const before = stateOf(c.defaultCpuSet, c.assigned ? { fakePod: { fakeContainer100: c.assigned } } : {})
    const r = policy.allocate(before, c.pod, c.pod.spec.containers[0] as Container, [])
    const name = c.pod.spec.containers[0]!.name
    const want = c.expect
    if (want === null || Array.isArray(want)) {
      if (!r.ok) throw new Error(r.error.message)
      const cpus = want as CPUSet | null
      expect(r.state.entries['fakePod']?.[name]).toEqual(cpus ?? undefined)
      // An exclusive allocation leaves the shared pool.
      if (cpus) expect(r.state.defaultCpuSet.filter((x) => cpus.includes(x))).toEqual([])
    } else expect(r).toEqual({ ok: false, error: want })
  })

  it('GuPodMultipleCores, SingleSocketHT, ExpectSameAllocation: a container already in the state keeps its CPUs', () => {
    const policy = policyOf(topoSingleSocketHT, 1)
    const before = stateOf([0, 1, 4, 5], { fakePod: { fakeContainer3: [2, 3, 6, 7] } })
    const pod = makePod('fakePod', 'fakeContainer3', '4000m', '4000m')
    expect(policy.allocate(before, pod, pod.spec.containers[0]!, [])).toEqual({ ok: true, state: before })
  })

  it('reserves CPUs from the lowest cores: 8 CPUs with HT and 2 reserved give {0,4} (NewStaticPolicy)', () => {
    expect(policyOf(topoSingleSocketHT, 2).reserved).toEqual([0, 4])
    expect(policyOf(topoSingleSocketHT, 2).start().defaultCpuSet).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('refuses a reservation larger than the machine', () => {
    expect(createStaticPolicy(topoSingleSocketHT, 9, [], { fullPhysicalCPUsOnly: false })).toEqual({
      ok: false,
      error: '[cpumanager] unable to reserve the required amount of CPUs (size of  did not equal 9)',
    })
  })
})

/** makeMultiContainerPod: init containers and app containers with cpu requests = limits. */
function multiPod(init: readonly [string, string?][], app: readonly string[]): Pod {
  const c = (name: string, cpu: string, restartPolicy?: string): Container => ({
    name,
    ...(restartPolicy ? { restartPolicy } : {}),
    resources: { requests: { cpu, memory: '1G' }, limits: { cpu, memory: '1G' } },
  })
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pod', namespace: 'default', uid: 'fakePod' },
    spec: {
      initContainers: init.map(([cpu, rp], i) => c(`initContainer-${i}`, cpu, rp)),
      containers: app.map((cpu, i) => c(`appContainer-${i}`, cpu)),
    },
  }
}

// policy_static_test.go (TestStaticPolicyReuseCPUs, TestStaticPolicyDoNotReuseCPUs), no reserved CPUs.
describe('init containers hand their CPUs on to the app containers', () => {
  it("SingleSocketHT, DeAllocOneInitContainer: the app container reuses the init container's CPUs", () => {
    const policy = policyOf(topoSingleSocketHT, 0)
    const r = admitPodCPUs(policy, stateOf([0, 1, 2, 3, 4, 5, 6, 7]), multiPod([['4000m']], ['2000m']), [])
    if (!r.ok) throw new Error(r.message)
    expect(r.state.defaultCpuSet).toEqual([2, 3, 6, 7])
    // Removing the init container frees only what the app container does not hold.
    expect(removeContainer(r.state, 'fakePod', 'initContainer-0').defaultCpuSet).toEqual([1, 2, 3, 5, 6, 7])
  })
  it("SingleSocketHT, Don't reuse CPUs of a restartable init container", () => {
    const policy = policyOf(topoSingleSocketHT, 0)
    const r = admitPodCPUs(
      policy,
      stateOf([0, 1, 2, 3, 4, 5, 6, 7]),
      multiPod([['4000m', 'Always']], ['2000m']),
      [],
    )
    if (!r.ok) throw new Error(r.message)
    expect(r.state.defaultCpuSet).toEqual([3, 7])
  })
})
