/** How many times `char` occurs in `text`; indexOf jumps natively, far faster than a character loop. */
export function countOccurrences(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}
