// deflate-raw through the browser's CompressionStream: compact share links
// (`z1.` payloads, docs/scenario-format.md) at no cost to the wasm.

async function collect(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A small link must not inflate into megabytes: stop at the limit.
    if (total > limit) {
      await reader.cancel();
      throw new RangeError("inflated past the limit");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Compresses bytes (deflate-raw). */
export function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return collect(stream, Infinity);
}

/** Inflates deflate-raw bytes; rejects damaged data and output over `limit` bytes. */
export function inflate(bytes, limit) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return collect(stream, limit);
}
