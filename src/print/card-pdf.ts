/**
 * The meeting card as one printed page (`coach card --pdf`): the same content as the terminal
 * card (core/note/meeting-card.ts), laid out by pdfkit, which wraps the text itself. The fonts are
 * DejaVu Sans from the `dejavu-fonts-ttf` package, embedded as subsets: no font is sure to be on
 * the user's machine, pdfkit's built-in standard-14 fonts garble anything beyond Latin-1 (é
 * survives, Ł, — and ☕ do not), and text in an embedded TrueType font stays selectable.
 *
 * pdfkit (and fontkit, its font reader, asked here which characters the fonts lack) are imported
 * here, lazily, and this module only when --pdf is given: pdfkit costs a start of Node about five
 * times over, which no other command should pay. The bundle keeps both external (build.ts), since
 * pdfkit's ES build cannot be bundled into CommonJS.
 *
 * One page, always: the card is drawn at the largest body size that fits, from 12 pt down in
 * half points; when even 7 pt overflows, nothing is cut, the caller is told it does not fit.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import type { CardSection, MeetingCard } from '../core/note/meeting-card.js';
import { FileError } from '../errors.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { PDFKIT_SIZE, type Paper } from './paper.js';

/** Body sizes tried, largest first; below 7 pt a printed card is hard to read. */
export const LARGEST_SIZE = 12;
export const SMALLEST_SIZE = 7;
const MARGIN = 48;
const INK = '#111111';
const MUTED = '#555555';
const RULE = '#999999';

interface FontFiles {
  regular: string;
  bold: string;
}

export interface CardPdf {
  bytes: Uint8Array;
  /** The body size the card fitted at, in points. */
  size: number;
  /** Characters of the card its font has no glyph for (Chinese, Japanese, Korean): they print as blanks. */
  missing: string[];
}

/** The PDF of the card on one page of `paper`, or undefined when even the smallest size would need a second page. */
export async function renderCardPdf(card: MeetingCard, paper: Paper, created: Date): Promise<CardPdf | undefined> {
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = dejaVuFonts();
  for (let size = LARGEST_SIZE; size >= SMALLEST_SIZE; size -= 0.5) {
    const doc = new PDFDocument({
      size: PDFKIT_SIZE[paper],
      margin: MARGIN,
      // Ours from the start: the default, Helvetica, is one of the fonts that garble.
      font: fonts.regular,
      autoFirstPage: true,
      displayTitle: true,
      info: { Title: `Meeting card: ${printable(card.heading)}`, Creator: 'coach', CreationDate: created, ModDate: created },
    });
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
    let overflowed = false;
    doc.on('pageAdded', () => {
      overflowed = true;
    });
    drawCard(doc, card, size);
    if (overflowed || doc.y > doc.page.height - doc.page.margins.bottom) continue;
    return { bytes: await finished(doc), size, missing: await missingGlyphs(card, fonts) };
  }
  return undefined;
}

/** Every character of the card that the face it is set in cannot draw, once each, in the order met. */
async function missingGlyphs(card: MeetingCard, fonts: FontFiles): Promise<string[]> {
  const { openSync } = await import('fontkit');
  // What drawCard sets in bold: the title and the key questions; the rest is regular.
  const questions = card.sections.filter((section) => section.kind === 'questions').flatMap((section) => section.items);
  const others = card.sections.filter((section) => section.kind !== 'questions').flatMap((section) => section.items);
  const bold = [cardTitle(card), ...questions.map((item) => item.head)];
  const regular = [card.meeting?.customer ?? '', card.meeting?.date ?? '', card.playbookTitle, ...questions.map((item) => item.detail ?? ''), ...others.map((item) => item.head)];
  const missing = new Set<string>();
  for (const [file, texts] of [[fonts.bold, bold], [fonts.regular, regular]] as const) {
    const face = openSync(file);
    for (const character of printable(texts.join(' ')).replace(/\s/g, '')) {
      if ('hasGlyphForCodePoint' in face && !face.hasGlyphForCodePoint(character.codePointAt(0) ?? 0)) missing.add(character);
    }
  }
  return [...missing];
}

function finished(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** The font files, found as packages are (from the bundle in dist/ too); pdfkit reads them. */
function dejaVuFonts(): FontFiles {
  const require = createRequire(import.meta.url);
  const find = (file: string): string => {
    let path = `dejavu-fonts-ttf/ttf/${file}`;
    try {
      path = require.resolve(path);
      accessSync(path, constants.R_OK);
      return path;
    } catch {
      throw new FileError(path, 'cannot read this font, which the printed card needs; reinstall coach so its dejavu-fonts-ttf package is there');
    }
  };
  return { regular: find('DejaVuSans.ttf'), bold: find('DejaVuSans-Bold.ttf') };
}

/** The user's words as they wrote them, line breaks kept; nothing that could hide or reorder text. */
function printable(text: string): string {
  return sanitizeForTerminal(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')).trim();
}

/** The line in large type: what the meeting is about, or on the method card the playbook. */
function cardTitle(card: MeetingCard): string {
  return card.meeting ? (card.meeting.title ?? `Meeting with ${card.meeting.customer}`) : card.playbookTitle;
}

function drawCard(doc: PDFKit.PDFDocument, card: MeetingCard, size: number): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fillColor(MUTED).font('bold').fontSize(size * 0.75).text('MEETING CARD', left, doc.page.margins.top, { width, characterSpacing: 1 });
  doc.moveDown(0.2);
  doc.fillColor(INK).font('bold').fontSize(size * 1.7).text(printable(cardTitle(card)), { width });
  doc.moveDown(0.15);
  const facts: [string, string][] = card.meeting
    ? [
        ['Customer', card.meeting.customer],
        ['Date', card.meeting.date],
        ['Playbook', card.playbookTitle],
      ]
    : [['Playbook', `${card.playbookTitle}, the blank method card`]];
  doc.fontSize(size * 0.95);
  facts.forEach(([label, value], index) => {
    const last = index === facts.length - 1;
    doc.fillColor(MUTED).font('bold').text(`${label} `, { width, continued: true });
    doc.fillColor(INK).font('regular').text(last ? printable(value) : `${printable(value)}     `, { continued: !last });
  });
  doc.moveDown(0.5);
  rule(doc, left, width, 1);
  for (const section of card.sections) drawSection(doc, section, size, left, width);
}

function drawSection(doc: PDFKit.PDFDocument, section: CardSection, size: number, left: number, width: number): void {
  doc.y += size * 0.9;
  doc.fillColor(MUTED).font('bold').fontSize(size * 0.8).text(section.title.toUpperCase(), left, doc.y, { width, characterSpacing: 0.8 });
  doc.y += size * 0.3;
  for (const item of section.items) {
    if (section.kind === 'questions') drawQuestion(doc, item, size, left, width);
    else if (section.kind === 'actions') hanging(doc, '☐', item.head, { size, left, width, indent: size * 1.6, markerScale: 1.15 });
    else hanging(doc, '•', item.head, { size, left, width, indent: size * 1.1, markerScale: 1 });
    doc.y += size * 0.45;
  }
}

/** A key question in bold, the user's answer under it; on the blank method card, lines to write on. */
function drawQuestion(doc: PDFKit.PDFDocument, item: CardSection['items'][number], size: number, left: number, width: number): void {
  doc.fillColor(INK).font('bold').fontSize(size).text(printable(item.head), left, doc.y, { width, lineGap: size * 0.15 });
  const indent = size * 1.1;
  if (item.detail !== undefined) {
    doc.y += size * 0.15;
    doc.font('regular').text(printable(item.detail), left + indent, doc.y, { width: width - indent, lineGap: size * 0.2 });
    return;
  }
  for (let line = 0; line < 2; line++) {
    doc.y += size * 1.9;
    rule(doc, left + indent, width - indent, 0.5);
  }
}

interface HangingOptions {
  size: number;
  left: number;
  width: number;
  indent: number;
  /** A box to tick is drawn a little larger than the text, and raised to sit on its line. */
  markerScale: number;
}

/** A marker (a box to tick, a bullet) with the text beside it, every wrapped line under the first. */
function hanging(doc: PDFKit.PDFDocument, marker: string, text: string, options: HangingOptions): void {
  const { size, left, width, indent, markerScale } = options;
  const top = doc.y;
  doc.fillColor(INK).font('regular').fontSize(size * markerScale).text(marker, left, top - size * (markerScale - 1) * 0.6, { lineBreak: false });
  doc.fontSize(size).text(printable(text), left + indent, top, { width: width - indent, lineGap: size * 0.2 });
}

function rule(doc: PDFKit.PDFDocument, x: number, width: number, lineWidth: number): void {
  doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(lineWidth).strokeColor(RULE).stroke();
}
