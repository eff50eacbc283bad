import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { branches } from '#functions/clinic/clinic.ts';
import { setUpHubSpot } from '#functions/delivery/hubspot/setup.ts';
import { type FakeHubSpot, fakeHubSpotClient, startFakeHubSpot } from '../support/fake-hubspot.ts';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

let fake: FakeHubSpot;

afterEach(() => fake.stop());

describe('setUpHubSpot', () => {
  it('creates the property groups, properties, pipelines and the guardian association label, and nothing on a second run', async () => {
    fake = await startFakeHubSpot();
    const client = fakeHubSpotClient(fake);

    const first = await setUpHubSpot(client);

    expect(first.created).toEqual(
      expect.arrayContaining([
        'contacts property group clinic_website',
        'contacts property clinic_mobile',
        'contacts property clinic_email_news_consent',
        'deals property group clinic_website',
        'deals property clinic_booking_reference',
        'deals property clinic_patient_is_minor',
        'deals property clinic_guardian_consent',
        'deals pipeline "Website appointment requests"',
        'tickets property group clinic_website',
        'tickets property clinic_request_reference',
        'tickets property clinic_rights_request_type',
        'tickets pipeline "Privacy requests"',
        'deals to contacts association label "Parent or guardian"',
      ]),
    );
    // A contact is always an adult: whatever is about a patient under 18 is the deal's.
    expect(fake.properties('contacts').map(({ name }) => name)).not.toContain('clinic_is_minor');
    expect(first.updated).toEqual([]);
    expect(first.found).toEqual([]);
    const unique = (type: 'contacts' | 'deals' | 'tickets') =>
      fake
        .properties(type)
        .filter((property) => property.hasUniqueValue)
        .map(({ name }) => name);
    expect(unique('contacts')).toEqual(['email', 'clinic_mobile']);
    expect(unique('deals')).toEqual(['clinic_booking_reference']);
    expect(unique('tickets')).toEqual(['clinic_request_reference']);
    expect(
      fake
        .pipelines()
        .at(-1)
        ?.stages.map(({ label }) => label),
    ).toEqual(['Requested', 'Confirmed', 'Booked', 'Closed without booking']);
    const privacyPipeline = fake.pipelines('tickets').at(-1);
    expect(privacyPipeline?.label).toBe('Privacy requests');
    expect(privacyPipeline?.stages.map(({ label, metadata }) => [label, metadata.ticketState])).toEqual([
      ['New', 'OPEN'],
      ['Identity check', 'OPEN'],
      ['In progress', 'OPEN'],
      ['Resolved', 'CLOSED'],
    ]);

    fake.clearRequests();
    const second = await setUpHubSpot(client);

    expect(second).toEqual({ created: [], updated: [], found: first.created });
    // Each object's groups and properties, the deal and the ticket pipelines, the labels, the contact properties
    // and the list: all read, nothing written.
    expect(fake.requests.map(({ method }) => method)).toEqual(Array(11).fill('GET'));
    expect(fake.lists()).toHaveLength(1);
    expect(fake.pipelines('tickets').filter(({ label }) => label === 'Privacy requests')).toHaveLength(1);
    expect(fake.associationTypes('deals', 'contacts')).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
      { category: 'USER_DEFINED', typeId: expect.any(Number), label: 'Parent or guardian' },
    ]);
    expect(fake.associationTypes('contacts', 'deals')).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 4, label: null },
      { category: 'USER_DEFINED', typeId: expect.any(Number), label: 'Parent or guardian' },
    ]);
  });

  it('makes a label deals use as HubSpot numbers it, and the fake refuses types not defined between the objects', async () => {
    fake = await startFakeHubSpot();
    const client = fakeHubSpotClient(fake);
    await setUpHubSpot(client);
    const label = fake.associationTypes('deals', 'contacts').find(({ category }) => category === 'USER_DEFINED');
    const contact = fake.addContact({ email: 'asha@example.com' });
    const pipeline = fake.pipelines().at(-1);
    const [dealRecord] = (
      await client.crm.deals.batchApi.upsert({
        inputs: [
          {
            idProperty: 'clinic_booking_reference',
            id: 'KC-7Q4M-X2P9',
            properties: { pipeline: pipeline?.id ?? '', dealstage: pipeline?.stages[0]?.id ?? '' },
          },
        ],
      })
    ).results;
    const associate = (associationCategory: string, associationTypeId: number) =>
      client.crm.associations.v4.basicApi.create('deals', dealRecord?.id ?? '', 'contacts', contact.id, [
        { associationCategory, associationTypeId } as never,
      ]);

    expect((await associate('USER_DEFINED', label?.typeId ?? 0)).labels).toEqual(['Parent or guardian']);
    for (const [category, typeId] of [
      ['HUBSPOT_DEFINED', label?.typeId ?? 0],
      ['USER_DEFINED', 3],
      ['USER_DEFINED', (label?.typeId ?? 0) + 1],
    ] as const) {
      await expect(associate(category, typeId), `${category} ${typeId}`).rejects.toMatchObject({ code: 400 });
    }
    await expect(
      client.crm.associations.v4.schema.definitionsApi.create('deals', 'contacts', {
        name: 'clinic_parent_or_guardian',
        label: 'Parent or guardian',
      }),
    ).rejects.toMatchObject({ code: 409 });
  });

  it("adds the options a choice property lacks, as after a branch is added to the site's config", async () => {
    fake = await startFakeHubSpot();
    const client = fakeHubSpotClient(fake);
    await setUpHubSpot(client);
    const branchProperty = fake.properties('deals').find(({ name }) => name === 'clinic_branch');
    branchProperty?.options.pop();

    const report = await setUpHubSpot(client);

    expect(report.created).toEqual([]);
    expect(report.updated).toEqual(['deals property clinic_branch']);
    expect(branchProperty?.options.map(({ value }) => value)).toEqual(branches.map(({ id }) => id));
  });

  it('makes the list of contacts the clinic may email once, through the Lists API', async () => {
    fake = await startFakeHubSpot();
    const client = fakeHubSpotClient(fake);

    const first = await setUpHubSpot(client);
    const second = await setUpHubSpot(client);

    const item = 'contacts list "Website: may receive clinic news by email"';
    expect(first.created).toContain(item);
    expect(second.found).toContain(item);
    const consentGiven = {
      filterType: 'PROPERTY',
      property: 'clinic_email_news_consent',
      operation: { operationType: 'BOOL', operator: 'IS_EQUAL_TO', value: true, includeObjectsWithNoValueSet: false },
    };
    expect(fake.requests.filter(({ method, path }) => method === 'POST' && path === '/crm/v3/lists')).toEqual([
      expect.objectContaining({
        status: 200,
        body: {
          name: 'Website: may receive clinic news by email',
          objectTypeId: '0-1',
          processingType: 'DYNAMIC',
          filterBranch: {
            filterBranchType: 'OR',
            filterBranchOperator: 'OR',
            filters: [],
            filterBranches: [
              { filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters: [consentGiven] },
            ],
          },
        },
      }),
    ]);
  });

  it('leaves out of the list, in an account set up before contacts were always adults, contacts flagged as minors', async () => {
    fake = await startFakeHubSpot();
    const client = fakeHubSpotClient(fake);
    await setUpHubSpot(client);
    fake.lists().splice(0);
    fake.properties('contacts').push({
      name: 'clinic_is_minor',
      label: 'Under 18',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: 'clinic_website',
      options: [],
    });

    await setUpHubSpot(client);

    expect(fake.lists()[0]?.filterBranch?.filterBranches?.[0]?.filters).toEqual([
      expect.objectContaining({ property: 'clinic_email_news_consent' }),
      {
        filterType: 'PROPERTY',
        property: 'clinic_is_minor',
        operation: { operationType: 'BOOL', operator: 'IS_EQUAL_TO', value: false, includeObjectsWithNoValueSet: true },
      },
    ]);
  });

  it('spaces its requests to keep within the rate limit', async () => {
    fake = await startFakeHubSpot();

    await setUpHubSpot(fakeHubSpotClient(fake, { requestsPerTenSeconds: 100 }));

    // The client spaces the starts 100 ms apart; the server sees arrivals, and one that comes late (the first,
    // after the connection is set up, or any on a busy machine) arrives close to the next. Counted over whole
    // seconds, that is one more at most; unspaced requests would arrive dozens to the second.
    const starts = fake.requests.map(({ receivedAt }) => receivedAt);
    const inOneSecondFrom = (start: number) => starts.filter((at) => at >= start && at < start + 1000).length;
    expect(Math.max(...starts.map(inOneSecondFrom))).toBeLessThanOrEqual(11);
    expect(((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / (starts.length - 1)).toBeGreaterThanOrEqual(95);
  });
});

describe('npm run crm:setup', () => {
  const setup = (env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'functions/commands/crm-setup.ts'], {
      cwd: repository,
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('sets HubSpot up and says what it created, then that all was there', { timeout: 30_000 }, async () => {
    fake = await startFakeHubSpot();
    const env = { HUBSPOT_ACCESS_TOKEN: 'test-token', HUBSPOT_BASE_URL: fake.url };

    const first = await setup(env);
    expect(first.stdout).toMatch(/^Created: 42\n {2}contacts property group clinic_website\n/);
    expect(first.stdout).toMatch(/Updated: 0\nAlready there: 0\n$/);

    const second = await setup(env);
    expect(second.stdout).toBe('Created: 0\nUpdated: 0\nAlready there: 42\n');
  });

  it('exits with 2 and says why without an access token', { timeout: 30_000 }, async () => {
    fake = await startFakeHubSpot();

    const failure = await setup({}).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^HUBSPOT_ACCESS_TOKEN is not set/);
  });
});
