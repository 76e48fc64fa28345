/** Test helper: the text of each page of a PDF, as pdfjs reads it (the documents tests' view). */
export async function pdfPageTexts(data: Buffer | Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++)
    pages.push((await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''));
  await doc.destroy();
  return pages;
}

/** Test helper: the text of a PDF's pages, whitespace removed. */
export async function pdfText(data: Buffer): Promise<string> {
  return (await pdfPageTexts(data)).join('').replace(/\s+/g, '');
}
