/** DOCX rendering of a report (the `docx` package), with merged table cells as in the official format. */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { blocks, type Printable } from './printable.ts';

export async function renderDocx(p: Printable): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const b of blocks(p)) {
    if (b.kind === 'title') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.TITLE }));
    else if (b.kind === 'heading') children.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }));
    else if (b.kind === 'paragraph') children.push(new Paragraph({ text: b.text }));
    else {
      const rows = b.grid.rows.map(
        (row) =>
          new TableRow({
            children: row.map(
              (c) => new TableCell({ children: [new Paragraph(c.text)], columnSpan: c.colSpan, rowSpan: c.rowSpan }),
            ),
          }),
      );
      children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    }
  }
  const doc = new Document({ creator: 'gongkai report fixtures', sections: [{ children }] });
  return Packer.toBuffer(doc);
}
