/**
 * The in-tree network and cloud volume sources of `kubectl describe pod`,
 * each a Type line and a fixed list of fields, printed with Go's `%v`.
 * Upstream: kubernetes/kubectl pkg/describe/describe.go (print*VolumeSource)
 * at v0.34. The labels are upstream's, quirks included: ISCSI's
 * `ISCSIInterface` has no colon and AzureDisk's `Kind: ` a space before the tab.
 *
 * `%v` of the Go field types: a bool is true/false, a missing int 0, a
 * []string `[a b]`, a *LocalObjectReference its generated String()
 * (`&LocalObjectReference{Name:x,}`, `nil`), a map[string]string `map[k:v]`
 * with sorted keys (fmt sorts map keys).
 */
import {
  asArr,
  asBool,
  asNum,
  asObj,
  asStr,
  compareStrings,
  type Obj,
  type PrefixWriter,
} from './prefix-writer'

type Format = (source: Obj) => string
type Row = readonly [label: string, value: Format]

const str =
  (field: string): Format =>
  (s) =>
    asStr(s[field])
const bool =
  (field: string): Format =>
  (s) =>
    String(asBool(s[field]))
const int =
  (field: string): Format =>
  (s) =>
    String(asNum(s[field]))
const strings =
  (field: string): Format =>
  (s) =>
    `[${asArr(s[field]).map(asStr).join(' ')}]`
/** The generated String() of *LocalObjectReference (k8s.io/api core/v1 generated.pb.go), which `%v` calls. */
const localRef =
  (field: string): Format =>
  (s) => {
    const ref = asObj(s[field])
    return ref ? `&LocalObjectReference{Name:${asStr(ref['name'])},}` : 'nil'
  }
const stringMap =
  (field: string): Format =>
  (s) => {
    const m = asObj(s[field]) ?? {}
    const keys = Object.keys(m).sort(compareStrings)
    return `map[${keys.map((k) => `${k}:${asStr(m[k])}`).join(' ')}]`
  }
/** A *string printed after a nil check: `<none>` when unset. */
const strOrNone =
  (field: string): Format =>
  (s) =>
    typeof s[field] === 'string' ? (s[field] as string) : '<none>'

const printer =
  (type: string, rows: readonly Row[]) =>
  (source: Obj, w: PrefixWriter): void => {
    w.write(2, `Type:\t${type}\n${rows.map(([label, f]) => `    ${label}\t${f(source)}\n`).join('')}`)
  }

/** Printers keyed by the volume source's JSON field. */
export const IN_TREE_SOURCES: Readonly<Record<string, (source: Obj, w: PrefixWriter) => void>> = {
  gcePersistentDisk: printer('GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [
    ['PDName:', str('pdName')],
    ['FSType:', str('fsType')],
    ['Partition:', int('partition')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  awsElasticBlockStore: printer('AWSElasticBlockStore (a Persistent Disk resource in AWS)', [
    ['VolumeID:', str('volumeID')],
    ['FSType:', str('fsType')],
    ['Partition:', int('partition')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  gitRepo: printer('GitRepo (a volume that is pulled from git when the pod is created)', [
    ['Repository:', str('repository')],
    ['Revision:', str('revision')],
  ]),
  nfs: printer('NFS (an NFS mount that lasts the lifetime of a pod)', [
    ['Server:', str('server')],
    ['Path:', str('path')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  iscsi: printer(
    "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
    [
      ['TargetPortal:', str('targetPortal')],
      ['IQN:', str('iqn')],
      ['Lun:', int('lun')],
      ['ISCSIInterface', str('iscsiInterface')],
      ['FSType:', str('fsType')],
      ['ReadOnly:', bool('readOnly')],
      ['Portals:', strings('portals')],
      ['DiscoveryCHAPAuth:', bool('chapAuthDiscovery')],
      ['SessionCHAPAuth:', bool('chapAuthSession')],
      ['SecretRef:', localRef('secretRef')],
      ['InitiatorName:', strOrNone('initiatorName')],
    ],
  ),
  glusterfs: printer("Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
    ['EndpointsName:', str('endpoints')],
    ['Path:', str('path')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  rbd: printer("RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
    ['CephMonitors:', strings('monitors')],
    ['RBDImage:', str('image')],
    ['FSType:', str('fsType')],
    ['RBDPool:', str('pool')],
    ['RadosUser:', str('user')],
    ['Keyring:', str('keyring')],
    ['SecretRef:', localRef('secretRef')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  quobyte: printer("Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
    ['Registry:', str('registry')],
    ['Volume:', str('volume')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  // Upstream dereferences kind, fsType, cachingMode and readOnly: SetDefaults_AzureDiskVolumeSource set them.
  azureDisk: printer('AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [
    ['DiskName:', str('diskName')],
    ['DiskURI:', str('diskURI')],
    ['Kind: ', str('kind')],
    ['FSType:', str('fsType')],
    ['CachingMode:', str('cachingMode')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  vsphereVolume: printer('vSphereVolume (a Persistent Disk resource in vSphere)', [
    ['VolumePath:', str('volumePath')],
    ['FSType:', str('fsType')],
    ['StoragePolicyName:', str('storagePolicyName')],
  ]),
  cinder: printer('Cinder (a Persistent Disk resource in OpenStack)', [
    ['VolumeID:', str('volumeID')],
    ['FSType:', str('fsType')],
    ['ReadOnly:', bool('readOnly')],
    ['SecretRef:', localRef('secretRef')],
  ]),
  photonPersistentDisk: printer('PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [
    ['PdID:', str('pdID')],
    ['FSType:', str('fsType')],
  ]),
  portworxVolume: printer('PortworxVolume (a Portworx Volume resource)', [['VolumeID:', str('volumeID')]]),
  scaleIO: printer('ScaleIO (a persistent volume backed by a block device in ScaleIO)', [
    ['Gateway:', str('gateway')],
    ['System:', str('system')],
    ['Protection Domain:', str('protectionDomain')],
    ['Storage Pool:', str('storagePool')],
    ['Storage Mode:', str('storageMode')],
    ['VolumeName:', str('volumeName')],
    ['FSType:', str('fsType')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  cephfs: printer("CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
    ['Monitors:', strings('monitors')],
    ['Path:', str('path')],
    ['User:', str('user')],
    ['SecretFile:', str('secretFile')],
    ['SecretRef:', localRef('secretRef')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  storageos: printer('StorageOS (a StorageOS Persistent Disk resource)', [
    ['VolumeName:', str('volumeName')],
    ['VolumeNamespace:', str('volumeNamespace')],
    ['FSType:', str('fsType')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  fc: printer('FC (a Fibre Channel disk)', [
    ['TargetWWNs:', (s) => asArr(s['targetWWNs']).map(asStr).join(', ')],
    ['LUN:', (s) => (typeof s['lun'] === 'number' ? String(s['lun']) : '<none>')],
    ['FSType:', str('fsType')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  azureFile: printer('AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [
    ['SecretName:', str('secretName')],
    ['ShareName:', str('shareName')],
    ['ReadOnly:', bool('readOnly')],
  ]),
  flexVolume: printer(
    'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)',
    [
      ['Driver:', str('driver')],
      ['FSType:', str('fsType')],
      ['SecretRef:', localRef('secretRef')],
      ['ReadOnly:', bool('readOnly')],
      ['Options:', stringMap('options')],
    ],
  ),
  flocker: printer('Flocker (a Flocker volume mounted by the Flocker agent)', [
    ['DatasetName:', str('datasetName')],
    ['DatasetUUID:', str('datasetUUID')],
  ]),
}
