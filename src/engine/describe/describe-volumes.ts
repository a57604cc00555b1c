/**
 * The Volumes section of `kubectl describe pod`: every volume source kubectl's
 * describer knows, in its switch order; a volume with none prints
 * `<unknown>`. Upstream: kubernetes/kubectl pkg/describe/describe.go
 * (describeVolumes and the print*VolumeSource functions) at v0.34. Values are
 * the stored ones: the apiserver's defaults (defaulting-volumes.ts) are not
 * filled in here.
 */
import { parseQuantity } from '../model/quantity'
import {
  byteLength,
  createNestedPrefixWriter,
  MAX_ANNOTATION_LEN,
  printAnnotationsMultiline,
  printLabelsMultiline,
  sliceBytes,
} from './describe-metadata'
import { IN_TREE_SOURCES } from './describe-volume-sources'
import { asArr, asBool, asNum, asObj, asStr, type Obj, type PrefixWriter } from './prefix-writer'

/** v1.BetaStorageClassAnnotation. */
const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class'

/** `space` is DescribePodTemplate's "  ": it prefixes the title and indents each volume name by one more space. */
export function describeVolumes(volumes: readonly unknown[], w: PrefixWriter, space = ''): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(0, `${space}Volumes:\n`)
  for (const raw of volumes) {
    const volume = asObj(raw) ?? {}
    w.write(1, `${space === '' ? '' : ' '}${asStr(volume['name'])}:\n`)
    describeSource(volume, w)
  }
}

/** The sources in describeVolumes' switch order: the first one set is printed. */
const SWITCH_ORDER = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'configMap',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'ephemeral',
  'rbd',
  'quobyte',
  'downwardAPI',
  'azureDisk',
  'vsphereVolume',
  'cinder',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'cephfs',
  'storageos',
  'fc',
  'azureFile',
  'flexVolume',
  'flocker',
  'projected',
  'csi',
  'image',
] as const

const PRINTERS: Readonly<Record<string, (source: Obj, w: PrefixWriter) => void>> = {
  ...IN_TREE_SOURCES,
  hostPath: (hostPath, w) =>
    w.write(
      2,
      'Type:\tHostPath (bare host directory volume)\n' +
        `    Path:\t${asStr(hostPath['path'])}\n` +
        // A nil type prints <none>; the stored default is the empty string, which prints as it is.
        `    HostPathType:\t${typeof hostPath['type'] === 'string' ? hostPath['type'] : '<none>'}\n`,
    ),
  emptyDir: (emptyDir, w) => {
    const limit = parseQuantity(asStr(emptyDir['sizeLimit']))
    // SizeLimit.Cmp(Quantity{}) > 0: only a positive limit is shown, as Quantity.String() prints it.
    const sizeLimit = limit.ok && limit.quantity.nanos > 0n ? limit.quantity.canonical : '<unset>'
    w.write(
      2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        `    Medium:\t${asStr(emptyDir['medium'])}\n` +
        `    SizeLimit:\t${sizeLimit}\n`,
    )
  },
  secret: (secret, w) =>
    w.write(
      2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        `    SecretName:\t${asStr(secret['secretName'])}\n` +
        `    Optional:\t${asBool(secret['optional'])}\n`,
    ),
  configMap: (configMap, w) =>
    w.write(
      2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        `    Name:\t${asStr(configMap['name'])}\n` +
        `    Optional:\t${asBool(configMap['optional'])}\n`,
    ),
  persistentVolumeClaim: (claim, w) =>
    w.write(
      2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${asStr(claim['claimName'])}\n` +
        `    ReadOnly:\t${asBool(claim['readOnly'])}\n`,
    ),
  ephemeral: describeEphemeral,
  downwardAPI: (downwardAPI, w) => {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    describeDownwardItems(asArr(downwardAPI['items']), w)
  },
  projected: describeProjected,
  csi: (csi, w) => {
    w.write(
      2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${asStr(csi['driver'])}\n` +
        `    FSType:\t${asStr(csi['fsType'])}\n` +
        `    ReadOnly:\t${asBool(csi['readOnly'])}\n`,
    )
    describeVolumeAttributes(asObj(csi['volumeAttributes']), w)
  },
  image: (image, w) =>
    w.write(
      2,
      'Type:\tImage (a container image or OCI artifact)\n' +
        `    Reference:\t${asStr(image['reference'])}\n` +
        `    PullPolicy:\t${asStr(image['pullPolicy'])}\n`,
    ),
}

function describeSource(volume: Obj, w: PrefixWriter): void {
  for (const field of SWITCH_ORDER) {
    const source = asObj(volume[field])
    if (source) {
      PRINTERS[field]!(source, w)
      return
    }
  }
  w.write(1, '<unknown>\n')
}

/**
 * printEphemeralVolumeSource: the claim template printed as a PVC that is not
 * a full one (printPersistentVolumeClaim with isFullPVC false), through a
 * writer nested two levels deeper.
 */
function describeEphemeral(ephemeral: Obj, w: PrefixWriter): void {
  w.write(
    2,
    'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
  )
  const template = asObj(ephemeral['volumeClaimTemplate'])
  if (!template) return
  const n = createNestedPrefixWriter(w, 2)
  const metadata = asObj(template['metadata']) ?? {}
  const spec = asObj(template['spec']) ?? {}
  const labels = asObj(metadata['labels']) as Readonly<Record<string, string>> | undefined
  const annotations = asObj(metadata['annotations']) as Readonly<Record<string, string>> | undefined
  // storageutil.GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName.
  const betaClass = annotations?.[BETA_STORAGE_CLASS]
  const storageClass = betaClass ?? asStr(spec['storageClassName'])
  const volumeName = asStr(spec['volumeName'])
  n.write(0, `StorageClass:\t${storageClass}\n`)
  n.write(0, `Volume:\t${volumeName}\n`)
  printLabelsMultiline(n, 'Labels', labels)
  printAnnotationsMultiline(n, 'Annotations', annotations)
  // A template has no status: with a volumeName the capacity is the zero quantity, the access modes none.
  n.write(0, `Capacity:\t${volumeName === '' ? '' : '0'}\n`)
  n.write(0, 'Access Modes:\t\n')
  if (typeof spec['volumeMode'] === 'string') n.write(0, `VolumeMode:\t${spec['volumeMode']}\n`)
  const dataSource = asObj(spec['dataSource'])
  if (dataSource) {
    n.write(0, 'DataSource:\n')
    if (typeof dataSource['apiGroup'] === 'string') n.write(1, `APIGroup:\t${dataSource['apiGroup']}\n`)
    n.write(1, `Kind:\t${asStr(dataSource['kind'])}\n`)
    n.write(1, `Name:\t${asStr(dataSource['name'])}\n`)
  }
}

function describeDownwardItems(items: readonly unknown[], w: PrefixWriter): void {
  for (const raw of items) {
    const item = asObj(raw) ?? {}
    const fieldRef = asObj(item['fieldRef'])
    const resourceFieldRef = asObj(item['resourceFieldRef'])
    if (fieldRef) w.write(3, `${asStr(fieldRef['fieldPath'])} -> ${asStr(item['path'])}\n`)
    if (resourceFieldRef) w.write(3, `${asStr(resourceFieldRef['resource'])} -> ${asStr(item['path'])}\n`)
  }
}

/** printProjectedVolumeSource: the kube-api-access-xxxxx volume every pod gets. */
function describeProjected(projected: Obj, w: PrefixWriter): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const raw of asArr(projected['sources'])) {
    const source = asObj(raw) ?? {}
    const secret = asObj(source['secret'])
    const downwardAPI = asObj(source['downwardAPI'])
    const configMap = asObj(source['configMap'])
    const token = asObj(source['serviceAccountToken'])
    if (secret) {
      w.write(2, `SecretName:\t${asStr(secret['name'])}\n    Optional:\t${asBool(secret['optional'])}\n`)
    } else if (downwardAPI) {
      w.write(2, 'DownwardAPI:\ttrue\n')
    } else if (configMap) {
      w.write(
        2,
        `ConfigMapName:\t${asStr(configMap['name'])}\n    Optional:\t${asBool(configMap['optional'])}\n`,
      )
    } else if (token) {
      w.write(2, `TokenExpirationSeconds:\t${asNum(token['expirationSeconds'])}\n`)
    }
  }
}

/**
 * printCSIPersistentVolumeAttributesMultiline, for the pod's inline CSI
 * volumes. Every write there carries the level-2 indent again, so each line
 * after the first starts with eight spaces and a tab, and every value with four
 * spaces; lines over 140 bytes are cut with "...".
 */
function describeVolumeAttributes(attributes: Obj | undefined, w: PrefixWriter): void {
  const keys = Object.keys(attributes ?? {}).sort()
  w.write(2, 'VolumeAttributes:\t')
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i > 0) {
      w.write(2, '')
      w.write(2, '\t')
    }
    const line = `${key}=${asStr(attributes![key])}`
    // Go's len and line[:maxAnnotationLen] count bytes.
    w.write(
      2,
      byteLength(line) > MAX_ANNOTATION_LEN ? `${sliceBytes(line, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`,
    )
  })
}
