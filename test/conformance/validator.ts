import type { Format } from '../../pipeline/types.ts'

export interface Finding {
  severity: 'error' | 'warning'
  message: string
}

/** One public validator, run on every edition of the formats it knows. */
export interface Validator {
  name: string
  formats: readonly Format[]
  /** Throws MissingTool when the validator's program is not installed. */
  check: () => void | Promise<void>
  validate: (file: string) => Promise<Finding[]>
  /** Release what the validator holds (a browser). */
  close?: () => Promise<void>
}
