/** Go `text/template` for JSON-like data: parse, execute, builtins and Go's error texts. */
export { Template, FuncMap, TemplateExecError, TemplateParseError } from './template';
export type { OutputWatcher } from './template';
export { GoFunc, GoError, MaybeTV, ParamType, TV, isMap, typeName, fmtSprint, fmtSprintf, fmtValue, STRING_SLICES, BYTE_SLICES, GO_STRUCTS, GoStructField, GoStructType } from './value';
export { htmlEscapeString, jsEscapeString, queryEscape } from './builtins';
