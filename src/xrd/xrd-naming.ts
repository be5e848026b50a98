/**
 * Naming rules of an XRD: Crossplane names the XR CRD after the XRD, so the API server's CRD name
 * rules apply (reference §1.3). Each check returns messages in the house shape, without a
 * construct path.
 */

/** The names of a composite resource type (or of its claim), as in a CRD's `spec.names`. */
export interface XrdNames {
  /** CamelCase kind of the resource, e.g. `XNetwork`. */
  readonly kind: string;
  /**
   * Lowercase plural used in the API path and the XRD name.
   *
   * @default - derived from the kind: lowercased and pluralized (`XNetwork` -> `xnetworks`)
   */
  readonly plural?: string;
  /**
   * Lowercase singular name.
   *
   * @default - the API server uses the lowercased kind
   */
  readonly singular?: string;
  /**
   * Kind of the list type.
   *
   * @default - the API server uses `<kind>List`
   */
  readonly listKind?: string;
  /**
   * Short names for `kubectl get`.
   *
   * @default - none
   */
  readonly shortNames?: readonly string[];
  /**
   * Categories for `kubectl get <category>`; Crossplane appends `composite` (or `claim`).
   *
   * @default - none besides the one Crossplane appends
   */
  readonly categories?: readonly string[];
}

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;

/** English plural of the lowercased kind, the way most XRDs name their plural. */
export function derivePlural(kind: string): string {
  const k = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(k)) { return `${k}es`; }
  if (/[^aeiou]y$/.test(k)) { return `${k.slice(0, -1)}ies`; }
  return `${k}s`;
}

/**
 * Whether the API server accepts `kind` as a CRD kind: a DNS-1035 label once lowercased, so
 * it is also a safe file name.
 */
export function isKind(kind: string): boolean {
  return kind !== '' && kind.length <= 63 && DNS1035_LABEL.test(kind.toLowerCase());
}

/** `spec.group`: a lowercase DNS subdomain with at least one dot. */
export function checkGroup(group: string): string[] {
  const fix = "use a domain you own, e.g. 'platform.example.org'";
  if (group === '') { return [`group must not be empty, got '': ${fix}`]; }
  const errors: string[] = [];
  if (!group.includes('.')) {
    errors.push(`group must contain at least one dot, got '${group}': ${fix}`);
  }
  if (group.length > 253 || !group.split('.').every(l => l.length <= 63 && DNS1123_LABEL.test(l))) {
    errors.push(`group must be a lowercase DNS subdomain (labels of a-z, 0-9 and '-', separated by dots), got '${group}': ${fix}`);
  }
  return errors;
}

/** `spec.names` / `spec.claimNames` (field name given as `field`). */
export function checkNames(names: XrdNames, plural: string, field: string): string[] {
  const errors: string[] = [];
  const kindRule = (name: string, value: string) => {
    if (!isKind(value)) {
      errors.push(`${field}.${name} must be a CamelCase name starting with a letter (letters, digits, '-'; at most 63), got '${value}': use e.g. 'XNetwork'`);
    }
  };
  const lowerRule = (name: string, value: string) => {
    if (value !== value.toLowerCase()) {
      errors.push(`${field}.${name} must be all lowercase, got '${value}': use '${value.toLowerCase()}'`);
    } else if (value === '' || value.length > 63 || !DNS1035_LABEL.test(value)) {
      errors.push(`${field}.${name} must be a DNS-1035 label (a-z, 0-9, '-', starting with a letter, at most 63), got '${value}': use e.g. '${derivePlural(names.kind.replace(/[^A-Za-z0-9]/g, '') || 'xthing')}'`);
    }
  };
  kindRule('kind', names.kind);
  lowerRule('plural', plural);
  if (names.singular !== undefined) { lowerRule('singular', names.singular); }
  if (names.listKind !== undefined) {
    kindRule('listKind', names.listKind);
    if (names.listKind === names.kind) {
      errors.push(`${field}.listKind must differ from kind, got '${names.listKind}' for both: omit listKind to get '${names.kind}List'`);
    }
  }
  names.shortNames?.forEach((s, i) => lowerRule(`shortNames[${i}]`, s));
  names.categories?.forEach((c, i) => lowerRule(`categories[${i}]`, c));
  return errors;
}

/** A version name the API server can order: `v1`, `v1beta1`, `v2alpha3`. */
export function checkVersionName(name: string, field: string): string[] {
  if (VERSION.test(name)) { return []; }
  return [`${field} must be a Kubernetes version (v<N>, v<N>alpha<M> or v<N>beta<M>), got '${name}': use e.g. 'v1alpha1'`];
}

/**
 * Legacy claims become a second CRD in the same group, so none of its names may equal the XR's
 * (`validateClaimNames` in crossplane-runtime, reference §1.3).
 */
export function checkClaimNamesCollision(xr: XrdNames, xrPlural: string, claim: XrdNames, claimPlural: string): string[] {
  const errors: string[] = [];
  const pairs: [string, string | undefined, string | undefined][] = [
    ['kind', xr.kind, claim.kind],
    ['plural', xrPlural, claimPlural],
    ['singular', xr.singular, claim.singular],
    ['listKind', xr.listKind, claim.listKind],
  ];
  for (const [name, a, b] of pairs) {
    if (a !== undefined && a !== '' && a === b) {
      errors.push(`claimNames.${name} must differ from names.${name}, got '${b}' for both: name the claim without the composite's prefix (e.g. 'Network' for 'XNetwork')`);
    }
  }
  return errors;
}
