import type { Request } from 'restify';
import { AppError } from '../domain/errors.js';

/**
 * The raw bytes of an upload on a path the server left unparsed (createHttpServer's uploadPaths): bytes, not text,
 * so a Shift_JIS file arrives as written. Refuses more than maxBytes without reading the rest into memory.
 */
export async function readUpload(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.header('content-length') ?? '0');
  const tooLarge = () =>
    new AppError('invalid-input', {
      detail: `upload over ${maxBytes} bytes`,
      userMessage: { ja: `ファイルが大きすぎます(${Math.round(maxBytes / 1024 / 1024)} MB まで)。`, en: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` },
    });
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    // Past the limit the rest is drained, not kept, so the refusal can still be answered.
    if (received <= maxBytes) chunks.push(chunk);
  }
  if (received > maxBytes) throw tooLarge();
  return new Uint8Array(Buffer.concat(chunks));
}
