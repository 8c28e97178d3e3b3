/**
 * The lines of a stream and their numbers. Only LF ends a line, and a CR before it goes with it
 * (CRLF): JSON counts a bare CR as the space between two fields (`{"id": "a",\r"text": …}`), which
 * readline took for a line break, cutting one document into two nameless error records. Split as
 * bytes (an LF byte is never inside a UTF-8 character), each line decoded whole.
 */
export async function* lines(input: AsyncIterable<Buffer | string>): AsyncGenerator<[string, number]> {
  let n = 0;
  let pending: Buffer[] = [];
  const line = (parts: Buffer[]): [string, number] => {
    const text = Buffer.concat(parts).toString('utf8');
    return [text.endsWith('\r') ? text.slice(0, -1) : text, ++n];
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, from)) {
      pending.push(bytes.subarray(from, at));
      const [text, number] = line(pending);
      pending = [];
      if (text.trim()) yield [text, number];
      from = at + 1;
    }
    if (from < bytes.length) pending.push(bytes.subarray(from));
  }
  if (pending.length) {
    const [text, number] = line(pending);
    if (text.trim()) yield [text, number];
  }
}
