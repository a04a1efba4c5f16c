import { describe, expect, test } from 'vitest';
import { UsageError } from './cli-errors.js';
import { findImportUnits, slugOf } from './find-import-units.js';
import { fixture } from './__fixtures__/run-accord.js';

const layout = fixture('import-layout/');
const unitsOf = async () => findImportUnits(layout);

describe('slugOf', () => {
  test.each([
    ['payments-api.yaml', 'payments-api'],
    ['Loyalty_Points.API.json', 'loyalty-points-api'],
    ['Price Events', 'price-events'],
    ['  --Order  Events v2--.YML', 'order-events-v2'],
  ])('the name %j becomes the slug %j', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });

  test('a long name is cut to 64 characters without leaving a trailing hyphen', () => {
    const slug = slugOf(`${'a'.repeat(63)} billing.yaml`);
    expect(slug).toBe('a'.repeat(63));
    expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
  });
});

describe('findImportUnits', () => {
  test('finds one contract per document file and per folder, named after them, in name order', async () => {
    expect((await unitsOf()).filter((u) => !u.problem).map((u) => u.contract)).toEqual(['catalog-api', 'loyalty-points-api', 'price-events', 'reviews']);
  });

  test('a document file directly in the folder is a contract whose version comes from info.version', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'loyalty-points-api');
    expect(unit?.versions).toEqual([{ file: `${layout}Loyalty_Points.API.json`, version: null }]);
  });

  test('version files of a folder are published in semver order, not name order', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'price-events');
    expect(unit?.versions.map((v) => v.version)).toEqual(['1.2.0', '1.9.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
    expect(unit?.versions[2]?.file).toBe(`${layout}Price_Events/1.10.0.yaml`);
  });

  test('a fragment beside version files is not a version', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'price-events');
    expect(unit?.versions.map((v) => v.file)).not.toContain(`${layout}Price_Events/common.yaml`);
  });

  test('a folder with an entry document named openapi.yaml is one contract from that document', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'catalog-api');
    expect(unit?.versions).toEqual([{ file: `${layout}catalog-api/openapi.yaml`, version: null }]);
  });

  test('in a folder without an entry name, the only document that looks like a contract is the entry', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'reviews');
    expect(unit?.versions).toEqual([{ file: `${layout}reviews/reviews-service.yaml`, version: null }]);
  });

  test('shared fragments are not contracts, neither directly in the folder nor in a folder of their own', async () => {
    const contracts = (await unitsOf()).map((u) => u.contract);
    expect(contracts).not.toContain('shared-types');
    expect(contracts).not.toContain('fragments-only');
  });

  test('a folder holding two contracts and no entry document is reported, not guessed', async () => {
    const unit = (await unitsOf()).find((u) => u.contract === 'two-apis');
    expect(unit?.versions).toEqual([]);
    expect(unit?.problem).toMatch(/holds 2 contract documents .* and no entry document/);
  });

  test('hidden files and files that are not documents are ignored', async () => {
    const files = (await unitsOf()).flatMap((u) => u.versions.map((v) => v.file));
    expect(files.some((f) => f.includes('.draft-api') || f.endsWith('notes.txt'))).toBe(false);
  });

  test('a folder that cannot be read is a usage error', async () => {
    const missing = findImportUnits(fixture('no-such-folder/'));
    await expect(missing).rejects.toBeInstanceOf(UsageError);
    await expect(missing).rejects.toThrow(/cannot read folder .*no-such-folder.*: ENOENT/);
  });
});
