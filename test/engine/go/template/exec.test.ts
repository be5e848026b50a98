// Go text/template execution, ported from golang/go src/text/template/exec_test.go at commit
// ff6289ceb0391bc35aa4281864b171deaa3a76b4 (the Go 1.25 line that function-go-templating v0.12.2
// builds with): `execTests` (TestExecute), `cmpTests` (TestComparison), TestExecError,
// TestMissingMapKey, TestBlock, TestMessageForExecuteEmpty, TestJSEscaping, TestDelims.
//
// The data is JSON-like, as a template sees a Crossplane request: Go's `tVal` struct becomes a map
// with the same field names; struct-only cases are listed in SKIPPED with the reason.
// Integers are Go int/int64 (bigint here), floats float64 (number).
import { GoError, GoFunc, MaybeTV, Template, TV } from '../../../../src/engine/go/template';
import { jsEscapeString } from '../../../../src/engine/go/template';

const tVal: TV = {
  True: true,
  I: 17n,
  U16: 16n,
  X: 'x',
  S: 'xyz',
  FloatZero: 0,
  U: { V: 'v' },
  SI: [3n, 4n, 5n],
  AI: [3n, 4n, 5n],
  SIEmpty: [],
  SB: [true, false],
  MSI: { one: 1n, two: 2n, three: 3n },
  MSIone: { one: 1n },
  MSIEmpty: {},
  MXI: { one: 1n },
  SMSI: [{ one: 1n, two: 2n }, { eleven: 11n, twelve: 12n }],
  Empty0: null,
  Empty1: 3n,
  Empty2: 'empty2',
  Empty3: [7n, 8n],
  Empty4: { V: 'UinEmpty' },
  PS: 'a string',
  PSI: [21n, 22n, 23n],
};

const str = (v: MaybeTV): string => v as string;
const funcs: Record<string, GoFunc> = {
  add: new GoFunc([], (...a) => a.reduce<bigint>((s, x) => s + (x as bigint), 0n), 'int'),
  dddArg: new GoFunc(['int'], (a, ...b) => `${a} [${b.join(' ')}]\n`, 'string'),
  die: new GoFunc([], () => {
    throw new GoError('die');
  }),
  echo: new GoFunc(['any'], (a) => a as TV),
  makemap: new GoFunc([], (...a) => {
    const m: Record<string, TV> = {};
    for (let i = 0; i < a.length; i += 2) m[str(a[i])] = str(a[i + 1]);
    return m;
  }, 'string'),
  mapOfThree: new GoFunc([], () => ({ three: 3n })),
  oneArg: new GoFunc(['string'], (a) => 'oneArg=' + str(a)),
  returnInt: new GoFunc([], () => 7n),
  twoArgs: new GoFunc(['string', 'string'], (a, b) => 'twoArgs=' + str(a) + str(b)),
  valueString: new GoFunc(['string'], () => 'value is ignored'),
  zeroArgs: new GoFunc([], () => 'zeroArgs'),
};

function run(input: string, data: MaybeTV, name = 'test'): string {
  return Template.create(name).funcs(funcs).parse(input).execute(data);
}

// [name, input, output, data, ok]
type ExecCase = [string, string, string, MaybeTV, boolean];
const T = tVal;
const execTests: ExecCase[] = [
  ['empty', '', '', null, true],
  ['text', 'some text', 'some text', null, true],
  ['nil action', '{{nil}}', '', null, false],
  ['ideal too big', '{{print 0x8000000000000000}}', '', 0n, false],
  ['ideal nil without type', '{{nil}}', '', 0n, false],
  ['.X', '-{{.X}}-', '-x-', T, true],
  ['.U.V', '-{{.U.V}}-', '-v-', T, true],
  ['map .one', '{{.MSI.one}}', '1', T, true],
  ['map .two', '{{.MSI.two}}', '2', T, true],
  ['map .NO', '{{.MSI.NO}}', '<no value>', T, true],
  ['map .one interface', '{{.MXI.one}}', '1', T, true],
  ['map .WRONG args', '{{.MSI.one 1}}', '', T, false],
  ['dot int', '<{{.}}>', '<13>', 13n, true],
  ['dot float', '<{{.}}>', '<15.1>', 15.1, true],
  ['dot bool', '<{{.}}>', '<true>', true, true],
  ['dot string', '<{{.}}>', '<hello>', 'hello', true],
  ['dot slice', '<{{.}}>', '<[-1 -2 -3]>', [-1n, -2n, -3n], true],
  ['dot map', '<{{.}}>', '<map[two:22]>', { two: 22n }, true],
  ['$ int', '{{$}}', '123', 123n, true],
  ['$.I', '{{$.I}}', '17', T, true],
  ['$.U.V', '{{$.U.V}}', 'v', T, true],
  ['declare in action', '{{$x := $.U.V}}{{$x}}', 'v', T, true],
  ['*string', '{{.PS}}', 'a string', T, true],
  ['*[]int', '{{.PSI}}', '[21 22 23]', T, true],
  ['*[]int[1]', '{{index .PSI 1}}', '22', T, true],
  ['empty nil', '{{.Empty0}}', '<no value>', T, true],
  ['empty with int', '{{.Empty1}}', '3', T, true],
  ['empty with string', '{{.Empty2}}', 'empty2', T, true],
  ['empty with slice', '{{.Empty3}}', '[7 8]', T, true],
  ['empty with struct', '{{.Empty4}}', 'map[V:UinEmpty]', T, true], // Go prints the struct as {UinEmpty}
  ['empty with struct, field', '{{.Empty4.V}}', 'UinEmpty', T, true],
  ['field on interface', '{{.foo}}', '<no value>', null, true],
  ['field on parenthesized interface', '{{(.).foo}}', '<no value>', null, true],
  ['unparenthesized non-function', '{{1 2}}', '', null, false],
  ['parenthesized non-function', '{{(1) 2}}', '', null, false],
  ['parenthesized non-function with no args', '{{(1)}}', '1', null, true],
  ['call nil', '{{call nil}}', '', T, false],
  ['empty call', '{{call}}', '', T, false],
  ['empty call after pipe invalid', '{{1 | call}}', '', T, false],
  ['parens in pipeline', '{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}', '1 5 15', T, true],
  ['parens: $ in paren', '{{($).X}}', 'x', T, true],
  ['parens: $ in paren in pipe', '{{($ | echo).X}}', 'x', T, true],
  ['parens: spaces and args', '{{(makemap "up" "down" "left" "right").left}}', 'right', T, true],
  ['if true', '{{if true}}TRUE{{end}}', 'TRUE', T, true],
  ['if false', '{{if false}}TRUE{{else}}FALSE{{end}}', 'FALSE', T, true],
  ['if nil', '{{if nil}}TRUE{{end}}', '', T, false],
  ['if 1', '{{if 1}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO', T, true],
  ['if 0', '{{if 0}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO', T, true],
  ['if 1.5', '{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}', 'NON-ZERO', T, true],
  ['if 0.0', '{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO', T, true],
  ['if emptystring', '{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['if string', '{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', T, true],
  ['if emptyslice', '{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['if slice', '{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', T, true],
  ['if emptymap', '{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['if map', '{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}', 'NON-EMPTY', T, true],
  ['if map unset', '{{if .MXI.none}}NON-ZERO{{else}}ZERO{{end}}', 'ZERO', T, true],
  ['if map not unset', '{{if not .MXI.none}}ZERO{{else}}NON-ZERO{{end}}', 'ZERO', T, true],
  ['if $x with $y int', '{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}', 'true,17', T, true],
  ['if $x with $x int', '{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}', '17,true', T, true],
  ['if else if', '{{if false}}FALSE{{else if true}}TRUE{{end}}', 'TRUE', T, true],
  ['if else chain', '{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}', '3', T, true],
  ['print', '{{print "hello, print"}}', 'hello, print', T, true],
  ['print 123', '{{print 1 2 3}}', '1 2 3', T, true],
  ['print nil', '{{print nil}}', '<nil>', T, true],
  ['println', '{{println 1 2 3}}', '1 2 3\n', T, true],
  ['printf int', '{{printf "%04x" 127}}', '007f', T, true],
  ['printf float', '{{printf "%g" 3.5}}', '3.5', T, true],
  ['printf string', '{{printf "%s" "hello"}}', 'hello', T, true],
  ['printf function', '{{printf "%#q" zeroArgs}}', '`zeroArgs`', T, true],
  ['printf field', '{{printf "%s" .U.V}}', 'v', T, true],
  ['printf dot', '{{with .I}}{{printf "%d" .}}{{end}}', '17', T, true],
  ['printf var', '{{with $x := .I}}{{printf "%d" $x}}{{end}}', '17', T, true],
  ['html', '{{html "<script>alert(\\"XSS\\");</script>"}}', '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;', null, true],
  ['html pipeline', '{{printf "<script>alert(\\"XSS\\");</script>" | html}}', '&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;', null, true],
  ['html', '{{html .PS}}', 'a string', T, true],
  ['html untyped nil', '{{html .Empty0}}', '&lt;no value&gt;', T, true],
  ['js', '{{js .}}', "It\\'d be nice.", "It'd be nice.", true],
  ['urlquery', '{{"http://www.example.org/"|urlquery}}', 'http%3A%2F%2Fwww.example.org%2F', null, true],
  ['not', '{{not true}} {{not false}}', 'false true', null, true],
  ['and', '{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}', 'false 0 0 1', null, true],
  ['or', '{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}', '0 1 true 1', null, true],
  ['or short-circuit', '{{or 0 1 (die)}}', '1', null, true],
  ['and short-circuit', '{{and 1 0 (die)}}', '0', null, true],
  ['or short-circuit2', '{{or 0 0 (die)}}', '', null, false],
  ['and short-circuit2', '{{and 1 1 (die)}}', '', null, false],
  ['and pipe-true', '{{1 | and 1}}', '1', null, true],
  ['and pipe-false', '{{0 | and 1}}', '0', null, true],
  ['or pipe-true', '{{1 | or 0}}', '1', null, true],
  ['or pipe-false', '{{0 | or 0}}', '0', null, true],
  ['and undef', '{{and 1 .Unknown}}', '<no value>', null, true],
  ['or undef', '{{or 0 .Unknown}}', '<no value>', null, true],
  ['boolean if', '{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}', 'TRUE', T, true],
  ['boolean if not', '{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}', 'FALSE', null, true],
  ['boolean if pipe', '{{if true | not | and 1}}TRUE{{else}}FALSE{{end}}', 'FALSE', null, true],
  ['slice[0]', '{{index .SI 0}}', '3', T, true],
  ['slice[1]', '{{index .SI 1}}', '4', T, true],
  ['slice[HUGE]', '{{index .SI 10}}', '', T, false],
  ['slice[WRONG]', '{{index .SI `hello`}}', '', T, false],
  ['slice[nil]', '{{index .SI nil}}', '', T, false],
  ['map[one]', '{{index .MSI `one`}}', '1', T, true],
  ['map[two]', '{{index .MSI `two`}}', '2', T, true],
  ['map[NO]', '{{index .MSI `XXX`}}', '<no value>', T, true], // Go: "0", the zero of map[string]int; a map[string]interface{} gives nil
  ['map[nil]', '{{index .MSI nil}}', '', T, false],
  ['map[``]', '{{index .MSI ``}}', '<no value>', T, true], // as map[NO]
  ['map[WRONG]', '{{index .MSI 10}}', '', T, false],
  ['double index', '{{index .SMSI 1 `eleven`}}', '11', T, true],
  ['nil[1]', '{{index nil 1}}', '', T, false],
  ['index of an interface field', '{{index .Empty3 0}}', '7', T, true],
  ['slice[:]', '{{slice .SI}}', '[3 4 5]', T, true],
  ['slice[1:]', '{{slice .SI 1}}', '[4 5]', T, true],
  ['slice[1:2]', '{{slice .SI 1 2}}', '[4]', T, true],
  ['slice[-1:]', '{{slice .SI -1}}', '', T, false],
  ['slice[1:-2]', '{{slice .SI 1 -2}}', '', T, false],
  ['slice[1:2:-1]', '{{slice .SI 1 2 -1}}', '', T, false],
  ['slice[2:1]', '{{slice .SI 2 1}}', '', T, false],
  ['slice[2:2:1]', '{{slice .SI 2 2 1}}', '', T, false],
  ['out of range', '{{slice .SI 4 5}}', '', T, false],
  ['out of range', '{{slice .SI 2 2 5}}', '', T, false],
  ['array[:]', '{{slice .AI}}', '[3 4 5]', T, true],
  ['array[1:]', '{{slice .AI 1}}', '[4 5]', T, true],
  ['array[1:2]', '{{slice .AI 1 2}}', '[4]', T, true],
  ['string[:]', '{{slice .S}}', 'xyz', T, true],
  ['string[0:1]', '{{slice .S 0 1}}', 'x', T, true],
  ['string[1:]', '{{slice .S 1}}', 'yz', T, true],
  ['string[1:2]', '{{slice .S 1 2}}', 'y', T, true],
  ['out of range', '{{slice .S 1 5}}', '', T, false],
  ['3-index slice of string', '{{slice .S 1 2 2}}', '', T, false],
  ['slice of an interface field', '{{slice .Empty3 0 1}}', '[7]', T, true],
  ['slice', '{{len .SI}}', '3', T, true],
  ['map', '{{len .MSI }}', '3', T, true],
  ['len of int', '{{len 3}}', '', T, false],
  ['len of nothing', '{{len .Empty0}}', '', T, false],
  ['len of an interface field', '{{len .Empty3}}', '2', T, true],
  ['with true', '{{with true}}{{.}}{{end}}', 'true', T, true],
  ['with false', '{{with false}}{{.}}{{else}}FALSE{{end}}', 'FALSE', T, true],
  ['with 1', '{{with 1}}{{.}}{{else}}ZERO{{end}}', '1', T, true],
  ['with 0', '{{with 0}}{{.}}{{else}}ZERO{{end}}', 'ZERO', T, true],
  ['with 1.5', '{{with 1.5}}{{.}}{{else}}ZERO{{end}}', '1.5', T, true],
  ['with 0.0', '{{with .FloatZero}}{{.}}{{else}}ZERO{{end}}', 'ZERO', T, true],
  ['with emptystring', '{{with ``}}{{.}}{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['with string', '{{with `notempty`}}{{.}}{{else}}EMPTY{{end}}', 'notempty', T, true],
  ['with emptyslice', '{{with .SIEmpty}}{{.}}{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['with slice', '{{with .SI}}{{.}}{{else}}EMPTY{{end}}', '[3 4 5]', T, true],
  ['with emptymap', '{{with .MSIEmpty}}{{.}}{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['with map', '{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}', 'map[one:1]', T, true],
  ['with empty interface, struct field', '{{with .Empty4}}{{.V}}{{end}}', 'UinEmpty', T, true],
  ['with $x int', '{{with $x := .I}}{{$x}}{{end}}', '17', T, true],
  ['with $x struct.U.V', '{{with $x := $}}{{$x.U.V}}{{end}}', 'v', T, true],
  ['with variable and action', '{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}', 'v', T, true],
  ['with else with', '{{with 0}}{{.}}{{else with true}}{{.}}{{end}}', 'true', T, true],
  ['with else with chain', '{{with 0}}{{.}}{{else with false}}{{.}}{{else with `notempty`}}{{.}}{{end}}', 'notempty', T, true],
  ['range []int', '{{range .SI}}-{{.}}-{{end}}', '-3--4--5-', T, true],
  ['range empty no else', '{{range .SIEmpty}}-{{.}}-{{end}}', '', T, true],
  ['range []int else', '{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}', '-3--4--5-', T, true],
  ['range empty else', '{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['range []int break else', '{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}', '-3-', T, true],
  ['range []int continue else', '{{range .SI}}-{{.}}-{{continue}}NOTREACHED{{else}}EMPTY{{end}}', '-3--4--5-', T, true],
  ['range []bool', '{{range .SB}}-{{.}}-{{end}}', '-true--false-', T, true],
  ['range map', '{{range .MSI}}-{{.}}-{{end}}', '-1--3--2-', T, true],
  ['range empty map no else', '{{range .MSIEmpty}}-{{.}}-{{end}}', '', T, true],
  ['range map else', '{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}', '-1--3--2-', T, true],
  ['range empty map else', '{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}', 'EMPTY', T, true],
  ['range empty interface', '{{range .Empty3}}-{{.}}-{{else}}EMPTY{{end}}', '-7--8-', T, true],
  ['range empty nil', '{{range .Empty0}}-{{.}}-{{end}}', '', T, true],
  ['range $x SI', '{{range $x := .SI}}<{{$x}}>{{end}}', '<3><4><5>', T, true],
  ['range $x $y SI', '{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}', '<0=3><1=4><2=5>', T, true],
  ['range $x MSIone', '{{range $x := .MSIone}}<{{$x}}>{{end}}', '<1>', T, true],
  ['range $x $y MSIone', '{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}', '<one=1>', T, true],
  ['range $x PSI', '{{range $x := .PSI}}<{{$x}}>{{end}}', '<21><22><23>', T, true],
  ['declare in range', '{{range $x := .PSI}}<{{$foo:=$x}}{{$x}}>{{end}}', '<21><22><23>', T, true],
  ['range int', '{{range $v := .}}{{printf "%d" $v}}{{end}}', '01234', 5n, true], // Go prints %T%d: int0int1...
  ['range uintptr(0)', '{{range $v := .}}{{print $v}}{{else}}empty{{end}}', 'empty', 0n, true],
  ['or as if true', '{{or .SI "slice is empty"}}', '[3 4 5]', T, true],
  ['or as if false', '{{or .SIEmpty "slice is empty"}}', 'slice is empty', T, true],
  ['decimal', '{{print 1234}}', '1234', T, true],
  ['decimal _', '{{print 12_34}}', '1234', T, true],
  ['binary', '{{print 0b101}}', '5', T, true],
  ['binary _', '{{print 0b_1_0_1}}', '5', T, true],
  ['BINARY', '{{print 0B101}}', '5', T, true],
  ['octal0', '{{print 0377}}', '255', T, true],
  ['octal', '{{print 0o377}}', '255', T, true],
  ['octal _', '{{print 0o_3_7_7}}', '255', T, true],
  ['OCTAL', '{{print 0O377}}', '255', T, true],
  ['hex', '{{print 0x123}}', '291', T, true],
  ['hex _', '{{print 0x1_23}}', '291', T, true],
  ['HEX', '{{print 0X123ABC}}', '1194684', T, true],
  ['float', '{{print 123.4}}', '123.4', T, true],
  ['float _', '{{print 0_0_1_2_3.4}}', '123.4', T, true],
  ['hex float', '{{print +0x1.ep+2}}', '7.5', T, true],
  ['hex float _', '{{print +0x_1.e_0p+0_2}}', '7.5', T, true],
  ['HEX float', '{{print +0X1.EP+2}}', '7.5', T, true],
  ['print multi', '{{print 1_2_3_4 7.5_00_00_00}}', '1234 7.5', T, true],
  ['print multi2', '{{print 1234 0x0_1.e_0p+02}}', '1234 7.5', T, true],
  ['bug7a', '{{3 2}}', '', T, false],
  ['bug7b', '{{$x := 1}}{{$x 2}}', '', T, false],
  ['bug7c', '{{$x := 1}}{{3 | $x}}', '', T, false],
  ['bug8a', '{{3|oneArg}}', '', T, false],
  ['bug8b', '{{4|dddArg 3}}', '', T, false],
  ['bug9', '{{.cause}}', 'neglect', { cause: 'neglect' }, true],
  ['bug10', '{{mapOfThree.three}}-{{(mapOfThree).three}}', '3-3', 0n, true],
  ['bug14a', '{{(nil).True}}', '', T, false],
  ['bug14b', '{{$x := nil}}{{$x.anything}}', '', T, false],
  ['bug14c', '{{$x := (1.0)}}{{$y := ("hello")}}{{$x.anything}}{{$y.true}}', '', T, false],
  ['bug15', '{{valueString returnInt}}', '', T, false],
  ['bug16a', '{{true|printf}}', '', T, false],
  ['bug16b', '{{1|printf}}', '', T, false],
  ['bug16c', '{{1.1|printf}}', '', T, false],
  ['bug16d', "{{'x'|printf}}", '', T, false],
  ['bug16f', '{{true|twoArgs "xxx"}}', '', T, false],
  ['bug16g', '{{"aaa" |twoArgs "bbb"}}', 'twoArgs=bbbaaa', T, true],
  ['bug16h', '{{1|oneArg}}', '', T, false],
  ['bug16i', '{{"aaa"|oneArg}}', 'oneArg=aaa', T, true],
  ['bug16k', '{{"aaa"|printf }}', 'aaa', T, true],
  ['bug18a', "{{eq . '.'}}", 'true', 46n, true],
  ['bug18b', "{{eq . 'e'}}", 'true', 101n, true],
  ['bug18c', "{{eq . 'P'}}", 'true', 80n, true],
  ['issue56490', '{{$i := 0}}{{$x := 0}}{{range $i = .AI}}{{end}}{{$i}}', '5', T, true],
  ['issue60801', '{{$k := 0}}{{$v := 0}}{{range $k, $v = .AI}}{{$k}}={{$v}} {{end}}', '0=3 1=4 2=5 ', T, true],
];

/** execTests cases left out, each with why: they need Go types a JSON document cannot hold. */
const SKIPPED: Record<string, string> = {
  'ideal int/float/complex (typeOf)': 'Go int and int64 are one integer type here, so %T of a literal differs',
  '.unexported, map .WRONG type': 'struct fields and map[int]int keys do not exist in JSON data',
  'dot uint/complex/struct': 'no unsigned, complex or struct values in JSON data',
  'V/W String() and Error(), Str, Err, bug5*, bug6*, Interface Call': 'methods (Stringer/error) on data values',
  '*int, NIL, if nonNilPointer/nilPointer/UPI': 'pointers',
  'Method*, method on var/chained/nil/typed nil, pipeline (methods), bug0-bug3, bug13, bug17*, error method': 'methods on data values',
  'call .BinaryFunc/.VariadicFunc/.NilOKFunc/.ErrFunc, nil pipeline/call arg': 'function-valued data fields',
  'if 1.5i/0.0i, printf complex/lots, with 1.5i/0.0i, bug16e, bug16j': 'complex numbers',
  'slice .SICap, indexes > cap(s)': 'slice capacity beyond length',
  'map MI64S/MI32S/MUI64S/MI8S/MUI8S': 'maps with integer keys',
  'range count, range iter.Seq*, range []int method': 'channels, iterator functions and methods',
  'range int8..uintptr (%T)': 'sized integer types',
  'bug11, bug12*': 'pointer fields and %T of hex literals',
};

describe('TestExecute (execTests)', () => {
  test.each(execTests)('%s: %s', (_name, input, output, data, ok) => {
    if (ok) {
      expect(run(input, data)).toBe(output);
    } else {
      expect(() => run(input, data)).toThrow(/^template: test:/);
    }
  });

  test('skipped cases are listed with their reason', () => {
    for (const [cases, why] of Object.entries(SKIPPED)) {
      console.log(`exec_test.go execTests not ported: ${cases} — ${why}`);
    }
    expect(Object.keys(SKIPPED).length).toBeGreaterThan(0);
  });
});

// [expr, truth, ok]
const cmpTests: [string, string, boolean][] = [
  ['eq true true', 'true', true],
  ['eq true false', 'false', true],
  ['eq 1.5 1.5', 'true', true],
  ['eq 1.5 2.5', 'false', true],
  ['eq 1 1', 'true', true],
  ['eq 1 2', 'false', true],
  ['eq `xy` `xy`', 'true', true],
  ['eq `xy` `xyz`', 'false', true],
  ['eq 3 4 5 6 3', 'true', true],
  ['eq 3 4 5 6 7', 'false', true],
  ['ne true true', 'false', true],
  ['ne true false', 'true', true],
  ['ne 1.5 1.5', 'false', true],
  ['ne 1.5 2.5', 'true', true],
  ['ne 1 1', 'false', true],
  ['ne 1 2', 'true', true],
  ['ne `xy` `xy`', 'false', true],
  ['ne `xy` `xyz`', 'true', true],
  ['lt 1.5 1.5', 'false', true],
  ['lt 1.5 2.5', 'true', true],
  ['lt 1 1', 'false', true],
  ['lt 1 2', 'true', true],
  ['lt `xy` `xy`', 'false', true],
  ['lt `xy` `xyz`', 'true', true],
  ['le 1.5 1.5', 'true', true],
  ['le 1.5 2.5', 'true', true],
  ['le 2.5 1.5', 'false', true],
  ['le 1 1', 'true', true],
  ['le 1 2', 'true', true],
  ['le 2 1', 'false', true],
  ['le `xy` `xy`', 'true', true],
  ['le `xy` `xyz`', 'true', true],
  ['le `xyz` `xy`', 'false', true],
  ['gt 1.5 1.5', 'false', true],
  ['gt 1.5 2.5', 'false', true],
  ['gt 1 1', 'false', true],
  ['gt 2 1', 'true', true],
  ['gt 1 2', 'false', true],
  ['gt `xy` `xy`', 'false', true],
  ['gt `xy` `xyz`', 'false', true],
  ['ge 1.5 1.5', 'true', true],
  ['ge 1.5 2.5', 'false', true],
  ['ge 2.5 1.5', 'true', true],
  ['ge 1 1', 'true', true],
  ['ge 1 2', 'false', true],
  ['ge 2 1', 'true', true],
  ['ge `xy` `xy`', 'true', true],
  ['ge `xy` `xyz`', 'false', true],
  ['ge `xyz` `xy`', 'true', true],
  ['eq .NegOne .Three', 'false', true],
  ['lt .NegOne .Three', 'true', true],
  ["eq (index `x` 0) 'x'", 'true', true],
  ["eq (index `x` 0) 'y'", 'false', true],
  ['eq .NilIface .NilIface', 'true', true],
  ['eq .NilIface 0', 'false', true],
  ['eq 0 .NilIface', 'false', true],
  ['eq .Map nil', 'false', true], // Go's .Map is a nil map[int]int; a JSON map is never a nil map
  ['eq `xy` 1', '', false],
  ['eq 2 2.0', '', false],
  ['lt true true', '', false],
  ['eq .NonNilMap .NonNilMap', '', false],
];

describe('TestComparison (cmpTests)', () => {
  const data: TV = { NegOne: -1n, Three: 3n, NilIface: null, Map: {}, NonNilMap: {} };
  test.each(cmpTests)('%s', (expr, truth, ok) => {
    const text = `{{if ${expr}}}true{{else}}false{{end}}`;
    if (ok) expect(run(text, data, 'empty')).toBe(truth);
    else expect(() => run(text, data, 'empty')).toThrow(/error calling/);
  });
  test('left out: unsigned, complex, pointer and Stringer operands (.Uthree, 1+2i, .Ptr, .V1, .Iface1) have no JSON form', () => {
    expect(cmpTests.length).toBeGreaterThan(50);
  });
});

describe('error texts', () => {
  test('TestExecError: nested template error names the innermost template and node', () => {
    const text = 'line 1\nline 2\nline 3\n{{template "one" .}}\n{{define "one"}}{{template "two" .}}{{end}}\n{{define "two"}}{{template "three" .}}{{end}}\n{{define "three"}}{{index "hi" $}}{{end}}';
    expect(() => Template.create('top').parse(text).execute(5n)).toThrow(
      'template: top:7:20: executing "three" at <index "hi" $>: error calling index: index out of range: 5',
    );
  });
  test('TestMessageForExecuteEmpty', () => {
    expect(() => Template.create('empty').execute(0n)).toThrow('template: empty: "empty" is an incomplete or empty template');
  });
  test('TestExecuteGivesExecError: field on an int', () => {
    expect(() => Template.create('X').parse('hello, {{.X.Y}}').execute(0n)).toThrow(/can't evaluate field X in type int64/);
  });
  test('TestMaxExecDepth', () => {
    expect(() => Template.create('tmpl').parse('{{template "tmpl" .}}').execute(null)).toThrow(/exceeded maximum template depth/);
  });
});

describe('TestMissingMapKey', () => {
  const data: TV = { x: 99n };
  test('default prints <no value>', () => {
    expect(Template.create('t1').parse('{{.x}} {{.y}}').execute(data)).toBe('99 <no value>');
    expect(Template.create('t1').option('missingkey=default').parse('{{.x}} {{.y}}').execute(data)).toBe('99 <no value>');
  });
  test('zero: the zero of interface{} still prints <no value> (Go: "99 0" for map[string]int)', () => {
    expect(Template.create('t1').option('missingkey=zero').parse('{{.x}} {{.y}}').execute(data)).toBe('99 <no value>');
  });
  test('error fails, also on nil data', () => {
    const t = Template.create('t1').option('missingkey=error').parse('{{.x}} {{.y}}');
    expect(() => t.execute(data)).toThrow('template: t1:1:9: executing "t1" at <.y>: map has no entry for key "y"');
    expect(() => t.execute(undefined)).toThrow(/nil data; no entry for key "x"/);
  });
  test('an unknown option is Go\'s panic text', () => {
    expect(() => Template.create('t').option('missingkey=bogus')).toThrow('unrecognized option: missingkey=bogus');
  });
});

describe('TestBlock, TestTree, TestDelims', () => {
  test('block defines a template an overlay can redefine', () => {
    const t = Template.create('outer').parse('a({{block "inner" .}}bar({{.}})baz{{end}})b');
    expect(t.execute('hello')).toBe('a(bar(hello)baz)b');
    t.parse('{{define "inner"}}foo({{.}})bar{{end}}');
    expect(t.execute('goodbye')).toBe('a(foo(goodbye)bar)b');
  });
  test('recursive template with custom delimiters and trim markers', () => {
    const treeTemplate = `
	(- define "tree" -)
	[
		(- .Val -)
		(- with .Left -)
			(template "tree" . -)
		(- end -)
		(- with .Right -)
			(- template "tree" . -)
		(- end -)
	]
	(- end -)
`;
    const node = (val: number, left?: TV, right?: TV): TV => ({ Val: BigInt(val), Left: left ?? null, Right: right ?? null });
    const tree = node(1, node(2, node(3, node(4)), node(5, node(6))), node(7, node(8, node(9)), node(10, node(11))));
    const t = Template.create('root').delims('(', ')').parse(treeTemplate);
    expect(t.lookup('tree')!.execute(tree)).toBe('[1[2[3[4]][5[6]]][7[8[9]][10[11]]]]');
    expect(t.executeTemplate('tree', tree)).toBe('[1[2[3[4]][5[6]]][7[8[9]][10[11]]]]');
  });
  test.each([
    ['', ''], ['{{', '}}'], ['<<', '>>'], ['|', '|'], ['(日)', '(本)'],
  ])('delimiters %j %j', (left, right) => {
    const l = left || '{{';
    const r = right || '}}';
    const text = `${l}.Str${r}${l}/*comment*/${r}${l}"${l}"${r}`;
    expect(Template.create('delims').delims(left, right).parse(text).execute({ Str: 'Hello, world' })).toBe('Hello, world' + l);
  });
});

describe('TestJSEscaping', () => {
  test.each([
    ['a', 'a'],
    ["'foo", "\\'foo"],
    ['Go "jump" \\', 'Go \\"jump\\" \\\\'],
    ['Yukihiro says "今日は世界"', 'Yukihiro says \\"今日は世界\\"'],
    ['unprintable \uFFFE', 'unprintable \\uFFFE'],
    ['<html>', '\\u003Chtml\\u003E'],
    ['no = in attributes', 'no \\u003D in attributes'],
    ['&#x27; does not become HTML entity', '\\u0026#x27; does not become HTML entity'],
  ])('%s', (input, want) => {
    expect(jsEscapeString(input)).toBe(want);
  });
});
