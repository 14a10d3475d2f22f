// file:// URIs <-> paths without pulling in a URI library.
import * as path from 'path';

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  let p = decodeURIComponent(uri.slice('file://'.length));
  if (/^\/[a-zA-Z]:/.test(p)) p = p.slice(1);
  return path.normalize(p);
}

export function pathToUri(p: string): string {
  const normalized = p.replace(/\\/g, '/');
  return 'file://' + (normalized.startsWith('/') ? '' : '/') + normalized.split('/').map(encodeURIComponent).join('/');
}
