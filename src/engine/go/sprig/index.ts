/** Sprig v3 template functions, as function-go-templating registers them. */
export { sprigFunctions } from './functions';
export { toInt64, toFloat64, strval } from './cast';
export { jsonMarshal } from './encoding';
