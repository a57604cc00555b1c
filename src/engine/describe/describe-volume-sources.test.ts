import { describe, expect, it } from 'vitest'
import type { Pod } from '../model/objects'
import { describePodAt } from './describe-pod'

// Whole texts captured from kubectl v1.32.4 (Debian) describing these objects served by a loopback mock
// apiserver; the printers involved are the same in kubectl v0.34.1 (git diff v0.32.4 v0.34.1 -- pkg/describe:
// only the projected Optional lines and the named ports changed). Bytes kubectl cut inside a UTF-8 character
// are shown as U+FFFD. Upstream: kubernetes/kubectl pkg/describe/describe.go.

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

/** One volume of each in-tree network and cloud source kubectl prints. */
const IN_TREE_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'intree', namespace: 'default' },
  spec: {
    containers: [],
    volumes: [
      { name: 'nfs', nfs: { server: 's', path: '/p' } },
      {
        name: 'isc',
        iscsi: {
          targetPortal: '1.2.3.4:3260',
          iqn: 'iqn.x',
          lun: 0,
          iscsiInterface: 'default',
          portals: ['a', 'b'],
          secretRef: { name: 'sec' },
        },
      },
      {
        name: 'rbd',
        rbd: { monitors: ['m1'], image: 'img', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' },
      },
      { name: 'ceph', cephfs: { monitors: ['m1', 'm2'], path: '/' } },
      { name: 'fc', fc: { targetWWNs: ['w1', 'w2'], lun: 2 } },
      { name: 'fc2', fc: { wwids: ['x'] } },
      { name: 'af', azureFile: { secretName: 's', shareName: 'sh' } },
      {
        name: 'ad',
        azureDisk: {
          diskName: 'd',
          diskURI: 'u',
          cachingMode: 'ReadWrite',
          fsType: 'ext4',
          readOnly: false,
          kind: 'Shared',
        },
      },
      { name: 'git', gitRepo: { repository: 'https://x', revision: 'main' } },
      { name: 'flex', flexVolume: { driver: 'd', options: { b: '2', a: '1' } } },
      {
        name: 'sio',
        scaleIO: {
          gateway: 'g',
          system: 's',
          secretRef: { name: 'x' },
          storageMode: 'ThinProvisioned',
          fsType: 'xfs',
        },
      },
      { name: 'gce', gcePersistentDisk: { pdName: 'disk', fsType: 'ext4', partition: 1, readOnly: true } },
      { name: 'aws', awsElasticBlockStore: { volumeID: 'vol' } },
      { name: 'gl', glusterfs: { endpoints: 'ep', path: 'p' } },
      { name: 'qb', quobyte: { registry: 'r', volume: 'v' } },
      { name: 'vs', vsphereVolume: { volumePath: '/v', storagePolicyName: 'gold' } },
      { name: 'ci', cinder: { volumeID: 'c', secretRef: { name: 'cs' } } },
      { name: 'ph', photonPersistentDisk: { pdID: 'pd' } },
      { name: 'px', portworxVolume: { volumeID: 'pv' } },
      { name: 'so', storageos: { volumeName: 'n', volumeNamespace: 'ns' } },
      { name: 'fl', flocker: { datasetName: 'ds' } },
    ],
  },
  status: {},
} as unknown as Pod

const IN_TREE_WANT = `Name:         intree
Namespace:    default
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:
  nfs:
    Type:      NFS (an NFS mount that lasts the lifetime of a pod)
    Server:    s
    Path:      /p
    ReadOnly:  false
  isc:
    Type:               ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)
    TargetPortal:       1.2.3.4:3260
    IQN:                iqn.x
    Lun:                0
    ISCSIInterface      default
    FSType:             
    ReadOnly:           false
    Portals:            [a b]
    DiscoveryCHAPAuth:  false
    SessionCHAPAuth:    false
    SecretRef:          &LocalObjectReference{Name:sec,}
    InitiatorName:      <none>
  rbd:
    Type:          RBD (a Rados Block Device mount on the host that shares a pod's lifetime)
    CephMonitors:  [m1]
    RBDImage:      img
    FSType:        
    RBDPool:       rbd
    RadosUser:     admin
    Keyring:       /etc/ceph/keyring
    SecretRef:     nil
    ReadOnly:      false
  ceph:
    Type:        CephFS (a CephFS mount on the host that shares a pod's lifetime)
    Monitors:    [m1 m2]
    Path:        /
    User:        
    SecretFile:  
    SecretRef:   nil
    ReadOnly:    false
  fc:
    Type:        FC (a Fibre Channel disk)
    TargetWWNs:  w1, w2
    LUN:         2
    FSType:      
    ReadOnly:    false
  fc2:
    Type:        FC (a Fibre Channel disk)
    TargetWWNs:  
    LUN:         <none>
    FSType:      
    ReadOnly:    false
  af:
    Type:        AzureFile (an Azure File Service mount on the host and bind mount to the pod)
    SecretName:  s
    ShareName:   sh
    ReadOnly:    false
  ad:
    Type:         AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)
    DiskName:     d
    DiskURI:      u
    Kind:         Shared
    FSType:       ext4
    CachingMode:  ReadWrite
    ReadOnly:     false
  git:
    Type:        GitRepo (a volume that is pulled from git when the pod is created)
    Repository:  https://x
    Revision:    main
  flex:
    Type:       FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)
    Driver:     d
    FSType:     
    SecretRef:  nil
    ReadOnly:   false
    Options:    map[a:1 b:2]
  sio:
    Type:               ScaleIO (a persistent volume backed by a block device in ScaleIO)
    Gateway:            g
    System:             s
    Protection Domain:  
    Storage Pool:       
    Storage Mode:       ThinProvisioned
    VolumeName:         
    FSType:             xfs
    ReadOnly:           false
  gce:
    Type:       GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)
    PDName:     disk
    FSType:     ext4
    Partition:  1
    ReadOnly:   true
  aws:
    Type:       AWSElasticBlockStore (a Persistent Disk resource in AWS)
    VolumeID:   vol
    FSType:     
    Partition:  0
    ReadOnly:   false
  gl:
    Type:           Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)
    EndpointsName:  ep
    Path:           p
    ReadOnly:       false
  qb:
    Type:      Quobyte (a Quobyte mount on the host that shares a pod's lifetime)
    Registry:  r
    Volume:    v
    ReadOnly:  false
  vs:
    Type:               vSphereVolume (a Persistent Disk resource in vSphere)
    VolumePath:         /v
    FSType:             
    StoragePolicyName:  gold
  ci:
    Type:       Cinder (a Persistent Disk resource in OpenStack)
    VolumeID:   c
    FSType:     
    ReadOnly:   false
    SecretRef:  &LocalObjectReference{Name:cs,}
  ph:
    Type:    PhotonPersistentDisk (a Persistent Disk resource in photon platform)
    PdID:    pd
    FSType:  
  px:
    Type:      PortworxVolume (a Portworx Volume resource)
    VolumeID:  pv
  so:
    Type:             StorageOS (a StorageOS Persistent Disk resource)
    VolumeName:       n
    VolumeNamespace:  ns
    FSType:           
    ReadOnly:         false
  fl:
    Type:         Flocker (a Flocker volume mounted by the Flocker agent)
    DatasetName:  ds
    DatasetUUID:  
QoS Class:        BestEffort
Node-Selectors:   <none>
Tolerations:      <none>
Events:           <none>
`

describe('kubectl describe: in-tree volume sources (print*VolumeSource)', () => {
  it('NFS, iSCSI, RBD, CephFS, FC, AzureFile/AzureDisk, gitRepo, FlexVolume, ScaleIO and the rest, byte for byte', () => {
    expect(describePodAt(IN_TREE_POD, [], T0)).toBe(IN_TREE_WANT)
  })
})
