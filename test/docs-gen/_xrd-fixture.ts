// A hand-written XRD that exercises every column and section of the generated page.
export function appXrd(): any {
  return {
    apiVersion: 'apiextensions.crossplane.io/v2',
    kind: 'CompositeResourceDefinition',
    metadata: { name: 'xapps.platform.acme.io' },
    spec: {
      group: 'platform.acme.io',
      names: { kind: 'XApp', plural: 'xapps', shortNames: ['xapp'], categories: ['platform'] },
      scope: 'Namespaced',
      defaultCompositionRef: { name: 'xapp-default' },
      enforcedCompositionRef: { name: 'xapp-enforced' },
      defaultCompositionUpdatePolicy: 'Manual',
      defaultCompositionRevisionSelector: { matchLabels: { channel: 'stable' } },
      versions: [
        {
          name: 'v1alpha1', served: true, referenceable: false, deprecated: true, deprecationWarning: 'use v1beta1 | soon',
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { image: { type: 'string' } } } } } },
        },
        {
          name: 'v1beta1', served: true, referenceable: true,
          additionalPrinterColumns: [{ name: 'IMAGE', type: 'string', jsonPath: '.spec.image', description: 'The image' }],
          schema: {
            openAPIV3Schema: {
              description: 'An application run by the platform.',
              type: 'object',
              'x-kubernetes-validations': [{ rule: "self.metadata.name.size() < 30", message: 'names are short' }],
              properties: {
                spec: {
                  type: 'object',
                  required: ['image'],
                  'x-kubernetes-validations': [
                    { rule: "self.replicas <= 10 || self.tier == 'large'", message: 'more than 10 replicas need tier large' },
                    { rule: 'self.port != 22', messageExpression: "'port ' + string(self.port) + ' is reserved'", reason: 'FieldValueForbidden', fieldPath: '.port' },
                  ],
                  properties: {
                    image: { type: 'string', pattern: '^[a-z]+(:[a-z0-9.]+)?$', minLength: 1, maxLength: 128, description: 'Container image | tag.\nSecond line.' },
                    replicas: { type: 'integer', format: 'int32', default: 2, minimum: 1, maximum: 20 },
                    tier: { type: 'string', enum: ['small', 'large'], default: 'small' },
                    port: { 'x-kubernetes-int-or-string': true, default: 8080 },
                    env: {
                      type: 'array', maxItems: 5,
                      items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, value: { type: 'string', description: 'Literal <value>' } } },
                    },
                    labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 63 } },
                    hosts: { type: 'array', items: { type: 'string', format: 'hostname' }, 'x-kubernetes-list-type': 'set' },
                    createdAfter: { type: 'string', format: 'date-time' },
                    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                    quoted: { type: 'string', pattern: '^`[a-z]+`$' },
                  },
                },
                status: { type: 'object', properties: { url: { type: 'string', description: 'Public URL' } } },
              },
            },
          },
        },
        { name: 'v0', served: false, referenceable: false, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    },
  };
}

/** An example XR of the fixture XRD. */
export const APP_EXAMPLE = {
  apiVersion: 'platform.acme.io/v1beta1',
  kind: 'XApp',
  metadata: { name: 'web', namespace: 'team-a' },
  spec: { image: 'nginx:1.27', replicas: 3 },
};

/**
 * Splits a Markdown page into the cells of the table row whose first cell is the code span
 * `key` (under the heading `section` when given), unescaping nothing.
 */
export function rowOf(markdown: string, key: string, section?: string): string[] | undefined {
  let text = markdown;
  if (section) {
    const start = markdown.indexOf(`\n${section}\n`);
    if (start < 0) return undefined;
    const next = markdown.indexOf('\n#', start + section.length + 2);
    text = markdown.slice(start, next < 0 ? undefined : next);
  }
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const cells = line.slice(2, -2).split(" | ").map((c) => c.trim());
    if (cells[0] === key) return cells;
  }
  return undefined;
}
