// vigil-fixture-path: api/src/lib/invoices.js
// A library module of the api side: its exports are called by services with values they checked.
import { db } from 'src/lib/db';

export const invoicesByCustomer = ({ customer }) => {
  // ok: js.sqli.string-query
  return db.$queryRawUnsafe(`SELECT * FROM "Invoice" WHERE "customer" = '${customer}'`);
};
