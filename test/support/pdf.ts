/** Test helper: the text of a PDF's pages, whitespace removed (pdfjs, as the documents tests read them). */
export async function pdfText(data: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++)
    text += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}
