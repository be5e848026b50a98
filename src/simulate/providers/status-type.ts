/**
 * The key under which a generated status module (`imports/<group>.status.ts`) attaches a kind's
 * status type to the kind's L1 props interface, for {@link ProviderRule.for} to read. A symbol,
 * so that it never appears among the props' field names; declared only (a type-level key, with
 * no run-time value: generated code never reads or writes it).
 */
export declare const STATUS_TYPE: unique symbol;
