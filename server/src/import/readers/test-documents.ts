/**
 * Small PDF and Word documents made by maintained writer libraries (pdfkit, docx), for tests that
 * need real files of each format without any file outside the repository.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';

export interface TestPlan {
  title: string;
  priorities: { title: string; actions: string[] }[];
}

/** A small plan of two priorities and three actions, its title made unique by `name` and `prefix`. */
export const samplePlan = (name: string, prefix: string): TestPlan => ({
  title: `${name} ${prefix} Plan 2025-2029`,
  priorities: [
    { title: 'Healthy lives', actions: ['Open a carers hub in every town by 2026', 'Offer every unpaid carer an assessment of their needs'] },
    { title: 'Safe streets', actions: ['Light every underpass in the borough with new lamps'] },
  ],
});

/** A plan as a PDF: a large title, a list of priorities, then a page per priority with its actions, a running footer and page numbers. */
export async function planPdf(plan: TestPlan): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: 'A4', margin: 72, bufferPages: true });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  pdf.font('Helvetica-Bold').fontSize(26).text(plan.title);
  pdf.moveDown();
  pdf.font('Helvetica').fontSize(11).text('This plan sets out our priorities for the next four years. Our priorities are:');
  pdf.moveDown(0.5);
  for (const priority of plan.priorities) pdf.text(`•  ${priority.title}`, { indent: 12 });
  for (const priority of plan.priorities) {
    pdf.addPage();
    pdf.font('Helvetica-Bold').fontSize(18).text(priority.title);
    pdf.moveDown(0.5);
    pdf.font('Helvetica').fontSize(11).text('Residents told us this matters to them, and the evidence agrees with them about why it matters so much.');
    pdf.moveDown(0.5);
    pdf.font('Helvetica-Bold').fontSize(14).text('Key actions');
    pdf.moveDown(0.5);
    pdf.font('Helvetica').fontSize(11);
    for (const action of priority.actions) pdf.text(`•  ${action}`, { indent: 12 });
  }
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    pdf.switchToPage(page);
    pdf.font('Helvetica').fontSize(9).text(`Example Council – ${plan.title}`, 72, 800, { lineBreak: false });
    pdf.text(String(page + 1), 500, 800, { lineBreak: false });
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A plan as a Word document: heading styles, a bulleted list of actions under each priority, and a table. */
export async function planDocx(plan: TestPlan): Promise<Uint8Array> {
  const bullet = (text: string) => new Paragraph({ text, numbering: { reference: 'bullets', level: 0 } });
  const document = new Document({
    numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE }),
          new Paragraph({ children: [new TextRun('This plan sets out our priorities. Our priorities are:')] }),
          ...plan.priorities.map((priority) => bullet(priority.title)),
          ...plan.priorities.flatMap((priority) => [
            new Paragraph({ text: priority.title, heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Why it matters to residents and to the council alike.' }),
            new Paragraph({ text: 'Key actions', heading: HeadingLevel.HEADING_2 }),
            ...priority.actions.map(bullet),
          ]),
          new Paragraph({ text: 'Key data', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Measure')] }), new TableCell({ children: [new Paragraph('Value')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Residents')] }), new TableCell({ children: [new Paragraph('180,000')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
