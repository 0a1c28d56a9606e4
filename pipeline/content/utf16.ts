/**
 * UTF-16 units, for the passes that walk a long text a unit at a time instead
 * of making a string per character (a book is half a million characters).
 */

/** Whether a unit is half of a surrogate pair (or a lone one). */
export const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff

export const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff

/** Whether `text` has a whole surrogate pair (one astral character) at `index`. */
export function isPairAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index)
  return unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1))
}
