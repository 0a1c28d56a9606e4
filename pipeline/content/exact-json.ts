/**
 * JSON text of a value only when JSON.parse gives back a value that
 * isDeepStrictEqual finds equal to it: one pass of JSON.stringify with a
 * replacer that notes anything JSON drops or changes, instead of stringify,
 * parse and a deep comparison (for the book's parsed tree, 12 ms of CPU
 * instead of 54 on Node.js 20).
 */
export function exactJson(value: unknown): string | undefined {
  let exact = true
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key: string, kept: unknown) {
    // An object with toJSON (a Date) arrives here as what toJSON gave.
    if (!exact || this[key] !== kept) {
      exact = false
      return undefined
    }
    switch (typeof kept) {
      case 'string':
      case 'boolean':
        return kept
      case 'number':
        // NaN and the infinities become null, -0 becomes 0.
        if (!Number.isFinite(kept) || Object.is(kept, -0)) exact = false
        return kept
      case 'object':
        if (kept !== null && !plainJson(kept)) exact = false
        return kept
      default:
        // undefined (an array's hole too), functions, symbols, bigints.
        exact = false
        return undefined
    }
  })
  return exact ? json : undefined
}

/**
 * An array with only its elements, or an object of Object's prototype, with
 * no symbol keys: JSON.parse makes the same (an instance of a class, a
 * null-prototype object, an array's other properties would not come back).
 */
function plainJson(value: object): boolean {
  if (Object.getOwnPropertySymbols(value).length > 0) return false
  const prototype = Object.getPrototypeOf(value)
  if (prototype === Array.prototype) return Object.keys(value).length === (value as unknown[]).length
  return prototype === Object.prototype
}
