import { describe, expect, it } from 'vitest'
import type { Pod } from '../model/objects'
import { describePodAt } from './describe-pod'

// Whole texts captured from kubectl v1.32.4 (Debian) describing these objects served by a loopback mock
// apiserver; the printers involved are the same in kubectl v0.34.1 (git diff v0.32.4 v0.34.1 -- pkg/describe:
// only the projected Optional lines and the named ports changed). Bytes kubectl cut inside a UTF-8 character
// are shown as U+FFFD. Upstream: kubernetes/kubectl pkg/describe/describe.go.

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

/** One volume of each source other than the in-tree network and cloud ones, as the apiserver stores them. */
const VOLUMES_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'core', namespace: 'default' },
  spec: {
    containers: [],
    volumes: [
      { name: 'hp', hostPath: { path: '/x', type: '' } },
      { name: 'hp2', hostPath: { path: '/y' } },
      {
        name: 'eph',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { labels: { a: 'b', c: 'd' } },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'fast',
              volumeMode: 'Filesystem',
              resources: { requests: { storage: '1Gi' } },
              dataSource: { kind: 'VolumeSnapshot', name: 'snap', apiGroup: 'snapshot.storage.k8s.io' },
            },
          },
        },
      },
      {
        name: 'eph2',
        ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } },
      },
      {
        name: 'csi',
        csi: {
          driver: 'd',
          volumeAttributes: {
            k: 'éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé',
          },
        },
      },
      { name: 'pvc', persistentVolumeClaim: { claimName: 'claim', readOnly: true } },
      { name: 'sec', secret: { secretName: 's', defaultMode: 420, optional: true } },
      { name: 'cm', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'ed', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
      { name: 'ed0', emptyDir: { sizeLimit: '0' } },
      {
        name: 'dw',
        downwardAPI: {
          defaultMode: 420,
          items: [
            { path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } },
            { path: 'cpu', resourceFieldRef: { containerName: 'c', resource: 'limits.cpu', divisor: '1m' } },
          ],
        },
      },
      {
        name: 'eph',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { annotations: { 'volume.beta.kubernetes.io/storage-class': 'beta', note: 'x' } },
            spec: {
              storageClassName: 'ignored',
              volumeName: 'pv1',
              volumeMode: 'Block',
              dataSource: { kind: 'PersistentVolumeClaim', name: 'src' },
            },
          },
        },
      },
      {
        name: 'csi',
        csi: { driver: 'd', fsType: 'ext4', readOnly: true, volumeAttributes: { b: '2', a: '1' } },
      },
      { name: 'csi0', csi: { driver: 'd' } },
      {
        name: 'pj',
        projected: {
          defaultMode: 420,
          sources: [
            { downwardAPI: { items: [] } },
            { serviceAccountToken: { path: 't', expirationSeconds: 3600 } },
          ],
        },
      },
      { name: 'img', image: { reference: 'quay.io/x/y:1', pullPolicy: 'IfNotPresent' } },
      { name: 'nosource' },
    ],
  },
  status: {},
} as unknown as Pod

const VOLUMES_WANT = `Name:         core
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:
  hp:
    Type:          HostPath (bare host directory volume)
    Path:          /x
    HostPathType:  
  hp2:
    Type:          HostPath (bare host directory volume)
    Path:          /y
    HostPathType:  <none>
  eph:
    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)
    StorageClass:  fast
    Volume:        
    Labels:            a=b
                       c=d
    Annotations:       <none>
    Capacity:      
    Access Modes:  
    VolumeMode:    Filesystem
    DataSource:
      APIGroup:  snapshot.storage.k8s.io
      Kind:      VolumeSnapshot
      Name:      snap
  eph2:
    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)
    StorageClass:  
    Volume:        
    Labels:            <none>
    Annotations:       <none>
    Capacity:      
    Access Modes:  
  csi:
    Type:              CSI (a Container Storage Interface (CSI) volume source)
    Driver:            d
    FSType:            
    ReadOnly:          false
    VolumeAttributes:      k=ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé...
  pvc:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  claim
    ReadOnly:   true
  sec:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  s
    Optional:    true
  cm:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      c
    Optional:  false
  ed:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     Memory
    SizeLimit:  1Gi
  ed0:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  dw:
    Type:  DownwardAPI (a volume populated by information about the pod)
    Items:
      metadata.labels -> labels
      limits.cpu -> cpu
  eph:
    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)
    StorageClass:  beta
    Volume:        pv1
    Labels:            <none>
    Annotations:       note: x
                       volume.beta.kubernetes.io/storage-class: beta
    Capacity:      0
    Access Modes:  
    VolumeMode:    Block
    DataSource:
      Kind:  PersistentVolumeClaim
      Name:  src
  csi:
    Type:              CSI (a Container Storage Interface (CSI) volume source)
    Driver:            d
    FSType:            ext4
    ReadOnly:          true
    VolumeAttributes:      a=1
                           b=2
  csi0:
    Type:              CSI (a Container Storage Interface (CSI) volume source)
    Driver:            d
    FSType:            
    ReadOnly:          false
    VolumeAttributes:  <none>
  pj:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    DownwardAPI:             true
    TokenExpirationSeconds:  3600
  img:
    Type:        Image (a container image or OCI artifact)
    Reference:   quay.io/x/y:1
    PullPolicy:  IfNotPresent
  nosource:
  <unknown>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`

describe('kubectl describe: volume sources (describeVolumes, print*VolumeSource)', () => {
  it('hostPath, emptyDir, secret, configMap, PVC, ephemeral with its claim template, downwardAPI, projected, CSI, image, none', () => {
    expect(describePodAt(VOLUMES_POD, [], T0)).toBe(VOLUMES_WANT)
  })

  it.each([
    ['an empty type (the stored default) prints empty', { path: '/x', type: '' }, '    HostPathType:  \n'],
    ['a nil type prints <none>', { path: '/x' }, '    HostPathType:  <none>\n'],
    [
      'a set type prints as is',
      { path: '/x', type: 'DirectoryOrCreate' },
      '    HostPathType:  DirectoryOrCreate\n',
    ],
  ])('HostPathType: %s (printHostPathVolumeSource)', (_name, hostPath, want) => {
    const pod = { ...VOLUMES_POD, spec: { containers: [], volumes: [{ name: 'h', hostPath }] } } as Pod
    expect(describePodAt(pod, [], T0)).toContain(want)
  })
})
