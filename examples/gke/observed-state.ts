/**
 * Stand-ins for what the GCP provider reports, for offline reconcile tests: a desired composed
 * resource becomes an observed one with a name, `Ready`/`Synced` conditions and the
 * `status.atProvider` fields the provider would fill in.
 */

/** A composed resource as rendered or observed. */
export type KubeObject = Record<string, any>;

const NAME_ANNOTATION = 'crossplane.io/composition-resource-name';

/** The composition resource name of a composed resource. */
export function resourceName(o: KubeObject): string {
  return o.metadata?.annotations?.[NAME_ANNOTATION] ?? '';
}

/**
 * The observed twin of `desired`: keeps its name, or gets one from its generateName and resource
 * name (what the API server would make unique), Ready and Synced, with `atProvider` as the provider reports it.
 */
export function observedReady(desired: KubeObject, atProvider: Record<string, unknown> = {}): KubeObject {
  const copy = JSON.parse(JSON.stringify(desired)) as KubeObject;
  const { generateName, ...metadata } = copy.metadata ?? {};
  return {
    ...copy,
    metadata: { ...metadata, name: metadata.name ?? `${generateName ?? ''}${resourceName(desired)}` },
    status: {
      atProvider,
      conditions: [
        { type: 'Ready', status: 'True', reason: 'Available', lastTransitionTime: '2024-01-01T00:00:00Z' },
        { type: 'Synced', status: 'True', reason: 'ReconcileSuccess', lastTransitionTime: '2024-01-01T00:00:00Z' },
      ],
    },
  };
}

/**
 * Every desired resource observed Ready; `atProvider` gives the provider-reported fields per
 * composition resource name (others get none).
 */
export function observeAll(desired: readonly KubeObject[], atProvider: Readonly<Record<string, Record<string, unknown>>> = {}): KubeObject[] {
  return desired
    // The connection Secret is Crossplane's, not a managed resource: it has no provider status.
    .filter(d => d.kind !== 'Secret')
    .map(d => observedReady(d, atProvider[resourceName(d)] ?? {}));
}
