/**
 * The text of an uncompressed PDF written by pdfkit with its built-in fonts: each `TJ` array's
 * hex strings, decoded as WinAnsi (Latin-1 but for a few typographic marks), one line per `TJ`.
 */
const winAnsiExtras: Record<number, string> = {
  128: '€',
  133: '…',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  150: '–',
  151: '—',
};

export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const parts = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => {
      const bytes = Buffer.from(hex[1] ?? '', 'hex');
      return [...bytes].map((byte) => winAnsiExtras[byte] ?? String.fromCharCode(byte)).join('');
    });
    lines.push(parts.join(''));
  }
  return lines.join('\n');
}
