/**
 * The request body, read up to a cap however it is sent: a Content-Length over the cap is refused
 * before anything is read, and a body without one (chunked) is counted as it arrives and refused
 * the moment it passes the cap, so no client can make the server hold more than `max` bytes.
 */
export async function readBodyUpTo(request: Request, max: number): Promise<Request | { tooLarge: number }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > max) return { tooLarge: declared };
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > max) {
      await reader.cancel();
      return { tooLarge: received };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}
