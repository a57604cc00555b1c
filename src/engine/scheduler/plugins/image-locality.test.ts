import { describe, expect, it } from 'vitest'
import { ImageLocality } from './image-locality'
import type { NodeImage } from '../../model/objects'
import { makeContainer, makeNode, makeNodeInfos, makePod, scoreNodes } from '../../testing/builders'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go
// (TestImageLocalityPriority), current form: maxThreshold is 1000MiB × number of containers.
const mb = 1024 * 1024
const img = (sizeMb: number, ...names: string[]): NodeImage => ({ names, sizeBytes: sizeMb * mb })

const node403002000 = [
  img(40, 'gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'),
  img(300, 'gcr.io/300:latest', 'gcr.io/300:v1'),
  img(2000, 'gcr.io/2000:latest'),
]
const node25010 = [img(250, 'gcr.io/250:latest'), img(10, 'gcr.io/10:latest', 'gcr.io/10:v1')]
const node60040900 = [
  img(600, 'gcr.io/600:latest'),
  img(40, 'gcr.io/40:latest'),
  img(900, 'gcr.io/900:latest'),
]
const node300600900 = [
  img(300, 'gcr.io/300:latest'),
  img(600, 'gcr.io/600:latest'),
  img(900, 'gcr.io/900:latest'),
]
const node400030 = [img(4000, 'gcr.io/4000:latest'), img(30, 'gcr.io/30:latest')]
const node203040 = [img(20, 'gcr.io/20:latest'), img(30, 'gcr.io/30:latest'), img(40, 'gcr.io/40:latest')]
const nodeWithNoImages: NodeImage[] = []

const podWith = (...images: string[]) =>
  makePod({ containers: images.map((image, i) => makeContainer({ name: `c${i}`, image })) })

describe('ImageLocality Score', () => {
  const cases: { name: string; images: string[]; nodes: [string, NodeImage[]][]; want: number[] }[] = [
    {
      // node2: 100 * (250M/2 - 23M)/(1000M * 2 - 23M) = 5
      name: 'two images spread on two nodes, prefer the larger image one',
      images: ['gcr.io/40', 'gcr.io/250'],
      nodes: [
        ['node1', node403002000],
        ['node2', node25010],
      ],
      want: [0, 5],
    },
    {
      // node1: 100 * ((40M + 300M)/2 - 23M)/(1000M * 2 - 23M) = 7
      name: 'two images on one node, prefer this node',
      images: ['gcr.io/40', 'gcr.io/300'],
      nodes: [
        ['node1', node403002000],
        ['node2', node25010],
      ],
      want: [7, 0],
    },
    {
      name: 'if exceed limit, use limit',
      images: ['gcr.io/10', 'gcr.io/4000'],
      nodes: [
        ['node1', node400030],
        ['node2', node25010],
      ],
      want: [100, 0],
    },
    {
      // node1: 100 * (4000M/3 - 23M)/(1000M * 2 - 23M) = 66
      name: 'if exceed limit, use limit (with node which has no images present)',
      images: ['gcr.io/10', 'gcr.io/4000'],
      nodes: [
        ['node1', node400030],
        ['node2', node25010],
        ['node3', nodeWithNoImages],
      ],
      want: [66, 0, 0],
    },
    {
      name: 'pods with multiple large images, node2 is preferred',
      images: ['gcr.io/300', 'gcr.io/600', 'gcr.io/900'],
      nodes: [
        ['node1', node60040900],
        ['node2', node300600900],
        ['node3', nodeWithNoImages],
      ],
      want: [32, 36, 0],
    },
    {
      name: 'pod with multiple small images',
      images: ['gcr.io/30', 'gcr.io/40'],
      nodes: [
        ['node1', node203040],
        ['node2', node400030],
      ],
      want: [1, 0],
    },
  ]
  it.each(cases)('$name', ({ images, nodes, want }) => {
    const infos = makeNodeInfos(nodes.map(([name, imgs]) => makeNode(name, { images: imgs })))
    expect(scoreNodes(ImageLocality, podWith(...images), infos)).toEqual(
      nodes.map(([name], i) => ({ name, score: want[i] })),
    )
  })

  // Upstream normalizedImageName only appends ":latest" (its TODO: "Using the implicit
  // registry, i.e., test:tag … in pod spec but only docker.io/library/test:tag in node
  // status" is a missed match); the engine fully qualifies both names and matches.
  it('a Docker Hub short name does not match the fully qualified name containerd reports', () => {
    const infos = makeNodeInfos([
      makeNode('node1', { images: [img(500, 'docker.io/library/nginx:1.27')] }),
      makeNode('node2'),
    ])
    expect(scoreNodes(ImageLocality, podWith('nginx:1.27'), infos)).toEqual([
      { name: 'node1', score: 0 },
      { name: 'node2', score: 0 },
    ])
  })
})
