/** A translation file that cannot be imported: one line, `file:line:column: reason`. */
export class ExchangeError extends Error {
  constructor(readonly reason: string, readonly file: string, readonly line = 1, readonly column = 1) {
    super(`${file}:${line}:${column}: ${reason}`)
    this.name = 'ExchangeError'
  }
}
