/** Kysely's view of the database: one interface per table, columns named as in SQL. */
import type { ColumnType, Generated } from 'kysely';
import type { ConsentReceipt } from '../consent/receipt.ts';

export interface Database {
  consent_receipts: ConsentReceiptsTable;
}

export interface ConsentReceiptsTable {
  id: Generated<string>;
  consent_id: string;
  accept_type: ConsentReceipt['acceptType'];
  categories: ConsentReceipt['acceptedCategories'];
  services: ConsentReceipt['acceptedServices'];
  revision: number;
  policy_version: string;
  language: ConsentReceipt['language'];
  source: ConsentReceipt['source'];
  /** Set by the database clock only, so a receipt's time cannot be supplied by the browser. */
  recorded_at: ColumnType<Date, never, never>;
}
