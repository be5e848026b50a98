/**
 * Object metadata rules the API server applies to every object (ObjectMeta validation):
 * names are DNS-1123 subdomains, label keys are qualified names with values of at most 63
 * characters, annotation keys are qualified names. XR names are further limited to 63
 * characters by the XR schema itself (reference 1.3), which the schema check reports.
 */
import { isRecord } from './_util';

/** One metadata problem. */
export interface MetadataIssue {
  readonly path: string;
  readonly message: string;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function subdomainErrors(v: string): string | undefined {
  if (v.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(v)) return 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\')';
  return undefined;
}

/** Checks a qualified name (`prefix/name`); returns the problem or undefined. */
export function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix === '') return 'prefix part must be non-empty';
    const e = subdomainErrors(prefix);
    if (e) return `prefix part ${e}`;
  }
  if (name === '') return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) return 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\', \'my.name\' or \'123-abc\')';
  return undefined;
}

/** Validates `metadata` of a top-level object. */
export function checkMetadata(obj: Record<string, unknown>): MetadataIssue[] {
  const out: MetadataIssue[] = [];
  const meta = obj.metadata;
  if (meta === undefined || meta === null) {
    out.push({ path: 'metadata.name', message: 'Required value: name or generateName is required' });
    return out;
  }
  if (!isRecord(meta)) {
    out.push({ path: 'metadata', message: `Invalid value: ${JSON.stringify(meta)}: metadata must be an object` });
    return out;
  }
  const name = meta.name;
  if (name === undefined || name === '') {
    if (typeof meta.generateName !== 'string' || meta.generateName === '') out.push({ path: 'metadata.name', message: 'Required value: name or generateName is required' });
  } else if (typeof name !== 'string') {
    out.push({ path: 'metadata.name', message: `Invalid value: ${JSON.stringify(name)}: metadata.name must be a string` });
  } else {
    const e = subdomainErrors(name);
    if (e) out.push({ path: 'metadata.name', message: `Invalid value: "${name}": ${e}` });
  }
  if (meta.namespace !== undefined && (typeof meta.namespace !== 'string' || (meta.namespace !== '' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(meta.namespace) ) || String(meta.namespace).length > 63)) {
    out.push({ path: 'metadata.namespace', message: `Invalid value: ${JSON.stringify(meta.namespace)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character, at most 63 characters` });
  }
  if (meta.labels !== undefined && meta.labels !== null) {
    if (!isRecord(meta.labels)) out.push({ path: 'metadata.labels', message: 'Invalid value: labels must be a map of strings' });
    else for (const [k, v] of Object.entries(meta.labels)) {
      const ke = qualifiedNameError(k);
      if (ke) out.push({ path: 'metadata.labels', message: `Invalid value: "${k}": ${ke}` });
      if (typeof v !== 'string') out.push({ path: `metadata.labels.${k}`, message: `Invalid value: ${JSON.stringify(v)}: label values must be strings: quote the value` });
      else if (v.length > 63) out.push({ path: `metadata.labels`, message: `Invalid value: "${v}": must be no more than 63 characters` });
      else if (!LABEL_VALUE.test(v)) out.push({ path: 'metadata.labels', message: `Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')` });
    }
  }
  if (meta.annotations !== undefined && meta.annotations !== null) {
    if (!isRecord(meta.annotations)) out.push({ path: 'metadata.annotations', message: 'Invalid value: annotations must be a map of strings' });
    else for (const [k, v] of Object.entries(meta.annotations)) {
      const ke = qualifiedNameError(k.toLowerCase());
      if (ke) out.push({ path: 'metadata.annotations', message: `Invalid value: "${k}": ${ke}` });
      if (typeof v !== 'string') out.push({ path: `metadata.annotations.${k}`, message: `Invalid value: ${JSON.stringify(v)}: annotation values must be strings: quote the value` });
    }
  }
  return out;
}
