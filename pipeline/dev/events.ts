/**
 * Server-sent events for open preview pages: `hello` (which server run),
 * `problems` (files that cannot be read), `change` (pages to fetch again)
 * and `formats` (EPUB and PDF progress). Each client says which page it
 * shows, so editions someone is looking at can be rendered first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface EventHub {
  connect(request: IncomingMessage, response: ServerResponse): void
  send(event: string, data: unknown): void
  /** URL paths of the pages open right now. */
  viewed(): Set<string>
  close(): void
}

const HEARTBEAT_MS = 15_000

export function createEventHub(boot: string): EventHub {
  const clients = new Map<ServerResponse, string>()
  let problems: unknown[] = []
  const write = (response: ServerResponse, event: string, data: unknown) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  // Comments keep idle connections open through anything that times them out.
  const heartbeat = setInterval(() => { for (const response of clients.keys()) response.write(': ping\n\n') }, HEARTBEAT_MS)
  heartbeat.unref()
  return {
    connect(request, response) {
      const page = new URL(request.url ?? '/', 'http://localhost').searchParams.get('page') ?? ''
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      response.write('retry: 1000\n\n')
      write(response, 'hello', { boot })
      write(response, 'problems', problems)
      clients.set(response, page)
      request.on('close', () => clients.delete(response))
    },
    send(event, data) {
      // The latest problems also go to every client that connects later.
      if (event === 'problems') problems = data as unknown[]
      for (const response of clients.keys()) write(response, event, data)
    },
    viewed: () => new Set(clients.values()),
    close() {
      clearInterval(heartbeat)
      for (const response of clients.keys()) response.end()
      clients.clear()
    }
  }
}
