// The shape of a decimal string, on its own so that code which only checks it (the
// formatters) does not load decimal.js with src/_lib/numeric.ts.

/** A decimal string: optional sign, digits with an optional fraction, optional exponent. */
export const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
