import { App, Chart, Testing } from 'cdk8s';
import { Composition, CompositionProps } from '../../src/composition';
import { Schema } from '../../src/schema';
import { CompositeResourceDefinition, XrdScope } from '../../src/xrd';

/** A small XRD with a region parameter and an id status, for Composition tests. */
export function testXrd(chart: Chart, scope: XrdScope = XrdScope.NAMESPACED, id = 'Xrd') {
  return new CompositeResourceDefinition(chart, id, {
    group: 'test.example.org',
    names: { kind: 'XThing', plural: 'xthings' },
    version: 'v1alpha1',
    scope,
    spec: Schema.object({
      parameters: Schema.object({
        region: Schema.string(),
        size: Schema.optional(Schema.integer()),
      }),
    }),
    status: Schema.object({ id: Schema.optional(Schema.string()) }),
  });
}

/** An app, a chart, an XRD and a Composition for it. */
export function setup(props: Partial<CompositionProps> = {}, scope: XrdScope = XrdScope.NAMESPACED) {
  const app: App = Testing.app();
  const chart = new Chart(app, 'test');
  const xrd = testXrd(chart, scope);
  const comp = new Composition(chart, 'Composition', { xrd, ...props });
  return { app, chart, xrd, comp };
}

/** Every synthesized object of the app, in chart order. */
export function synthAll(app: App): any[] {
  return app.charts.flatMap(c => c.toJson());
}

/** The synthesized Composition object. */
export function compositionJson(app: App): any {
  app.synthYaml(); // runs validations
  return synthAll(app).find(o => o.kind === 'Composition');
}
