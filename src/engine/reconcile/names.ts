/**
 * The names a render reconcile gives: the XR's deterministic UID (`crossplane internal render`,
 * crossplane/crossplane `internal/render/composite/render.go`) and composed resource names
 * (`internal/names/names.go` `ChildName`, `generate.go`, `validate.go`).
 */
import { createHash } from 'node:crypto';

const MAX_NAME_LENGTH = 63;
const HASH_LENGTH = 12;

/**
 * Crossplane's `names.ChildName`: the parent name (a `-` appended when missing) and the first 12
 * hex digits of sha256(parentUID + childName). Longer than 63 characters, the parent is cut to
 * 51 characters, its last one replaced by `-` when it is not one already.
 */
export function childName(parentName: string, parentUid: string, child: string): string {
  const suffix = hashSuffix(parentUid + child);
  let parent = parentName;
  if (parent !== '' && !parent.endsWith('-')) parent += '-';
  const full = parent + suffix;
  if (full.length <= MAX_NAME_LENGTH) return full;
  let max = MAX_NAME_LENGTH - HASH_LENGTH;
  if (max > 0 && !parent.slice(0, max).endsWith('-')) {
    max--;
    return `${parent.slice(0, max)}-${suffix}`;
  }
  return parent.slice(0, max) + suffix;
}

/** Hashes already computed: renders of one XR hash the same names every time. */
const SUFFIXES = new Map<string, string>();
const MAX_CACHED = 4096;

function hashSuffix(input: string): string {
  let s = SUFFIXES.get(input);
  if (s === undefined) {
    s = createHash('sha256').update(input).digest('hex').slice(0, HASH_LENGTH);
    if (SUFFIXES.size >= MAX_CACHED) SUFFIXES.clear();
    SUFFIXES.set(input, s);
  }
  return s;
}

const UIDS = new Map<string, string>();

/** google/uuid `NewSHA1(space, data)`: an RFC 4122 version 5 UUID. */
export function uuidSha1(space: Buffer, data: string): string {
  const h = createHash('sha1').update(space).update(data, 'utf8').digest();
  const u = Buffer.from(h.subarray(0, 16));
  u[6] = (u[6] & 0x0f) | 0x50;
  u[8] = (u[8] & 0x3f) | 0x80;
  const x = u.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const NIL_UUID = Buffer.alloc(16);

/** apimachinery's `GroupVersionKind.String()`: `group/version, Kind=kind` (`/v1, Kind=X` for core). */
export function gvkString(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return `${group}/${version}, Kind=${kind}`;
}

/**
 * The UID render gives an XR that has none: `uuid.NewSHA1(uuid.Nil, gvk.String() + "\x00" +
 * namespace + "\x00" + name)`, stable across runs.
 */
export function compositeUid(apiVersion: string, kind: string, namespace: string, name: string): string {
  // Renders of one XR ask for the same UID every time: answered without building the key.
  const last = lastUid;
  if (last !== undefined && last.apiVersion === apiVersion && last.kind === kind && last.namespace === namespace && last.name === name) return last.uid;
  const data = `${gvkString(apiVersion, kind)}\x00${namespace}\x00${name}`;
  let uid = UIDS.get(data);
  if (uid === undefined) {
    uid = uuidSha1(NIL_UUID, data);
    if (UIDS.size >= MAX_CACHED) UIDS.clear();
    UIDS.set(data, uid);
  }
  lastUid = { apiVersion, kind, namespace, name, uid };
  return uid;
}

let lastUid: { readonly apiVersion: string; readonly kind: string; readonly namespace: string; readonly name: string; readonly uid: string } | undefined;

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * Crossplane's `names.ValidateName`: a DNS-1123 subdomain (at most 253 characters); RBAC kinds
 * may also contain `:`.
 */
export function isValidComposedName(name: string, apiVersion: string, kind: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const n = group === 'rbac.authorization.k8s.io' && RBAC_KINDS.has(kind) ? name.split(':').join('') : name;
  return n.length <= 253 && DNS1123_SUBDOMAIN.test(n);
}
