import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_FILES, loadDemoContent, parseDemoContent } from './demo-content.ts';
import { normalizeVietnamese } from '../text/tone.ts';

const DIR = path.resolve(import.meta.dirname, '../../../scripts/demo-content');

async function rawFiles(): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const [part, file] of Object.entries(DEMO_FILES)) {
    files[part] = JSON.parse(await readFile(path.join(DIR, file), 'utf8'));
  }
  return files;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('demo content files', () => {
  it('validate against their schemas, with every reference defined', async () => {
    const content = await loadDemoContent(DIR);
    assert.ok(content.legalDocuments.length >= 12);
    assert.ok(content.procedures.length >= 6);
    assert.ok(content.agencies.length >= 7);
  });

  it('are written as NFC with the portal’s tone placement, so the seed stores them unchanged', async () => {
    const wrong = strings(await rawFiles()).filter((text) => normalizeVietnamese(text) !== text);
    assert.deepEqual(wrong, []);
  });

  it('replace a 2021 decision with a 2026 one, so a document shows as no longer in force', async () => {
    const { legalDocuments } = await loadDemoContent(DIR);
    const replacing = legalDocuments.find((d) => d.relations?.some((r) => r.type === 'thay_the'));
    const target = replacing?.relations?.find((r) => r.type === 'thay_the')?.target;
    assert.match(replacing?.issueDate ?? '', /^2026-/);
    assert.match(target ?? '', /\/2021\//);
    for (const type of ['sua_doi_bo_sung', 'huong_dan', 'can_cu']) {
      assert.ok(
        legalDocuments.some((d) => d.relations?.some((r) => r.type === type)),
        `a "${type}" relation`,
      );
    }
  });

  it('report a broken reference with the file and path', async () => {
    const files = await rawFiles();
    const procedures = structuredClone(files.procedures) as Array<{ legalBasis: string[] }>;
    procedures[1]!.legalBasis[0] = '999/QĐ-UBND';
    const documents = structuredClone(files.legalDocuments) as Array<{ issuingAgency: string }>;
    documents[2]!.issuingAgency = 'SXYZ';
    assert.throws(
      () => parseDemoContent({ ...files, procedures, legalDocuments: documents }),
      (error: Error) => {
        assert.match(error.message, /procedures\.json: 1\.legalBasis\.0: unknown document number "999\/QĐ-UBND"/);
        assert.match(error.message, /legal-documents\.json: 2\.issuingAgency: unknown agency code "SXYZ"/);
        return true;
      },
    );
  });

  it('report a field the schema does not know, naming the file', async () => {
    const files = await rawFiles();
    const calendar = structuredClone(files.calendar) as Array<Record<string, unknown>>;
    calendar[0]!.location = 'Phòng họp số 1';
    assert.throws(() => parseDemoContent({ ...files, calendar }), /calendar\.json: 0: Unrecognized key: "location"/);
  });
});
