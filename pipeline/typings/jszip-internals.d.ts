/** The two JSZip modules render/zip-deflate.ts uses: what JSZip makes of an entry it reads compressed from a zip. */
declare module 'jszip/lib/compressions.js' {
  const compressions: { STORE: { magic: string }; DEFLATE: { magic: string } }
  export default compressions
}

declare module 'jszip/lib/compressedObject.js' {
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: { magic: string }, data: Uint8Array)
  }
}
