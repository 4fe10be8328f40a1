/** Word-wraps prose for the terminal, keeping the author's line breaks and list indentation. */
export function wrapText(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  return text
    .split('\n')
    .map((line) => {
      const hanging = /^(\s*(?:[-*]|\d+\.)\s+|\s+)/.exec(line)?.[0] ?? '';
      const pad = ' '.repeat(hanging.length);
      const words = line.slice(hanging.length).split(/ +/).filter((word) => word !== '');
      if (words.length === 0) return line.trim() === '' ? '' : indent + line.trimEnd();
      const lines: string[] = [];
      let current = hanging;
      for (const word of words) {
        const fresh = current === hanging || current === pad;
        if (!fresh && current.length + 1 + word.length > room) {
          lines.push(current);
          current = pad + word;
        } else {
          current = fresh ? current + word : `${current} ${word}`;
        }
      }
      lines.push(current);
      return lines.map((part) => indent + part).join('\n');
    })
    .join('\n');
}
