export function libraryOfMarker(line: string): string | undefined
export function bundleMarkers(bundle: string): Array<[number, string]>
