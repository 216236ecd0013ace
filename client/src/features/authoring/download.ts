/**
 * Saves text as a file through a Blob URL. CSV gets a byte-order mark so Excel reads it as
 * UTF-8; other formats are saved exactly as the API gave them, so they re-import unchanged.
 */
export function saveFile(content: string, fileName: string, mediaType: string): void {
  const parts = mediaType.startsWith('text/csv') ? ['\uFEFF', content] : [content];
  const url = URL.createObjectURL(new Blob(parts, { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: revoking at once can cancel the download before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A data: URL holding text, for a download link that needs no script once rendered. */
export const textDataUrl = (content: string, mediaType: string) => `data:${mediaType};charset=utf-8,${encodeURIComponent(content)}`;
