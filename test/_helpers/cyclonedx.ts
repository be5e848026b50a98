// The CycloneDX JSON schema as published, taken from the @cyclonedx/cyclonedx-library package
// (res/schema/bom-1.6.SNAPSHOT.schema.json, with the SPDX and JSF schemas it references), never
// from the network: an SBOM test checks what we write against it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMAS = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');

let validator: ValidateFunction | undefined;

function cycloneDxValidator(): ValidateFunction {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Formats of draft 2019 the schema uses and ajv-formats does not define: checked loosely.
  ajv.addFormat('iri-reference', /^\S*$/);
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/);
  // The bom schema refers to its siblings by their SNAPSHOT file names, relative to its $id.
  for (const f of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    ajv.addSchema({ ...read(f), $id: `http://cyclonedx.org/schema/${f}` });
  }
  return ajv.compile(read('bom-1.6.SNAPSHOT.schema.json'));
}

/** What the CycloneDX 1.6 JSON schema finds wrong with `bom`, one line per error; empty when it is valid. */
export function cycloneDxProblems(bom: unknown): string[] {
  validator ??= cycloneDxValidator();
  return validator(bom) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
