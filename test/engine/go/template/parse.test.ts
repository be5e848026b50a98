// Go text/template/parse, ported from golang/go src/text/template/parse/parse_test.go at commit
// c674ce87c2e47699bb51e02885fb80519ecbfb27: `parseTests` (TestParse: the tree printed back with
// text as %q), `errorTests` (TestErrors: the message must contain the given text), isEmptyTests,
// TestParseWithComments, TestKeywordsAndFuncs, TestBlock, TestUnterminatedStringError, and the
// signed rows of `numberTests` (TestNumberParse).
import { goQuote } from '../../../../src/engine/go/strconv';
import { isEmptyTree, nodeString } from '../../../../src/engine/go/template/nodes';
import { parseTemplate, TemplateParseError } from '../../../../src/engine/go/template/parse';

const BUILTINS = new Set(['printf', 'contains']);

function parse(name: string, input: string, funcs: ReadonlySet<string> = BUILTINS, emitComments = false) {
  return parseTemplate(name, input, { leftDelim: '', rightDelim: '', hasFunction: (n) => funcs.has(n), emitComments });
}

function printed(name: string, input: string): string {
  return nodeString(parse(name, input).get(name)!.root!, goQuote);
}

const noError = true;
const hasError = false;
const parseTests: [string, string, boolean, string][] = [
  ['empty', '', noError, ''],
  ['comment', '{{/*\n\n\n*/}}', noError, ''],
  ['spaces', ' \t\n', noError, '" \\t\\n"'],
  ['text', 'some text', noError, '"some text"'],
  ['emptyAction', '{{}}', hasError, '{{}}'],
  ['field', '{{.X}}', noError, '{{.X}}'],
  ['simple command', '{{printf}}', noError, '{{printf}}'],
  ['$ invocation', '{{$}}', noError, '{{$}}'],
  ['variable invocation', '{{with $x := 3}}{{$x 23}}{{end}}', noError, '{{with $x := 3}}{{$x 23}}{{end}}'],
  ['variable with fields', '{{$.I}}', noError, '{{$.I}}'],
  ['multi-word command', '{{printf `%d` 23}}', noError, '{{printf `%d` 23}}'],
  ['pipeline', '{{.X|.Y}}', noError, '{{.X | .Y}}'],
  ['pipeline with decl', '{{$x := .X|.Y}}', noError, '{{$x := .X | .Y}}'],
  ['nested pipeline', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', noError, '{{.X (.Y .Z) (.A | .B .C) (.E)}}'],
  ['field applied to parentheses', '{{(.Y .Z).Field}}', noError, '{{(.Y .Z).Field}}'],
  ['simple if', '{{if .X}}hello{{end}}', noError, '{{if .X}}"hello"{{end}}'],
  ['if with else', '{{if .X}}true{{else}}false{{end}}', noError, '{{if .X}}"true"{{else}}"false"{{end}}'],
  ['if with else if', '{{if .X}}true{{else if .Y}}false{{end}}', noError, '{{if .X}}"true"{{else}}{{if .Y}}"false"{{end}}{{end}}'],
  ['if else chain', '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+', noError,
    '"+"{{if .X}}"X"{{else}}{{if .Y}}"Y"{{else}}{{if .Z}}"Z"{{end}}{{end}}{{end}}"+"'],
  ['simple range', '{{range .X}}hello{{end}}', noError, '{{range .X}}"hello"{{end}}'],
  ['chained field range', '{{range .X.Y.Z}}hello{{end}}', noError, '{{range .X.Y.Z}}"hello"{{end}}'],
  ['nested range', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', noError, '{{range .X}}"hello"{{range .Y}}"goodbye"{{end}}{{end}}'],
  ['range with else', '{{range .X}}true{{else}}false{{end}}', noError, '{{range .X}}"true"{{else}}"false"{{end}}'],
  ['range over pipeline', '{{range .X|.M}}true{{else}}false{{end}}', noError, '{{range .X | .M}}"true"{{else}}"false"{{end}}'],
  ['range []int', '{{range .SI}}{{.}}{{end}}', noError, '{{range .SI}}{{.}}{{end}}'],
  ['range 1 var', '{{range $x := .SI}}{{.}}{{end}}', noError, '{{range $x := .SI}}{{.}}{{end}}'],
  ['range 2 vars', '{{range $x, $y := .SI}}{{.}}{{end}}', noError, '{{range $x, $y := .SI}}{{.}}{{end}}'],
  ['range with break', '{{range .SI}}{{.}}{{break}}{{end}}', noError, '{{range .SI}}{{.}}{{break}}{{end}}'],
  ['range with continue', '{{range .SI}}{{.}}{{continue}}{{end}}', noError, '{{range .SI}}{{.}}{{continue}}{{end}}'],
  ['constants', "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", noError, "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"],
  ['template', '{{template `x`}}', noError, '{{template "x"}}'],
  ['template with arg', '{{template `x` .Y}}', noError, '{{template "x" .Y}}'],
  ['with', '{{with .X}}hello{{end}}', noError, '{{with .X}}"hello"{{end}}'],
  ['with with else', '{{with .X}}hello{{else}}goodbye{{end}}', noError, '{{with .X}}"hello"{{else}}"goodbye"{{end}}'],
  ['with with else with', '{{with .X}}hello{{else with .Y}}goodbye{{end}}', noError, '{{with .X}}"hello"{{else}}{{with .Y}}"goodbye"{{end}}{{end}}'],
  ['with else chain', '{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}', noError,
    '{{with .X}}"X"{{else}}{{with .Y}}"Y"{{else}}{{with .Z}}"Z"{{end}}{{end}}{{end}}'],
  ['trim left', 'x \r\n\t{{- 3}}', noError, '"x"{{3}}'],
  ['trim right', '{{3 -}}\n\n\ty', noError, '{{3}}"y"'],
  ['trim left and right', 'x \r\n\t{{- 3 -}}\n\n\ty', noError, '"x"{{3}}"y"'],
  ['trim with extra spaces', 'x\n{{-  3   -}}\ny', noError, '"x"{{3}}"y"'],
  ['comment trim left', 'x \r\n\t{{- /* hi */}}', noError, '"x"'],
  ['comment trim right', '{{/* hi */ -}}\n\n\ty', noError, '"y"'],
  ['comment trim left and right', 'x \r\n\t{{- /* */ -}}\n\n\ty', noError, '"x""y"'],
  ['block definition', '{{block "foo" .}}hello{{end}}', noError, '{{template "foo" .}}'],
  ['newline in assignment', '{{ $x \n := \n 1 \n }}', noError, '{{$x := 1}}'],
  ['newline in empty action', '{{\n}}', hasError, '{{\n}}'],
  ['newline in pipeline', '{{\n"x"\n|\nprintf\n}}', noError, '{{"x" | printf}}'],
  ['newline in comment', '{{/*\nhello\n*/}}', noError, ''],
  ['newline in comment', '{{-\n/*\nhello\n*/\n-}}', noError, ''],
  ['spaces around continue', '{{range .SI}}{{.}}{{ continue }}{{end}}', noError, '{{range .SI}}{{.}}{{continue}}{{end}}'],
  ['spaces around break', '{{range .SI}}{{.}}{{ break }}{{end}}', noError, '{{range .SI}}{{.}}{{break}}{{end}}'],
  ['unclosed action', 'hello{{range', hasError, ''],
  ['unmatched end', '{{end}}', hasError, ''],
  ['unmatched else', '{{else}}', hasError, ''],
  ['unmatched else after if', '{{if .X}}hello{{end}}{{else}}', hasError, ''],
  ['multiple else', '{{if .X}}1{{else}}2{{else}}3{{end}}', hasError, ''],
  ['missing end', 'hello{{range .x}}', hasError, ''],
  ['missing end after else', 'hello{{range .x}}{{else}}', hasError, ''],
  ['undefined function', 'hello{{undefined}}', hasError, ''],
  ['undefined variable', '{{$x}}', hasError, ''],
  ['variable undefined after end', '{{with $x := 4}}{{end}}{{$x}}', hasError, ''],
  ['variable undefined in template', '{{template $v}}', hasError, ''],
  ['declare with field', '{{with $x.Y := 4}}{{end}}', hasError, ''],
  ['template with field ref', '{{template .X}}', hasError, ''],
  ['template with var', '{{template $v}}', hasError, ''],
  ['invalid punctuation', '{{printf 3, 4}}', hasError, ''],
  ['multidecl outside range', '{{with $v, $u := 3}}{{end}}', hasError, ''],
  ['too many decls in range', '{{range $u, $v, $w := 3}}{{end}}', hasError, ''],
  ['dot applied to parentheses', '{{printf (printf .).}}', hasError, ''],
  ['adjacent args', '{{printf 3`x`}}', hasError, ''],
  ['adjacent args with .', '{{printf `x`.}}', hasError, ''],
  ['extra end after if', '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', hasError, ''],
  ['break outside range', '{{range .}}{{end}} {{break}}', hasError, ''],
  ['continue outside range', '{{range .}}{{end}} {{continue}}', hasError, ''],
  ['break in range else', '{{range .}}{{else}}{{break}}{{end}}', hasError, ''],
  ['continue in range else', '{{range .}}{{else}}{{continue}}{{end}}', hasError, ''],
  ['bug0a', '{{$x := 0}}{{$x}}', noError, '{{$x := 0}}{{$x}}'],
  ['bug0b', '{{$x += 1}}{{$x}}', hasError, ''],
  ['bug0c', '{{$x ! 2}}{{$x}}', hasError, ''],
  ['bug0d', '{{$x % 3}}{{$x}}', hasError, ''],
  ['bug0e', '{{range $x := $y := 3}}{{end}}', hasError, ''],
  ['bug1a', '{{$x:=.}}{{$x!2}}', hasError, ''],
  ['bug1b', '{{$x:=.}}{{$x+2}}', hasError, ''],
  ['bug1c', '{{$x:=.}}{{$x +2}}', noError, '{{$x := .}}{{$x +2}}'],
  ['bug2a', '{{range $x := 0}}{{$x}}{{end}}', noError, '{{range $x := 0}}{{$x}}{{end}}'],
  ['bug2b', '{{range $x = 0}}{{$x}}{{end}}', noError, '{{range $x = 0}}{{$x}}{{end}}'],
  ['dot after integer', '{{1.E}}', hasError, ''],
  ['dot after float', '{{0.1.E}}', hasError, ''],
  ['dot after boolean', '{{true.E}}', hasError, ''],
  ['dot after char', "{{'a'.any}}", hasError, ''],
  ['dot after string', '{{"hello".guys}}', hasError, ''],
  ['dot after dot', '{{..E}}', hasError, ''],
  ['dot after nil', '{{nil.E}}', hasError, ''],
  ['wrong pipeline dot', '{{12|.}}', hasError, ''],
  ['wrong pipeline number', '{{.|12|printf}}', hasError, ''],
  ['wrong pipeline string', '{{.|printf|"error"}}', hasError, ''],
  ['wrong pipeline char', "{{12|printf|'e'}}", hasError, ''],
  ['wrong pipeline boolean', '{{.|true}}', hasError, ''],
  ['wrong pipeline nil', "{{'c'|nil}}", hasError, ''],
  ['empty pipeline', '{{printf "%d" ( ) }}', hasError, ''],
  ['block definition', '{{block "foo"}}hello{{end}}', hasError, ''],
  ['paren nesting normal', '{{ (( 1 )) }}', noError, '{{((1))}}'],
  ['paren nesting at limit', '{{ ((( 1 ))) }}', noError, '{{(((1)))}}'],
  ['paren nesting in pipeline', '{{ ((( 1 ))) | printf }}', noError, '{{(((1))) | printf}}'],
  ['paren nesting with other constructs', '{{ if ((( true ))) }}YES{{ end }}', noError, '{{if (((true)))}}"YES"{{end}}'],
];
// Left out: the three "paren nesting ... exceeds limit" cases; Go's test lowers the parser's
// maximum expression depth to 3 for them, a knob templates cannot reach.

describe('TestParse (parseTests)', () => {
  test.each(parseTests)('%s: %j', (name, input, ok, result) => {
    if (ok) expect(printed(name, input)).toBe(result);
    else expect(() => parse(name, input)).toThrow(TemplateParseError);
  });
});

const errorTests: [string, string, string][] = [
  ['unclosed1', 'line1\n{{', 'unclosed1:2: unclosed action'],
  ['unclosed2', 'line1\n{{define `x`}}line2\n{{', 'unclosed2:3: unclosed action'],
  ['unclosed3', 'line1\n{{"x"\n"y"\n', 'unclosed3:4: unclosed action started at unclosed3:2'],
  ['unclosed4', '{{\n\n\n\n\n', 'unclosed4:6: unclosed action started at unclosed4:1'],
  ['var1', 'line1\n{{\nx\n}}', 'var1:3: function "x" not defined'],
  ['function', '{{foo}}', 'function "foo" not defined'],
  ['comment1', '{{/*}}', 'comment1:1: unclosed comment'],
  ['comment2', '{{/*\nhello\n}}', 'comment2:1: unclosed comment'],
  ['lparen', '{{.X (1 2 3}}', 'unclosed left paren'],
  ['rparen', '{{.X 1 2 3 ) }}', 'unexpected right paren'],
  ['rparen2', '{{(.X 1 2 3', 'unclosed action'],
  ['space', '{{`x`3}}', 'in operand'],
  ['idchar', '{{a#}}', "'#'"],
  ['charconst', "{{'a}}", 'unterminated character constant'],
  ['stringconst', '{{"a}}', 'unterminated quoted string'],
  ['rawstringconst', '{{`a}}', 'unterminated raw quoted string'],
  ['number', '{{0xi}}', 'number syntax'],
  ['multidefine', '{{define `a`}}a{{end}}{{define `a`}}b{{end}}', 'multiple definition of template'],
  ['eof', '{{range .X}}', 'unexpected EOF'],
  ['variable', '{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}', 'unexpected ":="'],
  ['multidecl', '{{$a,$b,$c := 23}}', 'too many declarations'],
  ['undefvar', '{{$a}}', 'undefined variable'],
  ['wrongdot', '{{true.any}}', 'unexpected . after term'],
  ['wrongpipeline', '{{12|false}}', 'non executable command in pipeline'],
  ['emptypipeline', '{{ ( ) }}', 'missing value for parenthesized pipeline'],
  ['multilinerawstring', '{{ $v := `\n` }} {{', 'multilinerawstring:2: unclosed action'],
  ['rangeundefvar', '{{range $k}}{{end}}', 'undefined variable'],
  ['rangeundefvars', '{{range $k, $v}}{{end}}', 'undefined variable'],
  ['rangemissingvalue1', '{{range $k,}}{{end}}', 'missing value for range'],
  ['rangemissingvalue2', '{{range $k, $v := }}{{end}}', 'missing value for range'],
  ['rangenotvariable1', '{{range $k, .}}{{end}}', 'range can only initialize variables'],
  ['rangenotvariable2', '{{range $k, 123 := .}}{{end}}', 'range can only initialize variables'],
];

describe('TestErrors (errorTests)', () => {
  test.each(errorTests)('%s', (name, input, want) => {
    let message = '';
    try {
      parse(name, input, new Set());
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(want);
    expect(message).toMatch(new RegExp(`^template: ${name}:\\d+: `));
  });
});

describe('other parse tests', () => {
  test.each([
    ['empty', '', true],
    ['nonempty', 'hello', false],
    ['spaces only', ' \t\n \t\n', true],
    ['comment only', '{{/* comment */}}', true],
    ['definition', '{{define "x"}}something{{end}}', true],
    ['definitions and space', '{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n', true],
    ['definitions and text', '{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n', false],
    ['definition and action', '{{define `x`}}something{{end}}{{if 3}}foo{{end}}', false],
  ])('TestIsEmpty %s', (_name, input, empty) => {
    expect(isEmptyTree(parse('root', input, new Set()).get('root')!.root)).toBe(empty);
  });

  test.each([
    ['comment', '{{/*\n\n\n*/}}', '{{/*\n\n\n*/}}'],
    ['comment trim left', 'x \r\n\t{{- /* hi */}}', '"x"{{/* hi */}}'],
    ['comment trim right', '{{/* hi */ -}}\n\n\ty', '{{/* hi */}}"y"'],
    ['comment trim left and right', 'x \r\n\t{{- /* */ -}}\n\n\ty', '"x"{{/* */}}"y"'],
  ])('TestParseWithComments %s', (name, input, want) => {
    expect(nodeString(parse(name, input, BUILTINS, true).get(name)!.root!, goQuote)).toBe(want);
  });

  test('TestKeywordsAndFuncs: break is a function when one is defined, a keyword otherwise', () => {
    const inp = '{{range .X}}{{break 20}}{{end}}';
    expect(() => parse('', inp, new Set(['break']))).not.toThrow();
    expect(() => parse('', inp, new Set())).toThrow(TemplateParseError);
  });

  test('TestBlock: block defines the inner template and calls it', () => {
    const set = parse('outer', 'a{{block "inner" .}}bar{{.}}baz{{end}}b', new Set());
    expect(nodeString(set.get('outer')!.root!)).toBe('a{{template "inner" .}}b');
    expect(nodeString(set.get('inner')!.root!)).toBe('bar{{.}}baz');
  });

  test('TestUnterminatedStringError: the line of the opening quote', () => {
    expect(() => parse('X', 'hello\n\n{{`unterminated\n\n\n\n}}\n some more\n\n')).toThrow('X:3: unterminated raw quoted string');
  });
  // TestNumberParse rows: a sign makes a number no unsigned integer (strconv.ParseUint takes no
  // sign), except zero, which is an int and therefore a uint as well.
  test.each<[string, boolean, boolean, bigint]>([
    ['73', true, true, 73n],
    ['-73', true, false, -73n],
    ['+73', true, false, 73n],
    ['-0', true, true, 0n],
  ])('TestNumberParse %s: isInt %s, isUint %s', (text, isInt, isUint, int64) => {
    const root = parse('n', `{{${text}}}`).get('n')!.root! as any;
    const number = root.nodes[0].pipe.cmds[0].args[0];
    expect({ isInt: number.isInt, isUint: number.isUint, int64: number.int64 }).toStrictEqual({ isInt, isUint, int64 });
  });
});
