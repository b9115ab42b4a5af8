// A fake arXiv for full texts on 127.0.0.1: the synthetic LaTeXML papers of
// test/fixtures/fulltext/ under /html/<id>, optional PDFs under /pdf/<id>.
import { readFileSync } from 'node:fs';
import { fixture } from '../cli/support/run-cli.js';
import { startFakeHttpServer, type FakeHttpServer } from '../fakes/fake-http-server.js';

/** The labeled set: questions answerable only from the body, and off-topic questions. */
export interface LabeledSet {
  questions: Array<{ paper: string; question: string; anchor: string; sentence: string }>;
  offTopic: Array<{ paper: string; question: string }>;
}

/** The labeled questions of test/fixtures/fulltext/questions.json. */
export function labeledSet(): LabeledSet {
  return JSON.parse(readFileSync(fixture('fulltext/questions.json'), 'utf8')) as LabeledSet;
}

/** The ids of the synthetic papers. */
export const FULLTEXT_IDS = ['2607.01001', '2607.01002', '2607.01003'];

/** The LaTeXML page of a synthetic paper. */
export function paperHtml(id: string): string {
  return readFileSync(fixture(`fulltext/${id}.html`), 'utf8');
}

/** Starts a fake arXiv serving every synthetic paper's HTML (any version suffix); PDFs answer 404 unless scripted. */
export async function startFakeArxiv(): Promise<FakeHttpServer> {
  const server = await startFakeHttpServer();
  server.route('GET', /^\/html\/.+/, (req) => {
    const id = decodeURIComponent(req.path.slice('/html/'.length)).replace(/v\d+$/, '');
    return FULLTEXT_IDS.includes(id)
      ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: paperHtml(id) }
      : { status: 404, body: 'No HTML for this paper' };
  });
  return server;
}

/** A minimal one-page PDF whose page shows `lines` of text (Helvetica). */
export function makePdf(lines: string[]): Uint8Array {
  const escape = (l: string) => l.replace(/[()\\]/g, '\\$&');
  const content = `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -16 Td ' : ''}(${escape(l)}) Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
