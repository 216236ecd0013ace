/** Saves what the page made (an image, a file's text) through a Blob URL, as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; revoking at once can cancel it before it starts,
  // and a minute is ample for slow disks.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves text as a file. CSV gets a byte-order mark so Excel reads it as UTF-8; other formats are
 * saved exactly as the API gave them, so they re-import unchanged.
 */
export function saveFile(content: string, fileName: string, mediaType: string): void {
  const parts = mediaType.startsWith('text/csv') ? ['\uFEFF', content] : [content];
  saveBlob(new Blob(parts, { type: `${mediaType};charset=utf-8` }), fileName);
}

/** Part of a file name from an id or title: lower-case letters and digits joined by hyphens. */
export const fileNamePart = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** A data: URL holding text, for a download link that needs no script once rendered. */
export const textDataUrl = (content: string, mediaType: string) => `data:${mediaType};charset=utf-8,${encodeURIComponent(content)}`;
