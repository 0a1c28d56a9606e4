/**
 * The preview's HTTP server: node:http on 127.0.0.1 only, serving the
 * preview folder (the same paths as output/) and `/__events`. A request can
 * never reach a file outside that folder.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { isWithin } from '../inside.ts'
import type { EventHub } from './events.ts'

export const HOST = '127.0.0.1'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.epub': 'application/epub+zip',
  '.pdf': 'application/pdf',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg'
}

export interface PreviewServer {
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

/** Listen on `port`, or on a free port when it is taken. */
export async function startServer(root: string, hub: EventHub, port: number, isCurrent: (pathname: string) => boolean = () => true): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    handle(root, hub, request, response, isCurrent).catch(() => send(response, 500, 'Internal error'))
  })
  await listen(server, port).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error
    await listen(server, 0)
  })
  const actual = (server.address() as AddressInfo).port
  return {
    server,
    port: actual,
    url: `http://${HOST}:${actual}/`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

async function handle(root: string, hub: EventHub, request: IncomingMessage, response: ServerResponse, isCurrent: (pathname: string) => boolean): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed')
  // Another site in the browser must not read the preview by pointing a host name at 127.0.0.1.
  const host = request.headers.host ?? ''
  if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return send(response, 403, 'Forbidden host')
  const pathname = (request.url ?? '/').split('?')[0]!
  if (pathname === '/__events') return hub.connect(request, response)
  // A page of a document or language the sources no longer have may still be on disk: it is gone all the same.
  if (!isCurrent(pathname)) return send(response, 404, `Not found: ${pathname} (its document or language is no longer in content/ or locales/)`)
  const file = await fileInside(root, pathname)
  if (!file) return send(response, 404, `Not found: ${pathname} (EPUB and PDF appear shortly after the HTML)`)
  response.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  if (request.method === 'HEAD') return void response.end()
  createReadStream(file).on('error', () => response.destroy()).pipe(response)
}

/** The regular file a URL path names inside `root`, or undefined: no `..`, no hidden files, no links out. */
export async function fileInside(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const parts = decoded.split('/').filter(Boolean)
  if (parts.some((part) => part.startsWith('.'))) return undefined
  if (decoded.endsWith('/') || parts.length === 0) parts.push('index.html')
  const file = path.join(root, ...parts)
  try {
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)])
    if (!isWithin(realRoot, real)) return undefined
    return (await stat(real)).isFile() ? real : undefined
  } catch {
    return undefined
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end()
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(text + '\n')
}
