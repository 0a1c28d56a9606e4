/**
 * An operating-system error as one line a person can act on: what could not
 * be done to which file, why in words, and what to do. Node.js's own message
 * (`ENOSPC: no space left on device, write`) names neither the file nor the
 * fix, and sometimes not even the path.
 */
import { constants, existsSync } from 'node:fs'
import { access, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { pathInside } from '../inside.ts'

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full (ENOSPC): free some space, or build into another folder with --out',
  EDQUOT: 'the disk quota is used up (EDQUOT): free some space, or build into another folder with --out',
  EROFS: 'the file system is read-only (EROFS): build into a writable folder with --out',
  EACCES: 'permission denied (EACCES): make it writable for this user, or choose another folder with --out',
  EPERM: 'operation not permitted (EPERM): make it writable for this user, or choose another folder with --out',
  ENOENT: 'it or a folder on its path does not exist (ENOENT): check the path',
  EISDIR: 'a folder is in the way (EISDIR): move or rename that folder',
  EEXIST: 'a file is in the way (EEXIST): move or rename that file',
  ENOTDIR: 'a file is in the way where a folder should be (ENOTDIR): move or rename that file',
  EMFILE: 'too many open files (EMFILE): raise the limit (ulimit -n) or close other programs',
  EIO: 'an input/output error (EIO): the disk or its connection is failing',
  EBUSY: 'it is busy (EBUSY): close the program that holds it'
}

/** A file-system failure, already in words; `code` stays for callers that decide on it. */
export class FileSystemError extends Error {
  override name = 'FileSystemError'
  constructor(message: string, readonly code: string, readonly path: string) {
    super(message)
  }
}

export function isOsError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!)
}

/** `error` in one line about `file` (`doing`: write, create, read, remove…); anything else is returned as it is. */
export function describeOsError(error: unknown, file: string, doing: string): unknown {
  if (error instanceof FileSystemError || !isOsError(error)) return error
  const why = WHY[error.code] ?? `${error.code}: ${error.message.replace(/^E[A-Z]+: /, '')}`
  return new FileSystemError(`Cannot ${doing} ${shown(file)}: ${why}`, error.code, file)
}

/** Paths as the person typed them: relative to where the command runs, unless that climbs out. */
export function shown(file: string): string {
  return pathInside(process.cwd(), file) || file
}

const VERBS: Record<string, string> = { open: 'open', read: 'read', write: 'write', mkdir: 'create', rename: 'write', unlink: 'remove', rmdir: 'remove', stat: 'read', lstat: 'read', scandir: 'read', link: 'write', copyfile: 'write' }

/**
 * Whatever failed, as the one line a person reads: an error some code
 * already put in words as it is; a raw Node.js error by the path and system
 * call it carries; the first error when a second one was suppressed while
 * cleaning up (the first is the cause).
 */
export function plainError(error: unknown): unknown {
  let current = error
  while (current instanceof Error && current.name === 'SuppressedError' && 'suppressed' in current) current = (current as Error & { suppressed: unknown }).suppressed
  if (isOsError(current) && !(current instanceof FileSystemError) && typeof current.path === 'string') {
    return describeOsError(current, current.path, VERBS[current.syscall ?? ''] ?? 'use')
  }
  return current
}

/**
 * Create a folder (and its parents), with one line when it cannot be: Node.js
 * reports a read-only or unwritable parent of a new path as ENOENT, so the
 * nearest existing folder is asked why.
 */
export async function createFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
  } catch (error) {
    if (isOsError(error) && error.code === 'ENOENT') {
      let existing = path.dirname(dir)
      while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing)
      const denied = await access(existing, constants.W_OK).then(() => undefined, (reason: unknown) => reason)
      if (denied) throw describeOsError(denied, dir, 'create')
    }
    throw describeOsError(error, dir, 'create')
  }
}
