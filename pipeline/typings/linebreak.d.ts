/** Types for npm `linebreak` (UAX #14), which ships none. */
declare module 'linebreak' {
  export interface Break {
    /** Index in the string where the next line may start. */
    position: number
    /** A forced break (after a newline or paragraph separator). */
    required: boolean
  }
  export default class LineBreaker {
    constructor(text: string)
    nextBreak(): Break | null
  }
}
