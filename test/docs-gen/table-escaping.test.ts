import * as fc from 'fast-check';
import { xrdToMarkdown } from '../../src/docs';
import { appXrd } from './_xrd-fixture';

/** Cells of a table row, split on pipes that are not escaped. */
function cellCount(line: string): number {
  return line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
}

test('no description, enum value, default or pattern can break a table row', () => {
  fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (description, enumValue, def, pattern) => {
    // GIVEN a field whose texts are arbitrary
    const x = appXrd();
    x.spec.versions[1].schema.openAPIV3Schema.properties.spec.properties.image = { type: 'string', description, enum: [enumValue], default: def, pattern };
    // WHEN
    const md = xrdToMarkdown(x);
    // THEN the spec table keeps 7 cells on every row and the row of the field is one line
    const section = md.slice(md.indexOf('### Spec'), md.indexOf('### Status'));
    const rows = section.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.map(cellCount)).toStrictEqual(rows.map(() => 9));
    expect(rows.filter((l) => l.startsWith('| `spec.image` |'))).toHaveLength(1);
  }), { numRuns: 200 });
});

test('a backslash before a pipe in a code span falls back to HTML, which GitHub tables cannot split', () => {
  const x = appXrd();
  x.spec.versions[1].schema.openAPIV3Schema.properties.spec.properties.image = { type: 'string', pattern: '^a\\|b<c$' };
  const row = xrdToMarkdown(x).split('\n').find((l) => l.startsWith('| `spec.image` |'));
  expect(row).toBe('| `spec.image` | string | yes |  |  | pattern: <code>^a\\&#124;b&lt;c$</code> |  |');
});

describe('descriptions with Markdown', () => {
  const describeImage = (description: string) => {
    const x = appXrd();
    x.spec.versions[1].schema.openAPIV3Schema.properties.spec.properties.image = { type: 'string', description };
    const row = xrdToMarkdown(x).split('\n').find((l) => l.startsWith('| `spec.image` |'))!;
    return row.split(' | ').slice(-1)[0].replace(/ \|$/, '');
  };

  test('keeps code spans as written: < and backslashes stay literal, pipes are escaped', () => {
    expect(describeImage('run `gcloud get --region <loc> | grep a\\b` first, <id> | done'))
      .toBe('run `gcloud get --region <loc> \\| grep a\\b` first, &lt;id> \\| done');
  });

  test('an unclosed backtick is escaped as a plain character', () => {
    expect(describeImage('a ` b')).toBe('a \\` b');
  });

  test('a line break inside a code span becomes a space, outside it becomes <br>', () => {
    expect(describeImage('one `a\nb`\ntwo')).toBe('one `a b`<br>two');
  });
});
